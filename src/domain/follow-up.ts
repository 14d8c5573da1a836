// Deadlines of what a unit is asked to answer (督办 notices, a leader's 批示): how the deadline is chosen
// and when an unanswered one is overdue (逾期).

import { daysBetween } from './calendar.js';
import type { WorkCalendar } from './working-days.js';

/** How the issuer sets the deadline: a count of working days from today, or a date; neither takes the default. */
export interface DeadlineChoice {
  workingDays?: number | undefined;
  responseDue?: string | undefined;
}

export type DeadlineProblem = 'both' | 'in_past';

/**
 * The deadline the choice gives, or why it gives none: a date and a count together are ambiguous, and a
 * date before today would make the item overdue the moment it is issued. `fallback` is in working days,
 * null for no deadline at all.
 */
export function chooseDeadline(
  choice: DeadlineChoice,
  fallback: number | null,
  today: string,
  calendar: WorkCalendar,
): { due: string | null } | { problem: DeadlineProblem } {
  if (choice.workingDays !== undefined && choice.responseDue !== undefined) return { problem: 'both' };
  if (choice.responseDue !== undefined)
    return choice.responseDue < today ? { problem: 'in_past' } : { due: choice.responseDue };
  const days = choice.workingDays ?? fallback;
  return { due: days === null ? null : calendar.addWorkingDays(today, days) };
}

/**
 * Calendar days an unanswered item is past its deadline (0 when it is not): due on the 20th, still
 * unanswered on the 21st, it is one day overdue. An answered item, or one without a deadline, is never
 * overdue.
 */
export function overdueDays(deadline: string | null, answered: boolean, today: string): number {
  if (answered || deadline === null) return 0;
  return Math.max(0, daysBetween(deadline, today));
}
