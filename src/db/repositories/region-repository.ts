import type { Insertable, Kysely } from 'kysely';
import type { Database, RegionRow, RegionTable } from '../schema.js';

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
