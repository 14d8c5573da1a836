import { newId } from '../db/ids.js';
import { listEvidenceFiles } from '../db/repositories/evidence-repository.js';
import { findIdempotentResponse, saveIdempotentResponse } from '../db/repositories/idempotency-repository.js';
import {
  getReport,
  insertReport,
  listReportQueue,
  listReportsOfTask,
} from '../db/repositories/report-repository.js';
import type { Kysely } from 'kysely';
import type { Database, EvidenceFileRow, ReportRow, ReportStatus, TaskRow } from '../db/schema.js';
import { isPeriodKey } from '../domain/periods.js';
import {
  isReportEditable,
  OFFICE_QUEUE_STATUSES,
  REPORT_QUEUE_LIMIT,
  REPORT_TRANSITIONS,
  submissionTarget,
  transitionAllowedFrom,
  UNIT_QUEUE_STATUSES,
  type ReportAction,
} from '../domain/report-workflow.js';
import { demand, demandRegion, reportFor, reportingTaskFor, taskFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext, type WriteScope } from './context.js';
import { AppError, fail } from './errors.js';
import { requestHash } from './request-hash.js';
import * as reportPolicy from './policies/report.js';
import { hasRoleIn, isUnitStaff, seesWholeRegion } from './policies/scope.js';
import * as taskPolicy from './policies/task.js';
import { demandReportablePeriod, demandReportablePeriodOf } from './reporting-calendar.js';
import { definedFields, flag, updateAudited, updateRow, type VersionedChange } from './versioned-write.js';

export type { EvidenceFileRow, ReportAction, ReportRow };

/** A report as the queue lists it: with the code and title of its task. */
export type QueuedReportRow = ReportRow & { task_code: string; task_title: string };

export interface ReportFields {
  progress: number;
  narrative: string;
  problems?: string | undefined;
  coordination?: string | undefined;
  nextSteps?: string | undefined;
  claimsCompletion?: boolean | undefined;
}

export interface NewReportInput extends ReportFields {
  period: string;
  /** false keeps it a draft; the default submits it. */
  submit?: boolean | undefined;
}

export type ReportPatchInput = Partial<ReportFields>;

export interface TransitionInput {
  reason?: string | undefined;
  rating?: number | undefined;
  expectedVersion?: number | undefined;
}

export interface CreatedReport {
  report: ReportRow;
  /** True when an Idempotency-Key matched an earlier request and nothing new was written. */
  replayed: boolean;
}

function factsOf(report: ReportRow): reportPolicy.ReportFacts {
  return { regionId: report.region_id, unitId: report.unit_id, status: report.status };
}

async function replay(
  from: Kysely<Database>,
  actor: Actor,
  taskId: string,
  key: string,
  hash: string,
): Promise<CreatedReport | undefined> {
  const earlier = await findIdempotentResponse(from, actor.accountId, key);
  if (!earlier) return undefined;
  const { reportId } = JSON.parse(earlier.body) as { reportId: string };
  if (earlier.route !== `report:${taskId}`) throw fail('idempotency.key_reused');
  // A key stored before requests were hashed has no hash and replays as it always did.
  if (earlier.request_hash !== null && earlier.request_hash !== hash)
    throw fail('idempotency.payload_mismatch');
  return { report: (await getReport(from, reportId))!, replayed: true };
}

export async function createReport(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: NewReportInput,
  idempotencyKey?: string,
): Promise<CreatedReport> {
  if (!isPeriodKey(input.period)) throw fail('period.malformed', {}, { field: 'period' });
  // Only a request with a key is remembered, so only it needs the hash that tells a retry from a new request.
  const hash = idempotencyKey ? requestHash(`report:${taskId}`, input) : '';
  try {
    // The checks read inside the write, so what they allowed still holds when the report is written: on
    // PostgreSQL after the region's chain is locked, on SQLite in the order of the batch.
    return await write(ctx, actor, async (scope) => {
      const task = await reportingTaskFor(actor, taskId, input.period, scope.trx);
      demand(
        taskPolicy.can(actor, 'report', {
          regionId: task.region_id,
          leadUnitId: task.lead_unit_id,
          coUnitIds: [],
        }),
        isUnitStaff(actor) ? 'access.not_own_unit_task' : 'access.units_only',
      );
      if (idempotencyKey) {
        const earlier = await replay(scope.trx, actor, taskId, idempotencyKey, hash);
        if (earlier) return earlier;
      }
      await demandReportablePeriodOf(ctx, task, input.period, scope.trx);
      if (task.open_report_id !== null)
        throw fail('report.exists_for_period', {}, { reportId: task.open_report_id });
      const id = newId('rpt');
      const reported = { id: taskId, region_id: task.region_id, lead_unit_id: task.lead_unit_id };
      return {
        report: await createReportRow(ctx, actor, scope, reported, id, input, idempotencyKey, hash),
        replayed: false,
      };
    });
  } catch (error) {
    // Two retries racing with one key (two processes on one PostgreSQL): the loser's insert of the key fails,
    // and it answers with the winner's report. A refusal of ours is final.
    const earlier =
      idempotencyKey && !(error instanceof AppError)
        ? await replay(db(ctx), actor, taskId, idempotencyKey, hash)
        : undefined;
    if (earlier) return earlier;
    throw error;
  }
}

