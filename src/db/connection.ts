import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationResultSet,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';
import { GroupCommitQueue } from './group-commit.js';
import { ReadSnapshot } from './read-snapshot.js';
import { WalSync } from './wal-sync.js';
import { registerDirectSqlite } from './direct-sqlite.js';
import { aheadFailure } from './ahead.js';
import { preparingPool } from './prepared-pool.js';
import { GroupAborted } from './group-transaction.js';
import { batchedVersions } from './version-batch.js';
import {
  dataVersion,
  lockAuditChain,
  regionDataVersions,
  regionsDataVersion,
} from './repositories/audit-repository.js';

import type { DialectName } from './dialect.js';

export type { DialectName };

export interface Storage {
  db: Kysely<Database>;
  dialect: DialectName;
  /** For SQLite only: the raw handle, used by the online backup. */
  sqlite?: SQLite.Database;
  /** The length of every audit chain together: it changes exactly when the data does (see audit-repository's dataVersion). */
  dataVersion(): Promise<number>;
  /** The length of the region's audit chain and the installation's: changes when the region's data does. */
  regionDataVersion(regionId: string): Promise<number>;
  /** The same over several regions together (a roll-up's): changes when any of theirs does. */
  regionsDataVersion(regionIds: readonly string[]): Promise<number>;
  /**
   * Runs one unit of work in a transaction: its own on PostgreSQL, a group-committed savepoint on SQLite.
   * `home`: the region whose audit chain the work appends to (null: the installation's), locked first on
   * PostgreSQL so writes of one region run one after another; undefined for work that audits nothing.
   */
  transact<T>(work: (trx: Transaction<Database>) => Promise<T>, home?: string | null): Promise<T>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path, or ':memory:'. */
  url: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  schema?: string;
}

