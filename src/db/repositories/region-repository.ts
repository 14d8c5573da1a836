import type { Insertable, Kysely } from 'kysely';
import type { Database, RegionRow, RegionTable, UnitKind, UnitRow, UnitTable } from '../schema.js';

export function listRegions(db: Kysely<Database>, onlyId?: string): Promise<RegionRow[]> {
  let q = db.selectFrom('regions').selectAll().orderBy('created_at').orderBy('id');
  if (onlyId !== undefined) q = q.where('id', '=', onlyId);
  return q.execute();
}

export function getRegion(db: Kysely<Database>, id: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRegion(db: Kysely<Database>, row: Insertable<RegionTable>): Promise<void> {
  await db.insertInto('regions').values(row).execute();
}

export function listUnits(db: Kysely<Database>, regionId: string, kind?: UnitKind): Promise<UnitRow[]> {
  let q = db
    .selectFrom('units')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('id');
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
}

export function getUnit(db: Kysely<Database>, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByName(
  db: Kysely<Database>,
  regionId: string,
  name: string,
): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertUnit(db: Kysely<Database>, row: Insertable<UnitTable>): Promise<void> {
  await db.insertInto('units').values(row).execute();
}
