import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openStorage, type DialectName, type Storage } from '../../src/db/connection.js';

export interface TestDialect {
  name: DialectName;
  open(): Promise<Storage>;
}

async function openPostgres(url: string): Promise<Storage> {
  // Each test file gets a schema of its own, so files run in parallel against one server without seeing each other.
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const storage = openStorage({ url, schema });
  await migrateToLatest(storage.db);
  return {
    ...storage,
    async close() {
      await storage.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

async function openSqlite(): Promise<Storage> {
  const storage = openStorage({ url: ':memory:' });
  await migrateToLatest(storage.db);
  return storage;
}

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export const dialects: TestDialect[] = [
  { name: 'sqlite', open: openSqlite },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: () => openPostgres(process.env.TEST_DATABASE_URL!) }] : []),
];