// PostgreSQL returns int8/numeric as strings; our counts and sums fit in doubles, so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openStorage(options: StorageOptions): Storage {
  if (/^postgres(ql)?:\/\//.test(options.url)) {
    // No JIT: our queries are index seeks that run in milliseconds, but one over many regions (a cold
    // roll-up's report digests) is estimated above jit_above_cost and spent 1.1 s of 2.1 s compiling.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      pipeline: true,
      options: `-c jit=off${options.schema ? ` -c search_path=${options.schema}` : ''}`,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    // PostgreSQL groups concurrent commits into one WAL flush by itself. Writes of one region queue on the
    // lock of that region's audit chain; writes of different regions run side by side.
    const attempt = async <T>(
      work: (trx: Transaction<Database>) => Promise<T>,
      home: string | null | undefined,
      shared: boolean,
    ) => {
      let begun: Transaction<Database> | undefined;
      try {
        return await db.transaction().execute(async (trx) => {
          begun = trx;
          if (home !== undefined) await lockAuditChain(trx, home, shared);
          return work(trx);
        });
      } catch (error) {
        if (error instanceof GroupAborted) throw error;
        // A statement sent ahead failed: the statements after it failed only because the transaction aborted.
        throw (begun && (await aheadFailure(begun))) ?? error;
      }
    };
    // A write may share its transaction with other regions' writes (see GroupTransaction); when that
    // transaction is rolled back, nothing of the write was kept, and it runs again alone. A write of a region
    // whose chain another write of this process holds or waits for runs alone at once: it would find the chain
    // held, and a region's burst of writes would each pay a try for nothing.
    const writing = new Map<string | null, number>();
    const transact = async <T>(work: (trx: Transaction<Database>) => Promise<T>, home?: string | null) => {
      if (home === undefined) return attempt(work, home, false);
      const others = writing.get(home) ?? 0;
      writing.set(home, others + 1);
      try {
        return await attempt(work, home, others === 0);
      } catch (error) {
        if (!(error instanceof GroupAborted)) throw error;
        return await attempt(work, home, false);
      } finally {
        const left = (writing.get(home) ?? 1) - 1;
        if (left === 0) writing.delete(home);
        else writing.set(home, left);
      }
    };
    return {
      db,
      dialect: 'postgres',
      dataVersion: () => dataVersion(db),
      regionDataVersion: batchedVersions((regionIds) => regionDataVersions(db, regionIds)),
      regionsDataVersion: (regionIds) => regionsDataVersion(db, regionIds),
      transact,
      close: () => db.destroy(),
    };
  }
  if (options.url !== ':memory:') mkdirSync(dirname(options.url), { recursive: true });
  const inMemory = options.url === ':memory:';
  // The writer's commits are flushed by WalSync, off the event loop (a database in memory has nothing to flush).
  const writer = openSqlite(options.url, inMemory ? 'FULL' : 'NORMAL');
  // Each write of a batch runs in a savepoint, and SQLite copies every page a savepoint first changes into a
  // statement journal, kept in a temporary file once it outgrows a small buffer: the row, the indexes and the
  // audit event of a report cost 52 µs with it on disk, 22 µs with it in memory. That journal only ever undoes a
  // write within its batch (the log is what survives a crash), so memory is enough.
  writer.pragma('temp_store = MEMORY');
  const walSync = inMemory ? undefined : new WalSync(`${options.url}-wal`);
  // WAL lets readers run beside the writer: a separate read connection keeps page loads and access checks
  // from queueing behind a batch of writes. An in-memory database exists only on its one connection.
  const reader = inMemory ? writer : openSqlite(options.url);
  const writeStatements = withStatementCache(writer);
  const writeDb = new Kysely<Database>({ dialect: new SqliteDialect({ database: writeStatements }) });
  registerDirectSqlite(writeDb, writeStatements);
  const snapshot = reader === writer ? undefined : new ReadSnapshot(reader);
  const readStatements = reader === writer ? writeStatements : withStatementCache(reader, snapshot);
  const db =
    reader === writer
      ? writeDb
      : new Kysely<Database>({ dialect: new SqliteDialect({ database: readStatements }) });
  if (db !== writeDb) registerDirectSqlite(db, readStatements);
  const queue = new GroupCommitQueue(writeDb, writer, {
    committed: () => snapshot?.end(),
    ...(walSync && { durable: () => walSync.durable(), failed: () => walSync.failed }),
  });
  // Read on every cached page view: a prepared statement, without building the query each time.
  // Prepared on first use, because the table exists only once the migrations have run.
  let versionStatement: SQLite.Statement | undefined;
  let regionVersionStatement: SQLite.Statement | undefined;
  // Kept for the rest of the read snapshot, as every page view of the turn asks; a database in memory has no
  // snapshot and reads every time.
  const kept = <T>(key: string, read: () => T): T => (snapshot ? snapshot.remembered(key, read) : read());
  return {
    db,
    dialect: 'sqlite',
    sqlite: writer,
    dataVersion: () => {
      const statement = (versionStatement ??= reader
        .prepare('SELECT coalesce(sum(seq), 0) FROM audit_chain_heads')
        .pluck());
      return Promise.resolve(kept('data-version', () => (statement.get() as number | undefined) ?? 0));
    },
    regionDataVersion: (regionId) => {
      const statement = (regionVersionStatement ??= reader
        .prepare("SELECT coalesce(sum(seq), 0) FROM audit_chain_heads WHERE chain IN (?, '')")
        .pluck());
      return Promise.resolve(
        kept(`region-version|${regionId}`, () => (statement.get(regionId) as number | undefined) ?? 0),
      );
    },
    regionsDataVersion: (regionIds) => regionsDataVersion(db, regionIds),
    transact: (work) => queue.run(work),
    close: async () => {
      await walSync?.close();
      await writeDb.destroy();
      if (db !== writeDb) await db.destroy();
    },
  };
}

/**
 * WAL: readers never block the writer. `FULL` flushes the log inside every commit; the group commit's writer
 * runs at `NORMAL` and flushes it itself before acknowledging (see WalSync), so a commit acknowledged is on
 * disk either way.
 */
function openSqlite(url: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): SQLite.Database {
  const sqlite = new SQLite(url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew; compiling the same SQL thousands of times a second showed up as a
 * tenth of the server's time. Statements are reusable, and SQLite re-prepares them itself after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database, snapshot?: ReadSnapshot) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      // Kysely runs the statement right after preparing it: a read joins the turn's snapshot; anything else
      // (a migration, BEGIN of a transaction of its own) first ends it.
      if (snapshot) {
        if (statement.reader) snapshot.enter();
        else snapshot.end();
      }
      return statement;
    },
  };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  // On PostgreSQL Kysely looks for its bookkeeping tables in every schema unless told which one is ours;
  // a database with another migrated schema beside ours would then fail half-way. Ours is the first on the search path.
  const schema = await currentPostgresSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema && { migrationTableSchema: schema }),
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error
      ? result.error
      : new Error(`migration failed: ${JSON.stringify(result.error)}`);
  return result;
}

async function currentPostgresSchema(db: Kysely<Database>): Promise<string | null> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return null;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? null;
}
