// Which periods a task is reported for, and when a period closes (期次锁定).
//
// A task is reported for its plan's periods only (monthly or quarterly, within the plan's dates), from the
// period in which it was published: nobody owes, or may file, a report for time before the unit had the
// task. A period is open from its first day until it closes: automatically `lockDays` after its due day (a
// region setting), or earlier when the office closes it. A late report needs the office to reopen the period
// for that task (补报); the latest decision of the office on a task's period, or on the whole period, wins.

import { addDays, isDateString, maxDate } from './calendar.js';
import {
  DEFAULT_REPORT_GRACE_DAYS,
  isPeriodKey,
  periodOf,
  periodRange,
  periodsBetween,
  reportDueDate,
  type Cadence,
} from './periods.js';
import { settingsObject } from './settings-json.js';

/** DESIGN leaves N to the region; ten days after the due day gives a unit two working weeks to catch up. */
export const DEFAULT_PERIOD_LOCK_DAYS = 10;
/** The longest a region may keep periods open after their due day. */
export const MAX_PERIOD_LOCK_DAYS = 366;

export interface ReportingRules {
  /** A period's report is due this many days after the period ends. */
  graceDays: number;
  /** The period closes this many days after its due day. */
  lockDays: number;
}

export const DEFAULT_REPORTING_RULES: ReportingRules = {
  graceDays: DEFAULT_REPORT_GRACE_DAYS,
  lockDays: DEFAULT_PERIOD_LOCK_DAYS,
};

function dayCount(value: unknown, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : null;
}

/**
 * The region's reporting rules from its `settings` JSON ({"periodLockDays": 15, "reportGraceDays": 5});
 * a missing, malformed or out-of-range value falls back to the default rather than locking everyone out.
 */
export function reportingRulesOf(settings: string | null | undefined): ReportingRules {
  const s = settingsObject(settings);
  return {
    graceDays: dayCount(s.reportGraceDays, 60) ?? DEFAULT_REPORTING_RULES.graceDays,
    lockDays: dayCount(s.periodLockDays, MAX_PERIOD_LOCK_DAYS) ?? DEFAULT_REPORTING_RULES.lockDays,
  };
}

/** The plan's side of a task's reporting: its cadence, its dates and when the unit got the task. */
export interface TaskReporting {
  cadence: Cadence;
  periodStart: string;
  periodEnd: string;
  /** The day the task reached the unit: the later of the plan's publication and the task's creation. */
  publishedOn: string;
}

/** The day a task reached its unit: published with its plan, or added to the plan afterwards. */
export function publishedOn(planPublishedAt: string | null, taskCreatedAt: string): string {
  const created = taskCreatedAt.slice(0, 10);
  const published = planPublishedAt?.slice(0, 10) ?? null;
  return isDateString(published) ? maxDate(published, created) : created;
}

/** An office decision on a period: for one task, or (taskId null) for every task of the region. */
export interface PeriodDecision {
  period: string;
  taskId: string | null;
  state: 'open' | 'closed';
  /** ISO instant; the latest decision wins. */
  at: string;
}

export type PeriodState = 'open' | 'closed' | 'reopened';

export interface PeriodInfo {
  period: string;
  /** The last day the report is on time. */
  dueDate: string;
  /** The last day the period takes reports without a reopening, unless the office closed it earlier. */
  closesOn: string;
  state: PeriodState;
  /** How the state came about: by the calendar or by the office's decision. */
  by: 'calendar' | 'office';
}

/** The last day the period takes reports on its own: `lockDays` after the due day. */
export function periodClosesOn(period: string, rules: ReportingRules = DEFAULT_REPORTING_RULES): string {
  return addDays(reportDueDate(period, rules.graceDays), rules.lockDays);
}

/** The office's latest word on this task's period, whether said of the task or of the whole period. */
function latestDecision(
  period: string,
  taskId: string,
  decisions: readonly PeriodDecision[],
): PeriodDecision | null {
  let latest: PeriodDecision | null = null;
  for (const d of decisions) {
    if (d.period !== period || (d.taskId !== null && d.taskId !== taskId)) continue;
    if (latest === null || d.at >= latest.at) latest = d;
  }
  return latest;
}

/** Where a task's period stands on `today`: open, closed (by the calendar or the office) or reopened. */
export function periodInfo(
  period: string,
  taskId: string,
  today: string,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
  decisions: readonly PeriodDecision[] = [],
): PeriodInfo {
  const dueDate = reportDueDate(period, rules.graceDays);
  const closesOn = periodClosesOn(period, rules);
  const decision = latestDecision(period, taskId, decisions);
  if (decision !== null) {
    const state: PeriodState = decision.state === 'closed' ? 'closed' : 'reopened';
    return { period, dueDate, closesOn, state, by: 'office' };
  }
  return { period, dueDate, closesOn, state: today > closesOn ? 'closed' : 'open', by: 'calendar' };
}

/** Every period of the task's plan the task is reported for: from the one it was published in to the plan's last. */
export function taskPeriods(task: TaskReporting): string[] {
  const from = maxDate(task.periodStart, task.publishedOn);
  if (from > task.periodEnd) return [];
  return periodsBetween(task.cadence, from, task.periodEnd);
}

export type PeriodRefusal =
  | 'period.malformed'
  | 'period.wrong_cadence'
  | 'period.outside_plan'
  | 'period.before_publication'
  | 'period.not_started'
  | 'period.closed';

/**
 * Why a report for `period` may not be filed on `today`, or null when it may: the period must be one of
 * the plan's, not before the task was published, already begun, and open (or reopened by the office).
 */
export function reportPeriodRefusal(
  period: string,
  task: TaskReporting & { taskId: string },
  today: string,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
  decisions: readonly PeriodDecision[] = [],
): PeriodRefusal | null {
  if (!isPeriodKey(period)) return 'period.malformed';
  if (periodOf(task.cadence, periodRange(period).start) !== period) return 'period.wrong_cadence';
  const { start, end } = periodRange(period);
  if (end < task.periodStart || start > task.periodEnd) return 'period.outside_plan';
  if (end < task.publishedOn) return 'period.before_publication';
  if (start > today) return 'period.not_started';
  return periodInfo(period, task.taskId, today, rules, decisions).state === 'closed' ? 'period.closed' : null;
}

/**
 * The task's periods that have begun by `today`, newest first, each with its state: what the report
 * editor offers and what the office reopens or closes.
 */
export function periodsSoFar(
  task: TaskReporting & { taskId: string },
  today: string,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
  decisions: readonly PeriodDecision[] = [],
): PeriodInfo[] {
  return taskPeriods(task)
    .filter((p) => periodRange(p).start <= today)
    .reverse()
    .map((p) => periodInfo(p, task.taskId, today, rules, decisions));
}

export interface OwedPeriod extends PeriodInfo {
  /** Today is past the due day: the report is late, though the period still takes it. */
  overdue: boolean;
}

/**
 * What the task still owes on `today`: its periods that have begun, still take a report (open or
 * reopened) and have none that reached the unit head or the office (`reported`), oldest first.
 */
export function owedPeriods(
  task: TaskReporting & { taskId: string },
  today: string,
  reported: ReadonlySet<string>,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
  decisions: readonly PeriodDecision[] = [],
): OwedPeriod[] {
  return periodsSoFar(task, today, rules, decisions)
    .filter((p) => p.state !== 'closed' && !reported.has(p.period))
    .map((p) => ({ ...p, overdue: today > p.dueDate }))
    .reverse();
}
