import type { Insertable, Kysely } from 'kysely';
import type { AreaRow, AreaTable, Database } from '../schema.js';

export function listAreas(db: Kysely<Database>, planId: string): Promise<AreaRow[]> {
  return db.selectFrom('areas').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}

export function listAreasOfPlans(db: Kysely<Database>, planIds: readonly string[]): Promise<AreaRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('areas')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('seq')
    .execute();
}

export function getArea(db: Kysely<Database>, id: string): Promise<AreaRow | undefined> {
  return db.selectFrom('areas').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAreas(db: Kysely<Database>, rows: Insertable<AreaTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('areas').values(rows).execute();
}

export async function nextAreaSeq(db: Kysely<Database>, planId: string): Promise<number> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (row?.m ?? 0) + 1;
}
