import type { Insertable, Kysely } from 'kysely';
import type { Database, UnitKind, UnitRow, UnitTable } from '../schema.js';

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

/** The region's units by id: presenters name lead and co-units from it. */
export async function unitsById(db: Kysely<Database>, regionId: string): Promise<Map<string, UnitRow>> {
  return new Map((await listUnits(db, regionId)).map((u) => [u.id, u]));
}
