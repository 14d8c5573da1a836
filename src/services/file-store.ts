import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evidenceTypeOf } from '../documents/evidence-types.js';
import { UPLOAD_LIMIT_BYTES, UPLOAD_LIMIT_MB } from '../domain/limits.js';
import type { Actor } from './actor.js';
import { nowIso, type ServiceContext } from './context.js';
import { fail } from './errors.js';

// The bytes of uploaded files (report evidence, a request's or an experience's attachments), one store
// for all of them: the same checks on what may be uploaded, the same place on disk.

/** Where a file's bytes live: named by their sha256, so the same file uploaded twice is stored once. */
export function storedPath(ctx: ServiceContext, sha256: string): string {
  return join(ctx.filesDir, sha256.slice(0, 2), sha256);
}

export interface StoredFile {
  sha256: string;
  mime: string;
  size: number;
}

/** Names the type a file is stored as, or null when its name or content is not allowed where it is uploaded. */
export type UploadTypeOf = (filename: string, bytes: Buffer) => string | null;

/** Refuses an empty, oversized or unsupported file; otherwise stores it and says what it is. */
export async function storeUpload(
  ctx: ServiceContext,
  filename: string,
  bytes: Buffer,
  typeOf: UploadTypeOf = evidenceTypeOf,
): Promise<StoredFile> {
  if (bytes.length === 0) throw fail('upload.empty', {}, { field: 'file' });
  if (bytes.length > UPLOAD_LIMIT_BYTES) throw fail('upload.too_large', { maxMb: UPLOAD_LIMIT_MB });
  const mime = typeOf(filename, bytes);
  if (mime === null) throw fail('evidence.unsupported_type', {}, { filename });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Content-addressed: write to a temporary name and rename, so a crash never leaves half a file under the hash.
  const path = storedPath(ctx, sha256);
  await mkdir(join(ctx.filesDir, sha256.slice(0, 2)), { recursive: true });
  // A temporary name of its own: two uploads of the same bytes at once (a double click, a retry) must not
  // write to, and rename away, one shared temporary file.
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, bytes, { flush: true });
  await rename(tmp, path);
  return { sha256, mime, size: bytes.length };
}

/** A stored upload as every file row records it: what it is, and who brought it when. */
export interface UploadedFile extends StoredFile {
  filename: string;
  created_by: string;
  created_at: string;
}

/** Checks and stores an upload, answering with the columns each attachment table shares. */
export async function acceptUpload(
  ctx: ServiceContext,
  actor: Actor,
  filename: string,
  bytes: Buffer,
): Promise<UploadedFile> {
  const stored = await storeUpload(ctx, filename, bytes);
  return { ...stored, filename, created_by: actor.accountId, created_at: nowIso(ctx) };
}
