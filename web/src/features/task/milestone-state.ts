import type { Milestone } from '../../api/types';

export type MilestoneState = 'done' | 'late' | 'open';

/** Done, overdue (due before today and not done) or still open; dates are YYYY-MM-DD so they compare as text. */
export function milestoneState(m: Pick<Milestone, 'dueDate' | 'doneDate'>, today: string): MilestoneState {
  if (m.doneDate) return 'done';
  return m.dueDate < today ? 'late' : 'open';
}
