import type { Insertable, Kysely } from 'kysely';
import { compiledQuery, type CompiledRun } from '../compiled-query.js';
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

/** Every region's parent link: the tree is small (a country has a few thousand regions) and read whole. */
export function listRegionLinks(db: Kysely<Database>): Promise<{ id: string; parent_id: string | null }[]> {
  return db.selectFrom('regions').select(['id', 'parent_id']).execute();
}

export async function setRegionParent(
  db: Kysely<Database>,
  id: string,
  parentId: string | null,
): Promise<void> {
  await db.updateTable('regions').set({ parent_id: parentId }).where('id', '=', id).execute();
}

/** The tables a parent region's reader opens a row of by its id. */
export type RowTableBelow =
  'plans' | 'tasks' | 'reports' | 'projects' | 'assessment_schemes' | 'assessment_rounds' | 'bulletins';

const rowInRegion = Object.fromEntries(
  (
    ['plans', 'tasks', 'reports', 'projects', 'assessment_schemes', 'assessment_rounds', 'bulletins'] as const
  ).map((table) => [
    table,
    compiledQuery(2, (db, id: string, regionId: string) =>
      db.selectFrom(table).select('region_id').where('id', '=', id).where('region_id', '=', regionId),
    ),
  ]),
) as Record<RowTableBelow, CompiledRun<[id: string, regionId: string], { region_id: string }>>;

/** Whether a row is in the given region: asked on every read by a reader of several regions, so compiled once. */
export async function isRowInRegion(
  db: Kysely<Database>,
  table: RowTableBelow,
  id: string,
  regionId: string,
): Promise<boolean> {
  return (await rowInRegion[table](db, id, regionId)).length > 0;
}

/**
 * The region of a row among `regionIds` (the regions below a reader's own), or undefined when the row is in
 * none of them: one routed lookup, since the row's region is named in the query.
 */
export async function regionOfRowAmong(
  db: Kysely<Database>,
  table: RowTableBelow,
  id: string,
  regionIds: readonly string[],
): Promise<string | undefined> {
  if (regionIds.length === 0) return undefined;
  const row = await db
    .selectFrom(table)
    .select('region_id')
    .where('id', '=', id)
    .where('region_id', 'in', regionIds)
    .executeTakeFirst();
  return row?.region_id;
}
