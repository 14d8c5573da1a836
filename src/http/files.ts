import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../services/errors.js';
import { FileName, parseField } from './schemas.js';

// Every upload and download the API serves, so each keeps the same checks and headers.

/** The one file of a multipart request, with its name checked like any other text field. */
export async function readUpload(request: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw fail('upload.multipart_required');
  const part = await request.file();
  if (!part) throw fail('upload.no_file', {}, { field: 'file' });
  const filename = parseField(FileName, part.filename, 'file.filename');
  return { filename, bytes: await part.toBuffer() };
}

interface Download {
  filename: string;
  mime: string;
  /** Bytes made for this answer, or the path of a stored file to stream. */
  body: Buffer | { path: string };
  /** Shown in the browser (a preview) rather than saved. */
  inline?: boolean;
}

/** A file named in Chinese (RFC 5987), never sniffed into another type, never kept by a shared proxy. */
export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  const disposition = `${file.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
  return reply
    .type(file.mime)
    .header('content-disposition', disposition)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.isBuffer(file.body) ? file.body : createReadStream(file.body.path));
}
