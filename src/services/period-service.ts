import { newId } from '../db/ids.js';
import {
  insertPeriodDecision,
  periodDecisionsOf,
  reportingFactsOfTasks,
  reportStatusesOf,
  taskReportingFacts,
} from '../db/repositories/period-decision-repository.js';
import type { PeriodDecisionRow, ReportStatus } from '../db/schema.js';
import {
  owedPeriods,
  periodInfo,
  periodsSoFar,
  reportPeriodRefusal,
  type OwedPeriod,
  type PeriodInfo,
} from '../domain/period-lock.js';
import { isPeriodKey, periodRange } from '../domain/periods.js';
import { demand, regionFor, taskFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as periodPolicy from './policies/period.js';
import { calendarOf, decisionsOf } from './reporting-calendar.js';

export type { OwedPeriod, PeriodDecisionRow, PeriodInfo };

/** A report as the period lists show it: which one, and where it stands. */
export interface PeriodReport {
  id: string;
  status: ReportStatus;
}

/** Reports past the unit's drafting: the period's report is on its way or in. */
const FILED: readonly ReportStatus[] = ['awaiting_head', 'submitted', 'accepted'];

function latestReportByPeriod(
  rows: readonly { id: string; task_id: string; period: string; status: ReportStatus }[],
): Map<string, PeriodReport> {
  // A filed report speaks for its period over a draft; an accepted one over everything.
  const rank = (s: ReportStatus) => (s === 'accepted' ? 3 : FILED.includes(s) ? 2 : 1);
  const out = new Map<string, PeriodReport>();
  for (const r of rows) {
    const key = `${r.task_id}|${r.period}`;
    const had = out.get(key);
    if (!had || rank(r.status) >= rank(had.status)) out.set(key, { id: r.id, status: r.status });
  }
  return out;
}

export interface TaskPeriodsResult {
  regionId: string;
  periods: (PeriodInfo & { report: PeriodReport | null })[];
}

/** The task's periods begun so far, newest first, each with its state and its report, if any. */
export async function periodsOfTask(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
): Promise<TaskPeriodsResult> {
  const task = await taskFor(ctx, actor, taskId);
  demand(periodPolicy.can(actor, 'read', { regionId: task.region_id }));
  const [facts, decisions, reports] = await Promise.all([
    taskReportingFacts(db(ctx), taskId),
    periodDecisionsOf(db(ctx), task.region_id, { taskIds: [taskId] }),
    reportStatusesOf(db(ctx), [taskId]),
  ]);
  if (!facts) throw fail('task.not_found');
  const calendar = calendarOf(facts);
  const byPeriod = latestReportByPeriod(reports);
  const periods = periodsSoFar(calendar, today(ctx), calendar.rules, decisionsOf(decisions)).map((p) => ({
    ...p,
    report: byPeriod.get(`${taskId}|${p.period}`) ?? null,
  }));
  return { regionId: task.region_id, periods };
}

export interface DecisionInput {
  state: 'open' | 'closed';
  reason?: string | undefined;
}

/**
 * The office closes a task's period, or reopens it for a late report (补报); recorded, with the reason,
 * in the audit log. Only a period the task is reported for, and one that has begun, can be decided on.
 */
export async function decideTaskPeriod(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  period: string,
  input: DecisionInput,
): Promise<{ regionId: string; period: PeriodInfo & { report: PeriodReport | null } }> {
  const task = await taskFor(ctx, actor, taskId);
  demand(periodPolicy.can(actor, 'decide', { regionId: task.region_id }));
  const facts = await taskReportingFacts(db(ctx), taskId);
  if (!facts) throw fail('task.not_found');
  const calendar = calendarOf(facts);
  // The period must be one the task reports on; whether it is closed now is what is being decided.
  const refusal = reportPeriodRefusal(period, calendar, today(ctx), calendar.rules, []);
  if (refusal !== null && refusal !== 'period.closed') throw fail(refusal, { period }, { field: 'period' });
  const row = await record(ctx, actor, task.region_id, period, taskId, input);
  const [decisions, reports] = await Promise.all([
    periodDecisionsOf(db(ctx), task.region_id, { taskIds: [taskId], period }),
    reportStatusesOf(db(ctx), [taskId]),
  ]);
  const info = periodInfo(row.period, taskId, today(ctx), calendar.rules, decisionsOf(decisions));
  const report = latestReportByPeriod(reports).get(`${taskId}|${period}`) ?? null;
  return { regionId: task.region_id, period: { ...info, report } };
}

/** The office closes (or reopens) a period for every task of the region at once. */
export async function decideRegionPeriod(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  period: string,
  input: DecisionInput,
): Promise<PeriodDecisionRow> {
  await regionFor(ctx, actor, regionId);
  demand(periodPolicy.can(actor, 'decide', { regionId }));
  if (!isPeriodKey(period)) throw fail('period.malformed', {}, { field: 'period' });
  if (periodRange(period).start > today(ctx))
    throw fail('period.not_started', { period }, { field: 'period' });
  return record(ctx, actor, regionId, period, null, input);
}

async function record(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  period: string,
  taskId: string | null,
  input: DecisionInput,
): Promise<PeriodDecisionRow> {
  const row: PeriodDecisionRow = {
    id: newId('pdc'),
    region_id: regionId,
    period,
    task_id: taskId,
    state: input.state,
    reason: input.reason?.trim() ?? '',
    decided_by: actor.accountId,
    decided_at: nowIso(ctx),
  };
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertPeriodDecision(trx, row);
    await audit({
      regionId,
      action: input.state === 'open' ? 'period.reopen' : 'period.close',
      entity: taskId === null ? 'region' : 'task',
      entityId: taskId ?? regionId,
      data: { decisionId: row.id, period, reason: row.reason },
    });
  });
  return row;
}

export interface OwedReport extends OwedPeriod {
  taskId: string;
  taskCode: string;
  taskTitle: string;
  planId: string;
  /** The unit's draft (or the report the office returned) for the period, to continue. */
  report: PeriodReport | null;
}

/**
 * What the caller's unit still owes: for every task it leads in a published plan, each period that has
 * begun, still takes a report and has none on its way to the office. Oldest due first.
 */
export async function owedReports(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<OwedReport[]> {
  demand(periodPolicy.can(actor, 'list_owed', { regionId }), 'access.units_only');
  const tasks = await reportingFactsOfTasks(db(ctx), { regionId, leadUnitId: actor.unitId! });
  const taskIds = tasks.map((t) => t.task_id);
  const [decisions, reports] = await Promise.all([
    periodDecisionsOf(db(ctx), regionId, { taskIds }),
    reportStatusesOf(db(ctx), taskIds),
  ]);
  const allDecisions = decisionsOf(decisions);
  const byPeriod = latestReportByPeriod(reports);
  const day = today(ctx);
  const out: OwedReport[] = [];
  for (const t of tasks) {
    const calendar = calendarOf(t);
    const filed = new Set(
      reports.filter((r) => r.task_id === t.task_id && FILED.includes(r.status)).map((r) => r.period),
    );
    for (const p of owedPeriods(calendar, day, filed, calendar.rules, allDecisions)) {
      out.push({
        ...p,
        taskId: t.task_id,
        taskCode: t.code,
        taskTitle: t.title,
        planId: t.plan_id,
        report: byPeriod.get(`${t.task_id}|${p.period}`) ?? null,
      });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.taskCode.localeCompare(b.taskCode));
}
