import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openStorage, type DialectName, type Storage } from '../../src/db/connection.js';
import { openPostgresSchema } from './pg-schema.js';

export interface TestDialect {
  name: DialectName;
  open(): Promise<Storage>;
}

async function openPostgres(url: string): Promise<Storage> {
  // Each test file gets a schema of its own, so files run in parallel against one server without seeing each other.
  const { storage, drop } = await openPostgresSchema(url);
  return {
    ...storage,
    async close() {
      await storage.close();
      await drop();
    },
  };
}

async function openSqlite(): Promise<Storage> {
  // A file, not ':memory:', so tests run the same reader/writer connections as the server does.
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-test-'));
  const storage = openStorage({ url: join(dir, 'test.db') });
  await migrateToLatest(storage.db);
  return {
    ...storage,
    close: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export const dialects: TestDialect[] = [
  { name: 'sqlite', open: openSqlite },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres' as const, open: () => openPostgres(process.env.TEST_DATABASE_URL!) }]
    : []),
];
