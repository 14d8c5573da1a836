import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../db/ids.js';
import {
  findIdempotentResponse,
  findOpenReport,
  getEvidenceFile,
  getReport,
  insertEvidenceFile,
  insertReport,
  listEvidenceFiles,
  listReportQueue,
  listReportsOfTask,
  saveIdempotentResponse,
} from '../db/repositories/report-repository.js';
import { updateVersioned } from '../db/repositories/versioned.js';
import type { EvidenceFileRow, ReportRow, ReportStatus, TaskRow } from '../db/schema.js';
import { isPeriodKey } from '../domain/periods.js';
import {
  assertCanReportOnTask,
  assertRegion,
  assertRole,
  isAdmin,
  seesWholeRegion,
  type Actor,
} from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { AppError, conflict, forbidden, invalid, notFound, StaleVersionError } from './errors.js';
import {
  EDITABLE_REPORT_STATUSES,
  REPORT_TRANSITIONS,
  submissionTarget,
  type ReportAction,
} from './report-workflow.js';
import { loadTaskFor } from './task-service.js';

export interface ReportInput {
  period: string;
  progress: number;
  narrative: string;
  problems?: string | undefined;
  coordination?: string | undefined;
  claimsCompletion?: boolean | undefined;
  /** false keeps it a draft; the default submits it. */
  submit?: boolean | undefined;
}

function checkPeriod(period: string): void {
  if (!isPeriodKey(period))
    throw invalid('报送期次格式应为 2025-03 或 2025-Q1 (bad period)', { field: 'period' });
}

export interface CreatedReport {
  report: ReportRow;
  /** True when an Idempotency-Key matched an earlier request and nothing new was written. */
  replayed: boolean;
}

async function replay(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  key: string,
): Promise<CreatedReport | undefined> {
  const earlier = await findIdempotentResponse(db(ctx), actor.accountId, key);
  if (!earlier) return undefined;
  const { reportId } = JSON.parse(earlier.body) as { reportId: string };
  if (earlier.route !== `report:${taskId}`)
    throw conflict('该 Idempotency-Key 已用于其他请求 (key reused for another request)');
  return { report: (await getReport(db(ctx), reportId))!, replayed: true };
}

export async function createReport(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: ReportInput,
  idempotencyKey?: string,
): Promise<CreatedReport> {
  checkPeriod(input.period);
  const task = await loadTaskFor(ctx, actor, taskId);
  assertCanReportOnTask(actor, { regionId: task.region_id, leadUnitId: task.lead_unit_id, coUnitIds: [] });
  if (idempotencyKey) {
    const earlier = await replay(ctx, actor, taskId, idempotencyKey);
    if (earlier) return earlier;
  }
  const id = newId('rpt');
  try {
    return { report: await createReportRow(ctx, actor, task, id, input, idempotencyKey), replayed: false };
  } catch (error) {
    // Two retries racing with one key: the loser's insert of the key fails, and it answers with the winner's report.
    const earlier = idempotencyKey ? await replay(ctx, actor, taskId, idempotencyKey) : undefined;
    if (earlier) return earlier;
    throw error;
  }
}

/** Writes the report and answers with the row as written: reading it back would cost a query per submission. */
async function createReportRow(
  ctx: ServiceContext,
  actor: Actor,
  task: TaskRow,
  id: string,
  input: ReportInput,
  idempotencyKey: string | undefined,
): Promise<ReportRow> {
  const taskId = task.id;
  return write(ctx, actor, async ({ trx, audit }) => {
    if (idempotencyKey) {
      await saveIdempotentResponse(trx, {
        region_id: task.region_id,
        account_id: actor.accountId,
        key: idempotencyKey,
        route: `report:${taskId}`,
        status_code: 201,
        body: JSON.stringify({ reportId: id }),
        created_at: nowIso(ctx),
      });
    }
    const open = await findOpenReport(trx, taskId, input.period);
    if (open)
      throw conflict('本期已有进展报送，请修改原报送 (a report for this period exists)', {
        reportId: open.id,
      });
    const at = nowIso(ctx);
    const status: ReportStatus = input.submit === false ? 'draft' : submissionTarget(actor.role);
    const report: ReportRow = {
      id,
      region_id: task.region_id,
      task_id: taskId,
      unit_id: task.lead_unit_id!,
      period: input.period,
      progress: input.progress,
      narrative: input.narrative,
      problems: input.problems ?? '',
      coordination: input.coordination ?? '',
      claims_completion: input.claimsCompletion ? 1 : 0,
      status,
      return_reason: null,
      rating: null,
      created_by: actor.accountId,
      created_at: at,
      updated_at: at,
      submitted_at: status === 'draft' ? null : at,
      approved_at: status === 'submitted' ? at : null,
      reviewed_at: null,
      version: 1,
    };
    await insertReport(trx, report);
    await audit({
      regionId: task.region_id,
      action: 'report.create',
      entity: 'task',
      entityId: taskId,
      data: { reportId: id, status, ...input },
    });
    return report;
  });
}

