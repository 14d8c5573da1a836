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
