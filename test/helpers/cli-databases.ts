import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openStorage, type DialectName, type Storage } from '../../src/db/connection.js';
import { openPostgresSchema } from './pg-schema.js';

/** A fresh database the test writes through `storage` and the CLI (`runCli`) reaches through `databaseUrl`. */
export interface CliDatabase {
  storage: Storage;
  databaseUrl: string;
  cleanup: () => Promise<void>;
}

export interface CliTarget {
  name: DialectName;
  open: () => Promise<CliDatabase>;
}

/**
 * SQLite in a temporary folder named from `prefix`; PostgreSQL, in a schema of its own, when TEST_DATABASE_URL
 * is set. `migrate: false` leaves the database empty, for a test that migrates it step by step.
 */
export function cliTargets(prefix: string, { migrate = true }: { migrate?: boolean } = {}): CliTarget[] {
  return [
    {
      name: 'sqlite',
      open: async () => {
        const dir = mkdtempSync(join(tmpdir(), prefix));
        const databaseUrl = join(dir, 'taizhang.db');
        const storage = openStorage({ url: databaseUrl });
        if (migrate) await migrateToLatest(storage.db);
        return {
          storage,
          databaseUrl,
          cleanup: () => {
            rmSync(dir, { recursive: true, force: true });
            return Promise.resolve();
          },
        };
      },
    },
    ...(process.env.TEST_DATABASE_URL
      ? [
          {
            name: 'postgres' as const,
            open: async () => {
              // The CLI takes only DATABASE_URL; the helper's URL puts it in the same schema through libpq's `options`.
              const { storage, url, drop } = await openPostgresSchema(process.env.TEST_DATABASE_URL!, {
                migrate,
              });
              return { storage, databaseUrl: url, cleanup: drop };
            },
          },
        ]
      : []),
  ];
}
