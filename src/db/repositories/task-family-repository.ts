import type { Kysely } from 'kysely';
import type { Database, TaskRow } from '../schema.js';

/** The tasks split from a task (a district task's town tasks), in ledger order. */
export function childTasksOf(
  db: Kysely<Database>,
  regionId: string,
  parentTaskId: string,
): Promise<TaskRow[]> {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('parent_task_id', '=', parentTaskId)
    .orderBy('plan_id')
    .orderBy('seq')
    .execute();
}
