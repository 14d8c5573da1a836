// Task status (挂图作战 colours): computed from dates, progress and reports, never typed in.

import { daysBetween, isDateString, maxDate } from './calendar.js';
import { DEFAULT_REPORT_GRACE_DAYS, lastDuePeriod, type Cadence } from './periods.js';

export type TaskStatus = 'done' | 'not_started' | 'on_track' | 'at_risk' | 'delayed';

/** Display order for legends, filters and roll-up columns. */
export const TASK_STATUSES: readonly TaskStatus[] = ['done', 'on_track', 'at_risk', 'delayed', 'not_started'];

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, { zh: string; en: string }>> = {
  done: { zh: '已完成', en: 'Done' },
  on_track: { zh: '正常推进', en: 'On track' },
  at_risk: { zh: '进度滞后', en: 'At risk' },
  delayed: { zh: '逾期', en: 'Delayed' },
  not_started: { zh: '未开始', en: 'Not started' },
};

export interface TaskStatusInput {
  startDate: string; // task start, or the plan's period start when the task has none
  dueDate: string | null; // null = no fixed due date (runs to the end of the plan)
  completed: boolean; // office accepted a report claiming completion
  progress: number; // 0..100, latest accepted (or, if none, latest submitted) progress
  milestones: readonly { dueDate: string; doneDate: string | null }[];
  cadence: Cadence;
  reportedPeriods: readonly string[]; // period keys that have a submitted/accepted report
  /**
   * The plan's last day. Only used to measure time elapsed when `dueDate` is null; reaching it does
   * NOT make the task overdue, because a task without a fixed due date has no date to miss.
   */
  planEndDate?: string | null;
  /**
   * The day the task reached its unit (its plan's publication, or its own creation when added later).
   * Nothing before it counts against the task: time is measured, and reports and dates are owed, from
   * then on, so a task published late in the year is not red on its first day.
   */
  publishedDate?: string | null;
}

/** Listed from most to least severe; `reasons` always come back in this order. */
export type StatusReason =
  | 'completed'
  | 'before_start'
  | 'overdue'
  | 'milestone_overdue'
  | 'behind_schedule'
  | 'milestone_due_soon'
  | 'report_missing'
  | 'date_invalid';

const REASON_ORDER: readonly StatusReason[] = [
  'completed',
  'before_start',
  'overdue',
  'milestone_overdue',
  'behind_schedule',
  'milestone_due_soon',
  'report_missing',
  'date_invalid',
];

export interface StatusRules {
  /** at_risk when time elapsed − progress ≥ this many points (时间过半、任务过半). */
  behindThreshold: number;
  /** at_risk when an undone milestone is due within this many days (today counts as day 0). */
  milestoneWarningDays: number;
  /** A period's report is due this many days after the period ends. */
  reportGraceDays: number;
}

export const DEFAULT_STATUS_RULES: StatusRules = {
  behindThreshold: 20,
  milestoneWarningDays: 7,
  reportGraceDays: DEFAULT_REPORT_GRACE_DAYS,
};

export interface TaskStatusResult {
  status: TaskStatus;
  reasons: StatusReason[];
  /** Share of the task's time used up, 0..100, one decimal. 0 when there is no end date to measure against. */
  timeElapsed: number;
  /** Days since the earliest missed date (task or milestone); 0 unless delayed. */
  daysOverdue: number;
}

