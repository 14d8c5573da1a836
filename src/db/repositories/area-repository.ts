import type { Insertable, Kysely } from 'kysely';
import type { AreaRow, AreaTable, Database } from '../schema.js';

export function listAreas(db: Kysely<Database>, regionId: string, planId: string): Promise<AreaRow[]> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute();
}

export function listAreasOfPlans(
  db: Kysely<Database>,
  regionId: string,
  planIds: readonly string[],
): Promise<AreaRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('areas')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('seq')
    .execute();
}

/** An area by its id; `regionId`, when the caller knows it, routes the lookup to the region's shard. */
export function getArea(db: Kysely<Database>, id: string, regionId?: string): Promise<AreaRow | undefined> {
  let q = db.selectFrom('areas').selectAll().where('id', '=', id);
  if (regionId !== undefined) q = q.where('region_id', '=', regionId);
  return q.executeTakeFirst();
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
