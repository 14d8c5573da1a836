import type { Insertable, Kysely } from 'kysely';
import type { Database, MeasurementRow, MeasurementTable } from '../schema.js';

/** The measured values (实绩) of targets, oldest period first. */
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

export function getMeasurement(
  db: Kysely<Database>,
  targetId: string,
  period: string,
): Promise<MeasurementRow | undefined> {
  return db
    .selectFrom('measurements')
    .selectAll()
    .where('target_id', '=', targetId)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** One value per target and period: a later value for the same period replaces the earlier one. */
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
        status: row.status ?? 'confirmed',
        estimate: row.estimate ?? null,
        reported_by: row.reported_by ?? null,
        reported_at: row.reported_at ?? null,
        confirmed_by: row.confirmed_by ?? null,
        confirmed_at: row.confirmed_at ?? null,
      }),
    )
    .execute();
}
