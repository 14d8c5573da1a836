import { newId } from '../db/ids.js';
import { getEvidenceFile, insertEvidenceFile } from '../db/repositories/evidence-repository.js';
import type { EvidenceFileRow } from '../db/schema.js';
import { acceptsEvidence } from '../domain/report-workflow.js';
import { demand, fileFor, reportFor } from './access.js';
import type { Actor } from './actor.js';
import { nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import { storedPath, storeUpload } from './file-store.js';
import * as reportPolicy from './policies/report.js';

export type { EvidenceFileRow };

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
  const { sha256, mime } = await storeUpload(ctx, filename, bytes);
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
  return { file, path: storedPath(ctx, file.sha256) };
}