function clampPercent(n: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.min(100, Math.max(0, n));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Share of [start, end] elapsed by the end of `today`, counting whole days inclusively: on the
 * start day one day of the span is used, on the due day all of it (100%). That makes a task due
 * today with progress 50 "behind", which is the warning a unit needs on its last day.
 */
export function timeElapsedPercent(startDate: string, endDate: string, today: string): number {
  if (today < startDate) return 0;
  const span = daysBetween(startDate, endDate) + 1;
  // An end before the start is bad data; treat the whole span as used once the start is reached.
  if (span <= 0) return 100;
  return round1(clampPercent(((daysBetween(startDate, today) + 1) / span) * 100));
}

/**
 * Precedence is done > not_started > delayed > at_risk > on_track, as DESIGN lists them. Every
 * applicable warning is still returned in `reasons` (a red task whose report is also missing
 * lists both) so the UI can say why.
 */
export function computeTaskStatus(
  input: TaskStatusInput,
  today: string,
  rules?: Partial<StatusRules>,
): TaskStatusResult {
  const { dates, invalid } = usableDates(input);
  const result = statusOf(input, dates, today, { ...DEFAULT_STATUS_RULES, ...rules });
  return invalid ? withDateInvalid(result) : result;
}

/** A stored date that is no calendar day ('2026-02-30', written before dates were checked) reads as absent. */
export function usableDate(date: string | null | undefined): string | null {
  return isDateString(date) ? date : null;
}

/** Marks a status computed without a date the row holds but no calendar has: the colour stays as computed. */
export function withDateInvalid<T extends { reasons: StatusReason[] }>(result: T): T {
  return result.reasons.includes('date_invalid')
    ? result
    : { ...result, reasons: [...result.reasons, 'date_invalid'] };
}

interface UsableDates {
  startDate: string | null;
  dueDate: string | null;
  planEndDate: string | null;
  publishedDate: string | null;
  milestones: { dueDate: string; doneDate: string | null }[];
}

function usableDates(input: TaskStatusInput): { dates: UsableDates; invalid: boolean } {
  let invalid = false;
  const check = (date: string | null | undefined): string | null => {
    const usable = usableDate(date);
    if (usable === null && date !== null && date !== undefined) invalid = true;
    return usable;
  };
  const startDate = check(input.startDate);
  const dueDate = check(input.dueDate);
  const planEndDate = check(input.planEndDate);
  const publishedDate = check(input.publishedDate);
  const milestones: UsableDates['milestones'] = [];
  for (const m of input.milestones) {
    const dueDate = check(m.dueDate);
    // Without a due date a milestone has nothing to be late for; without a done date it is not done yet.
    if (dueDate !== null) milestones.push({ dueDate, doneDate: check(m.doneDate) });
  }
  return { dates: { startDate, dueDate, planEndDate, publishedDate, milestones }, invalid };
}

function statusOf(
  input: TaskStatusInput,
  dates: UsableDates,
  today: string,
  r: StatusRules,
): TaskStatusResult {
  const progress = clampPercent(input.progress);
  const published = dates.publishedDate;
  // The task's clock starts when the unit got it; a date that had passed by then falls due on that day.
  const start =
    published === null
      ? dates.startDate
      : dates.startDate === null
        ? published
        : maxDate(dates.startDate, published);
  const deadline = (date: string): string => (published === null ? date : maxDate(date, published));
  const end = dates.dueDate ?? dates.planEndDate;
  const timeElapsed = end === null || start === null ? 0 : timeElapsedPercent(start, end, today);

  // Completion is the office's acceptance, not the unit's claim: progress 100 alone is not done.
  if (input.completed) return { status: 'done', reasons: ['completed'], timeElapsed, daysOverdue: 0 };

  // Progress can only come from a report, so progress > 0 counts as "reported" even if the caller's
  // period list is empty. A task reported before its start is being worked on early: it is then
  // judged like any started task (and cannot be overdue or behind yet), not hidden as not_started.
  const hasReport = input.reportedPeriods.length > 0 || progress > 0;
  if (start !== null && today < start && !hasReport) {
    return { status: 'not_started', reasons: ['before_start'], timeElapsed: 0, daysOverdue: 0 };
  }

  const reasons = new Set<StatusReason>();
  let daysOverdue = 0;

  // Strictly after: a task due today still has today to finish.
  if (dates.dueDate !== null && today > deadline(dates.dueDate)) {
    reasons.add('overdue');
    daysOverdue = daysBetween(deadline(dates.dueDate), today);
  }

  for (const m of dates.milestones) {
    // A milestone done late is history (assessment scores it); it no longer makes the task red.
    if (m.doneDate !== null) continue;
    const daysLeft = daysBetween(today, deadline(m.dueDate));
    if (daysLeft < 0) {
      reasons.add('milestone_overdue');
      daysOverdue = Math.max(daysOverdue, -daysLeft);
    } else if (daysLeft <= r.milestoneWarningDays) {
      reasons.add('milestone_due_soon');
    }
  }

  // Compare the rounded figures so a boundary case (exactly 20 points) is decided the same way
  // the UI shows it, not by floating-point noise.
  if (round1(timeElapsed - progress) >= r.behindThreshold) reasons.add('behind_schedule');

  // Only the latest overdue period decides the colour; older gaps are escalation's business. A
  // period that ended before the task started owes no report (lastDuePeriod returns null then).
  const lastDue = lastDuePeriod(input.cadence, today, r.reportGraceDays, start ?? undefined);
  if (lastDue !== null && !input.reportedPeriods.includes(lastDue)) reasons.add('report_missing');

  const status: TaskStatus =
    reasons.has('overdue') || reasons.has('milestone_overdue')
      ? 'delayed'
      : reasons.size > 0
        ? 'at_risk'
        : 'on_track';
  return { status, reasons: REASON_ORDER.filter((x) => reasons.has(x)), timeElapsed, daysOverdue };
}
