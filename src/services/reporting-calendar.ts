// The reporting calendar of a task as the services read it: shared by the report and period services, as
// access.ts is, so neither imports the other.
import {
  decisionsOnTaskPeriod,
  reportingFactsOf,
  type TaskReportingFacts,
} from '../db/repositories/period-decision-repository.js';
import type { Kysely } from 'kysely';
import type { Database, PeriodDecisionRow } from '../db/schema.js';
import {
  publishedOn,
  reportingRulesOf,
  reportPeriodRefusal,
  type PeriodDecision,
  type ReportingRules,
  type TaskReporting,
} from '../domain/period-lock.js';
import { db, today, type ServiceContext } from './context.js';
import { fail } from './errors.js';

export type TaskCalendar = TaskReporting & { taskId: string; rules: ReportingRules };

export function calendarOf(facts: TaskReportingFacts): TaskCalendar {
  return {
    taskId: facts.task_id,
    cadence: facts.cadence,
    periodStart: facts.period_start,
    periodEnd: facts.period_end,
    publishedOn: publishedOn(facts.published_at, facts.task_created_at),
    rules: reportingRulesOf(facts.settings),
  };
}

export function decisionsOf(rows: readonly PeriodDecisionRow[]): PeriodDecision[] {
  return rows.map((r) => ({ period: r.period, taskId: r.task_id, state: r.state, at: r.decided_at }));
}

/**
 * Refuses a report for a period the task is not reported for, or one that is closed: the plan's periods
 * only, from the task's publication, begun, and open or reopened by the office. `from`: a write's transaction
 * when the period must still be open when the write commits.
 */
export async function demandReportablePeriod(
  ctx: ServiceContext,
  task: { id: string; region_id: string },
  period: string,
  from: Kysely<Database> = db(ctx),
): Promise<void> {
  const { facts, decisions } = await reportingFactsOf(from, task.region_id, task.id, period);
  if (!facts) throw fail('task.not_found');
  refuseUnreportable(ctx, facts, decisions, period);
}

/**
 * `demandReportablePeriod` for a task whose reporting facts are already read, with whether the office decided
 * anything on the period: reads the decisions only when there are some.
 */
export async function demandReportablePeriodOf(
  ctx: ServiceContext,
  facts: TaskReportingFacts & { period_decided: boolean },
  period: string,
  from: Kysely<Database>,
): Promise<void> {
  const decisions = facts.period_decided
    ? await decisionsOnTaskPeriod(from, facts.region_id, period, facts.task_id)
    : [];
  refuseUnreportable(ctx, facts, decisions, period);
}

function refuseUnreportable(
  ctx: ServiceContext,
  facts: TaskReportingFacts,
  decisions: readonly PeriodDecisionRow[],
  period: string,
): void {
  const calendar = calendarOf(facts);
  const refusal = reportPeriodRefusal(period, calendar, today(ctx), calendar.rules, decisionsOf(decisions));
  if (refusal !== null) throw fail(refusal, { period }, { field: 'period', period });
}
