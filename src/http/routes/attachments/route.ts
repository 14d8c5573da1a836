import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentOf } from '../../../services/attachment-service.js';
import type { ServiceContext } from '../../../services/context.js';
import { fail } from '../../../services/errors.js';
import { actorOf } from '../../request-context.js';
import { FileName, parseField } from '../../schemas.js';
import { IdParams } from './schema.js';

/** The one file of a multipart upload, its name checked as every text field is. */
export async function uploadedFile(request: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw fail('upload.multipart_required');
  const part = await request.file();
  if (!part) throw fail('upload.no_file', {}, { field: 'file' });
  const filename = parseField(FileName, part.filename, 'file.filename');
  return { filename, bytes: await part.toBuffer() };
}

export function registerAttachmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/attachments/:id',
    { schema: { tags: ['attachments'], params: IdParams } },
    async (request, reply) => {
      const { file, path } = await attachmentOf(ctx, actorOf(request), request.params.id);
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(path));
    },
  );
}
