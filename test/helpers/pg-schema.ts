import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openStorage, type Storage } from '../../src/db/connection.js';

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
 * migrateToLatest tells Kysely's migrator the schema, so parallel files do not trip over each other's tables.
 */
export async function openPostgresSchema(
  url: string,
  options: { migrate?: boolean } = {},
): Promise<PostgresSchema> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const storage = openStorage({ url, schema });
  try {
    if (options.migrate !== false) await migrateToLatest(storage.db);
  } catch (error) {
    await storage.close();
    await admin(url, `DROP SCHEMA ${schema} CASCADE`);
    throw error;
  }
  const cliUrl = new URL(url);
  cliUrl.searchParams.set('options', `-c search_path=${schema}`);
  return { storage, schema, url: cliUrl.toString(), drop: () => admin(url, `DROP SCHEMA ${schema} CASCADE`) };
}
