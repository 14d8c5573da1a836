import type { Insertable, Kysely } from 'kysely';
import type { Database, MeasurementRow, MeasurementTable, TargetRow, TargetTable } from '../schema.js';
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

export function listMeasurements(
  db: Kysely<Database>,
  targetIds: readonly string[],
): Promise<MeasurementRow[]> {
  if (targetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measurements')
    .selectAll()
    .where('target_id', 'in', targetIds)
    .orderBy('period')
    .execute();
}

export async function upsertMeasurement(
  db: Kysely<Database>,
  row: Insertable<MeasurementTable>,
): Promise<void> {
  await db
    .insertInto('measurements')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['target_id', 'period']).doUpdateSet({
        value: row.value,
        note: row.note ?? '',
        created_by: row.created_by,
        created_at: row.created_at,
      }),
    )
    .execute();
}
