import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../schema.js';

// Many rows per statement, and few enough that the bound parameters of a twenty-column table stay far
// below SQLite's and PostgreSQL's limits.
const ROWS_PER_STATEMENT = 200;

/** Inserts `rows` a slice per statement; an empty list runs nothing (an empty VALUES would be an error). */
export async function inBatches<T>(
  rows: readonly T[],
  insert: (slice: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await insert(rows.slice(i, i + ROWS_PER_STATEMENT));
}

/** The insert of many rows of one table, a slice per statement. */
export function insertsInBatches<T extends keyof Database>(table: T) {
  return (db: Kysely<Database>, rows: readonly Insertable<Database[T]>[]): Promise<void> =>
    inBatches(rows, (slice) => db.insertInto(table).values(slice).execute());
}
