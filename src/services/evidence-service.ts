import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../db/ids.js';
import { getEvidenceFile, insertEvidenceFile } from '../db/repositories/evidence-repository.js';
import type { EvidenceFileRow } from '../db/schema.js';
import { evidenceTypeOf } from '../documents/evidence-types.js';
import { UPLOAD_LIMIT_BYTES, UPLOAD_LIMIT_MB } from '../domain/limits.js';
import { acceptsEvidence } from '../domain/report-workflow.js';
import { demand, fileFor, reportFor } from './access.js';
import type { Actor } from './actor.js';
import { nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as reportPolicy from './policies/report.js';

export type { EvidenceFileRow };

/** Where a file's bytes live: named by their sha256, so the same file uploaded twice is stored once. */
function pathOf(ctx: ServiceContext, sha256: string): string {
  return join(ctx.filesDir, sha256.slice(0, 2), sha256);
}

/** Evidence (佐证材料) for a report, while the unit still has the report in hand. */
export async function addEvidence(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  filename: string,
  bytes: Buffer,
): Promise<EvidenceFileRow> {
  const report = await reportFor(ctx, actor, reportId);
  demand(
    reportPolicy.can(actor, 'add_evidence', {
      regionId: report.region_id,
      unitId: report.unit_id,
      status: report.status,
    }),
    'access.own_unit_evidence',
  );
  if (!acceptsEvidence(report.status)) throw fail('evidence.submitted');
  if (bytes.length === 0) throw fail('upload.empty', {}, { field: 'file' });
  if (bytes.length > UPLOAD_LIMIT_BYTES) throw fail('upload.too_large', { maxMb: UPLOAD_LIMIT_MB });
  const mime = evidenceTypeOf(filename, bytes);
  if (mime === null) throw fail('evidence.unsupported_type', {}, { filename });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Content-addressed: write to a temporary name and rename, so a crash never leaves half a file under the hash.
  const path = pathOf(ctx, sha256);
  await mkdir(join(ctx.filesDir, sha256.slice(0, 2)), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes, { flush: true });
  await rename(tmp, path);
  const id = newId('file');
  return write(ctx, actor, async ({ trx, audit }) => {
    await insertEvidenceFile(trx, {
      id,
      region_id: report.region_id,
      report_id: reportId,
      sha256,
      filename,
      mime,
      size: bytes.length,
      created_by: actor.accountId,
      created_at: nowIso(ctx),
    });
    await audit({
      regionId: report.region_id,
      action: 'evidence.add',
      entity: 'task',
      entityId: report.task_id,
      data: { reportId, fileId: id, filename, sha256 },
    });
    return (await getEvidenceFile(trx, id))!;
  });
}

/** A file the caller may read (reading it is reading its report's task), and where its bytes are. */
export async function evidenceFor(
  ctx: ServiceContext,
  actor: Actor,
  fileId: string,
): Promise<{ file: EvidenceFileRow; path: string }> {
  const file = await fileFor(ctx, actor, fileId);
  return { file, path: pathOf(ctx, file.sha256) };
}
