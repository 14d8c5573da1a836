import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { reportFactsOf, type ReportFact } from './report-repository.js';
import { milestoneDatesOf, type MilestoneDates } from './milestone-repository.js';
import type { TaskScope } from './task-repository.js';

/** Milestone dates and office-received reports of a task, plan or region: two queries, however many tasks. */
export async function evaluationInputsOf(
  db: Kysely<Database>,
  scope: TaskScope,
): Promise<{ milestones: MilestoneDates[]; facts: ReportFact[] }> {
  const [milestones, facts] = await Promise.all([milestoneDatesOf(db, scope), reportFactsOf(db, scope)]);
  return { milestones, facts };
}
