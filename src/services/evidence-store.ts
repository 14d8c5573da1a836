// Evidence files (佐证材料) on disk, for whatever they prove: a report's progress or a directive's checkpoint.
// The bytes are checked and stored the same way for both; each owner keeps its own table of who uploaded what.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evidenceTypeOf } from '../documents/evidence-types.js';
import { UPLOAD_LIMIT_BYTES, UPLOAD_LIMIT_MB } from '../domain/limits.js';
import type { ServiceContext } from './context.js';
import { fail } from './errors.js';

/** Where a file's bytes live: named by their sha256, so the same file uploaded twice is stored once. */
export function evidencePath(ctx: ServiceContext, sha256: string): string {
  return join(ctx.filesDir, sha256.slice(0, 2), sha256);
}

/** Refuses an empty, oversized or unsupported file; otherwise stores it and says what it is. */
export async function storeEvidence(
  ctx: ServiceContext,
  filename: string,
  bytes: Buffer,
): Promise<{ sha256: string; mime: string; size: number }> {
  if (bytes.length === 0) throw fail('upload.empty', {}, { field: 'file' });
  if (bytes.length > UPLOAD_LIMIT_BYTES) throw fail('upload.too_large', { maxMb: UPLOAD_LIMIT_MB });
  const mime = evidenceTypeOf(filename, bytes);
  if (mime === null) throw fail('evidence.unsupported_type', {}, { filename });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Content-addressed: write to a temporary name and rename, so a crash never leaves half a file under the hash.
  const path = evidencePath(ctx, sha256);
  await mkdir(join(ctx.filesDir, sha256.slice(0, 2)), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes, { flush: true });
  await rename(tmp, path);
  return { sha256, mime, size: bytes.length };
}
