import { randomBytes } from 'node:crypto';
import { Migrator } from 'kysely';
import pg from 'pg';
import { openStorage, type Storage } from '../../src/db/connection.js';
import { migrations } from '../../src/db/migrations/index.js';

export interface PostgresSchema {
  storage: Storage;
  schema: string;
  /** The same database and schema as a DATABASE_URL, for child processes (libpq's `options` sets search_path). */
  url: string;
  drop: () => Promise<void>;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A migrated schema of its own, so test files run in parallel against one server without seeing each other.
 *
 * The migrator is told the schema: Kysely looks for its bookkeeping tables in *every* schema when it is not,
 * so a second schema migrated while another already holds `kysely_migration` skips creating its own and
 * fails with `relation "kysely_migration_lock" does not exist`.
 */
export async function openPostgresSchema(url: string): Promise<PostgresSchema> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const storage = openStorage({ url, schema });
  try {
    const migrator = new Migrator({ db: storage.db, migrationTableSchema: schema, provider: { getMigrations: () => Promise.resolve(migrations) } });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  } catch (error) {
    await storage.close();
    await admin(url, `DROP SCHEMA ${schema} CASCADE`);
    throw error;
  }
  const cliUrl = new URL(url);
  cliUrl.searchParams.set('options', `-c search_path=${schema}`);
  return { storage, schema, url: cliUrl.toString(), drop: () => admin(url, `DROP SCHEMA ${schema} CASCADE`) };
}
