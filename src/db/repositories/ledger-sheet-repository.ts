// What the Excel ledger reads beyond the task repository: tasks by the ids a sheet carries, and the
// reports behind a ledger's progress columns.
import type { Kysely } from 'kysely';
import type { Database, ReportStatus, TaskRow } from '../schema.js';
import { inBatches } from './batches.js';

/** The region's tasks among `ids`; ids of other regions find nothing (the tenant wall). */
export async function tasksByIds(
  db: Kysely<Database>,
  regionId: string,
  ids: readonly string[],
): Promise<TaskRow[]> {
  const out: TaskRow[] = [];
  await inBatches(ids, async (slice) => {
    out.push(
      ...(await db
        .selectFrom('tasks')
        .selectAll()
        .where('region_id', '=', regionId)
        .where('id', 'in', slice)
        .execute()),
    );
  });
  return out;
}

export interface LedgerReportRow {
  task_id: string;
  period: string;
  narrative: string;
  problems: string;
  coordination: string;
  next_steps: string;
  status: ReportStatus;
  updated_at: string;
}

/** The plan's reports that reached the office (drafts stay the unit's), oldest first. */
export function ledgerReportsOfPlan(db: Kysely<Database>, planId: string): Promise<LedgerReportRow[]> {
  return db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select([
      'reports.task_id',
      'reports.period',
      'reports.narrative',
      'reports.problems',
      'reports.coordination',
      'reports.next_steps',
      'reports.status',
      'reports.updated_at',
    ])
    .where('tasks.plan_id', '=', planId)
    .where('reports.status', 'in', ['submitted', 'accepted'])
    .orderBy('reports.updated_at')
    .execute();
}
