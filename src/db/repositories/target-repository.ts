import type { Insertable, Kysely } from 'kysely';
import type { Database, TargetRow, TargetTable } from '../schema.js';
import { inBatches } from './batches.js';

export function listTargets(
  db: Kysely<Database>,
  scope: { planId?: string; taskId?: string },
): Promise<TargetRow[]> {
  let q = db.selectFrom('targets').selectAll();
  if (scope.planId) q = q.where('plan_id', '=', scope.planId);
  if (scope.taskId) q = q.where('task_id', '=', scope.taskId);
  return q.orderBy('source_start').orderBy('id').execute();
}

export function getTarget(db: Kysely<Database>, id: string): Promise<TargetRow | undefined> {
  return db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTargets(db: Kysely<Database>, rows: Insertable<TargetTable>[]): Promise<void> {
  await inBatches(rows, (slice) => db.insertInto('targets').values(slice).execute());
}