/** Writes the report and answers with the row as written: reading it back would cost a query per submission. */
async function createReportRow(
  ctx: ServiceContext,
  actor: Actor,
  { trx, audit }: WriteScope,
  task: Pick<TaskRow, 'id' | 'region_id' | 'lead_unit_id'>,
  id: string,
  input: NewReportInput,
  idempotencyKey: string | undefined,
  hash: string,
): Promise<ReportRow> {
  const taskId = task.id;
  if (idempotencyKey) {
    await saveIdempotentResponse(trx, {
      region_id: task.region_id,
      account_id: actor.accountId,
      key: idempotencyKey,
      route: `report:${taskId}`,
      status_code: 201,
      body: JSON.stringify({ reportId: id }),
      created_at: nowIso(ctx),
      request_hash: hash,
    });
  }
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
    next_steps: input.nextSteps ?? '',
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
}

/** One report with its evidence. */
export async function reportWithFiles(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
): Promise<{ report: ReportRow; files: EvidenceFileRow[] }> {
  const report = await reportFor(ctx, actor, reportId);
  return { report, files: await listEvidenceFiles(db(ctx), [report.id]) };
}

/** A task's reports, newest period first, with their evidence. */
export async function reportsOfTask(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
): Promise<{ reports: ReportRow[]; files: EvidenceFileRow[] }> {
  const task = await taskFor(ctx, actor, taskId);
  const reports = await listReportsOfTask(db(ctx), task.region_id, taskId);
  const files = await listEvidenceFiles(
    db(ctx),
    reports.map((r) => r.id),
  );
  return { reports, files };
}

export async function updateReport(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  input: ReportPatchInput,
): Promise<ReportRow> {
  const report = await reportFor(ctx, actor, reportId);
  // The unit's staff, not whoever else sits in the unit (a viewer or leader attached to it reads only).
  demand(reportPolicy.can(actor, 'edit', factsOf(report)), 'access.own_unit_report_edit');
  if (!isReportEditable(report.status)) throw fail('report.not_editable', {}, { status: report.status });
  return updateAudited(ctx, actor, {
    table: 'reports',
    id: reportId,
    expectedVersion,
    patch: definedFields({
      progress: input.progress,
      narrative: input.narrative,
      problems: input.problems,
      coordination: input.coordination,
      next_steps: input.nextSteps,
      claims_completion: flag(input.claimsCompletion),
      updated_at: nowIso(ctx),
    }),
    read: getReport,
    audit: {
      regionId: report.region_id,
      action: 'report.update',
      entity: 'task',
      entityId: report.task_id,
      data: { reportId, ...input },
    },
  });
}

export async function transitionReport(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  action: ReportAction,
  options: TransitionInput,
): Promise<ReportRow> {
  const rule = REPORT_TRANSITIONS[action];
  const report = await reportFor(ctx, actor, reportId);
  demand(
    reportPolicy.can(actor, action, factsOf(report)),
    hasRoleIn(actor, report.region_id, rule.roles) ? 'access.own_unit_report' : 'access.forbidden',
  );
  if (!transitionAllowedFrom(action, report.status))
    throw fail('report.transition_not_allowed', {}, { action, status: report.status });
  if (rule.needsReason && !options.reason?.trim())
    throw fail('report.reason_required', {}, { field: 'reason' });
  // A unit head's own submission skips the approval step that would be theirs anyway.
  const to = action === 'submit' ? submissionTarget(actor.role) : rule.to;
  const at = nowIso(ctx);
  const reviewed = action === 'accept' || action === 'return';
  const change: VersionedChange<'reports', ReportRow> = {
    table: 'reports',
    id: reportId,
    expectedVersion: options.expectedVersion ?? report.version,
    patch: definedFields({
      status: to,
      updated_at: at,
      submitted_at: action === 'submit' ? at : undefined,
      // A submission clears the office's earlier reason; a step back records its own.
      return_reason: rule.needsReason ? (options.reason ?? null) : action === 'submit' ? null : undefined,
      approved_at: to === 'submitted' ? at : undefined,
      reviewed_at: reviewed ? at : undefined,
      rating: action === 'accept' ? options.rating : undefined,
    }),
    read: getReport,
    audit: {
      regionId: report.region_id,
      action: `report.${action}`,
      entity: 'task',
      entityId: report.task_id,
      data: { reportId, reason: options.reason, rating: options.rating },
    },
  };
  return write(ctx, actor, async (scope) => {
    // A draft enters the workflow only while its period is open (read in the write, so a closing that commits
    // first refuses it); a report the office returned may always be resubmitted, as the office asked for it.
    if (action === 'submit' && report.status === 'draft')
      await demandReportablePeriod(
        ctx,
        { id: report.task_id, region_id: report.region_id },
        report.period,
        scope.trx,
      );
    return updateRow(scope, change);
  });
}

/**
 * What waits for the caller: the office's reviews; a unit's drafts, returned reports and the head's
 * approvals; each with its evidence, which is what the reviewer judges the report by.
 */
export async function reportQueue(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<{ reports: QueuedReportRow[]; files: EvidenceFileRow[] }> {
  demandRegion(actor, regionId);
  demand(reportPolicy.canListQueue(actor, regionId));
  const reports = await listReportQueue(
    db(ctx),
    seesWholeRegion(actor)
      ? { regionId, statuses: OFFICE_QUEUE_STATUSES, limit: REPORT_QUEUE_LIMIT }
      : { regionId, statuses: UNIT_QUEUE_STATUSES, unitId: actor.unitId!, limit: REPORT_QUEUE_LIMIT },
  );
  const files = await listEvidenceFiles(
    db(ctx),
    reports.map((r) => r.id),
  );
  return { reports, files };
}