function isUnitStaff(actor: Actor): boolean {
  return actor.role === 'reporter' || actor.role === 'unit_head';
}

async function loadReportFor(ctx: ServiceContext, actor: Actor, reportId: string): Promise<ReportRow> {
  const report = await getReport(db(ctx), reportId);
  if (!report) throw notFound('进展报送');
  await loadTaskFor(ctx, actor, report.task_id);
  return report;
}

export async function getReportFor(ctx: ServiceContext, actor: Actor, reportId: string): Promise<ReportRow> {
  return loadReportFor(ctx, actor, reportId);
}

export async function updateReport(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  input: Partial<Omit<ReportInput, 'period' | 'submit'>>,
): Promise<ReportRow> {
  const report = await loadReportFor(ctx, actor, reportId);
  // The unit's staff, not whoever else sits in the unit (a viewer or leader attached to it reads only).
  if (!isUnitStaff(actor) || report.unit_id !== actor.unitId)
    throw forbidden('只能修改本单位的报送 (own unit only)');
  if (!EDITABLE_REPORT_STATUSES.includes(report.status))
    throw conflict('已提交的报送不能修改 (report no longer editable)', { status: report.status });
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.progress !== undefined && { progress: input.progress }),
      ...(input.narrative !== undefined && { narrative: input.narrative }),
      ...(input.problems !== undefined && { problems: input.problems }),
      ...(input.coordination !== undefined && { coordination: input.coordination }),
      ...(input.claimsCompletion !== undefined && { claims_completion: input.claimsCompletion ? 1 : 0 }),
      updated_at: nowIso(ctx),
    };
    if (!(await updateVersioned(trx, 'reports', reportId, expectedVersion, patch)))
      throw new StaleVersionError(await getReport(trx, reportId));
    await audit({
      regionId: report.region_id,
      action: 'report.update',
      entity: 'task',
      entityId: report.task_id,
      data: { reportId, ...input },
    });
  });
  return (await getReport(db(ctx), reportId))!;
}

export async function transitionReport(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  action: ReportAction,
  options: { reason?: string | undefined; rating?: number | undefined; expectedVersion?: number | undefined },
): Promise<ReportRow> {
  const rule = REPORT_TRANSITIONS[action];
  const report = await loadReportFor(ctx, actor, reportId);
  assertRole(actor, rule.roles);
  if (rule.scope === 'unit' && !isAdmin(actor) && report.unit_id !== actor.unitId)
    throw forbidden('只能处理本单位的报送 (own unit only)');
  if (!rule.from.includes(report.status)) {
    throw conflict(`当前状态不能执行此操作 (cannot ${action} a ${report.status} report)`, {
      status: report.status,
    });
  }
  if (rule.needsReason && !options.reason?.trim())
    throw invalid('请填写退回理由 (a reason is required)', { field: 'reason' });
  // A unit head's own submission skips the approval step that would be theirs anyway.
  const to = action === 'submit' ? submissionTarget(actor.role) : rule.to;
  const at = nowIso(ctx);
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      status: to,
      updated_at: at,
      ...(action === 'submit' && { submitted_at: at, return_reason: null }),
      ...((action === 'approve' || (action === 'submit' && to === 'submitted')) && { approved_at: at }),
      ...((action === 'accept' || action === 'return') && { reviewed_at: at }),
      ...(rule.needsReason && { return_reason: options.reason ?? null }),
      ...(options.rating !== undefined && action === 'accept' && { rating: options.rating }),
    };
    const version = options.expectedVersion ?? report.version;
    if (!(await updateVersioned(trx, 'reports', reportId, version, patch)))
      throw new StaleVersionError(await getReport(trx, reportId));
    await audit({
      regionId: report.region_id,
      action: `report.${action}`,
      entity: 'task',
      entityId: report.task_id,
      data: { reportId, reason: options.reason, rating: options.rating },
    });
  });
  return (await getReport(db(ctx), reportId))!;
}

