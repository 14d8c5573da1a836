import { Migrator, PostgresAdapter, sql, type Kysely } from 'kysely';
import { migrations } from '../../src/db/migrations/index.js';
import type { Database } from '../../src/db/schema.js';

/** The migration just before `name`, in the order the migrator runs them. */
export function migrationBefore(name: string): string {
  return Object.keys(migrations)
    .sort()
    .filter((m) => m < name)
    .at(-1)!;
}

/** Migrates up or down to `name`, as an installation of that version had it. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema && { migrationTableSchema: schema }),
  });
  const result = await migrator.migrateTo(name);
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
}
