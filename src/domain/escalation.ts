// Automatic escalation from a task's period history: a missing report raises 催办 (`urge`), a task
// red for two consecutive periods raises 督办 (`supervise`). Pure: the job that runs it reads the
// history and the notices already raised, and writes what this returns.

import {
  DEFAULT_REPORT_GRACE_DAYS,
  comparePeriods,
  isReportOverdue,
  nextPeriod,
  periodRange,
} from './periods.js';
import type { NoticeKind } from './notices.js';
import type { TaskStatus } from './task-status.js';

export interface TaskPeriodRecord {
  period: string;
  /** A report for the period was submitted (or accepted). */
  reported: boolean;
  /** The task's status as of the period's last day. */
  status: TaskStatus;
}

export interface RaisedNotice {
  kind: NoticeKind;
  period: string | null;
}

export interface EscalationInput {
  /** Periods the task owes a report for (from its start to now), any order, one cadence. */
  history: readonly TaskPeriodRecord[];
  /** Notices already raised on the task, manual ones included. */
  raised: readonly RaisedNotice[];
  today: string;
  graceDays?: number;
}

export type EscalationReason = 'report_missing' | 'delayed_two_periods';

export interface Escalation {
  kind: 'urge' | 'supervise';
  reason: EscalationReason;
  /** The period the notice is about: the unreported one, or the second red one. */
  period: string;
}

/**
 * Urge: every period whose report is overdue (today after its due date) and still missing, unless
 * an urge (or anything stronger) was already raised for that period. Periods in which the task was
 * done or not yet started owe no report.
 *
 * Supervise: two consecutive CLOSED periods (last day before today) red. Only the first pair of a
 * red streak raises it; while the streak lasts, the existing 督办 stands and stepping up to 挂牌督办
 * is the office's decision, so the job does not pile up a notice every period. A green period ends
 * the streak, so a later pair raises again.
 */
export function escalations(input: EscalationInput): Escalation[] {
  const grace = input.graceDays ?? DEFAULT_REPORT_GRACE_DAYS;
  const history = [...input.history].sort((a, b) => comparePeriods(a.period, b.period));
  const raisedFor = (kinds: readonly NoticeKind[], period: string): boolean =>
    input.raised.some((n) => n.period === period && kinds.includes(n.kind));

  const out: Escalation[] = [];

  for (const h of history) {
    if (h.reported || h.status === 'done' || h.status === 'not_started') continue;
    if (!isReportOverdue(h.period, input.today, grace)) continue;
    if (raisedFor(['urge', 'supervise', 'listed'], h.period)) continue;
    out.push({ kind: 'urge', reason: 'report_missing', period: h.period });
  }

  let streak: string[] = [];
  for (const h of history) {
    const closed = periodRange(h.period).end < input.today;
    const continues = streak.length > 0 && nextPeriod(streak[streak.length - 1]!) === h.period;
    if (!closed || h.status !== 'delayed') {
      streak = [];
      continue;
    }
    streak = continues ? [...streak, h.period] : [h.period];
    if (streak.length === 2 && !streak.some((p) => raisedFor(['supervise', 'listed'], p))) {
      out.push({ kind: 'supervise', reason: 'delayed_two_periods', period: h.period });
    }
  }
  return out;
}
