import type { Insertable, Kysely } from 'kysely';
import type { Database, HolidayYearRow, HolidayYearTable } from '../schema.js';

export function listHolidayYears(db: Kysely<Database>): Promise<HolidayYearRow[]> {
  return db.selectFrom('holiday_years').selectAll().orderBy('year').execute();
}

export function getHolidayYear(db: Kysely<Database>, year: number): Promise<HolidayYearRow | undefined> {
  return db.selectFrom('holiday_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Stores a year's arrangement, replacing whatever was stored for that year. */
export async function putHolidayYear(db: Kysely<Database>, row: Insertable<HolidayYearTable>): Promise<void> {
  await db
    .insertInto('holiday_years')
    .values(row)
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        status: row.status,
        source: row.source ?? null,
        holidays: row.holidays,
        workdays: row.workdays,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