export async function reportsOfTask(
  ctx: ServiceContext,
  taskId: string,
): Promise<{ reports: ReportRow[]; files: EvidenceFileRow[] }> {
  const reports = await listReportsOfTask(db(ctx), taskId);
  const files = await listEvidenceFiles(
    db(ctx),
    reports.map((r) => r.id),
  );
  return { reports, files };
}

/** What waits for the caller: the head's approvals, the office's reviews, a unit's drafts and returned reports. */
export async function reportQueue(ctx: ServiceContext, actor: Actor, regionId: string) {
  assertRegion(actor, regionId);
  if (seesWholeRegion(actor))
    return listReportQueue(db(ctx), { regionId, statuses: ['submitted'], limit: 500 });
  if (!actor.unitId) throw forbidden();
  const statuses: ReportStatus[] =
    actor.role === 'unit_head'
      ? ['awaiting_head', 'returned', 'draft']
      : ['draft', 'returned', 'awaiting_head'];
  return listReportQueue(db(ctx), { regionId, statuses, unitId: actor.unitId, limit: 500 });
}

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

/** Checks content against the claimed type, so a renamed executable is not stored as a "PDF". */
function sniffMatches(ext: string, bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8);
  switch (ext) {
    case '.pdf':
      return head.toString('latin1', 0, 5) === '%PDF-';
    case '.png':
      return head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case '.jpg':
    case '.jpeg':
      return head[0] === 0xff && head[1] === 0xd8;
    case '.docx':
    case '.xlsx':
      return head[0] === 0x50 && head[1] === 0x4b;
    case '.txt':
      return !bytes.subarray(0, 4096).includes(0);
    default:
      return false;
  }
}

export async function addEvidence(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  filename: string,
  bytes: Buffer,
): Promise<EvidenceFileRow> {
  const report = await loadReportFor(ctx, actor, reportId);
  if (!isUnitStaff(actor) || report.unit_id !== actor.unitId)
    throw forbidden('只能为本单位的报送上传材料 (own unit only)');
  if (!EDITABLE_REPORT_STATUSES.includes(report.status) && report.status !== 'awaiting_head')
    throw conflict('报送已提交，不能再上传材料 (report already submitted)');
  if (bytes.length === 0) throw invalid('文件为空 (empty file)', { field: 'file' });
  if (bytes.length > EVIDENCE_MAX_BYTES)
    throw new AppError('payload_too_large', '文件超过20MB (file over 20 MB)');
  const ext = /\.[^.]+$/.exec(filename.toLowerCase())?.[0] ?? '';
  const mime = EVIDENCE_TYPES[ext];
  if (!mime || !sniffMatches(ext, bytes))
    throw new AppError(
      'unsupported_media_type',
      '仅支持PDF、图片、Word、Excel和文本文件 (unsupported file type)',
      { filename },
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Content-addressed: write to a temporary name and rename, so a crash never leaves half a file under the hash.
  const dir = join(ctx.filesDir, sha256.slice(0, 2));
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `${sha256}.${process.pid}.tmp`);
  await writeFile(tmp, bytes, { flush: true });
  await rename(tmp, join(dir, sha256));
  const id = newId('file');
  await write(ctx, actor, async ({ trx, audit }) => {
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
  });
  return (await getEvidenceFile(db(ctx), id))!;
}

export async function evidenceFor(
  ctx: ServiceContext,
  actor: Actor,
  fileId: string,
): Promise<{ file: EvidenceFileRow; path: string }> {
  const file = await getEvidenceFile(db(ctx), fileId);
  if (!file) throw notFound('文件');
  await loadReportFor(ctx, actor, file.report_id);
  return { file, path: join(ctx.filesDir, file.sha256.slice(0, 2), file.sha256) };
}
