import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Where a SQLite database's statements come from: the connection's statement cache. */
export interface StatementSource {
  prepare(sql: string): SQLite.Statement;
}

// Keyed by the adapter, which a database shares with its transactions.
const sources = new WeakMap<object, StatementSource>();

/** Lets queries compiled once (compiled-query.ts) run on this SQLite database without Kysely's executor. */
export function registerDirectSqlite(db: Kysely<Database>, source: StatementSource): void {
  sources.set(db.getExecutor().adapter, source);
}

/**
 * Runs compiled SQL straight on the SQLite handle under `db`, or answers undefined when it cannot (another
 * dialect, or a database given plugins, which must see every query). better-sqlite3 answers synchronously,
 * so Kysely's connection lock and its promise hops cost more than the statement itself on the queries that
 * run on every request.
 */
export function runDirect(
  db: Kysely<Database>,
  sql: string,
  parameters: readonly unknown[],
): unknown[] | undefined {
  const executor = db.getExecutor();
  if (executor.plugins.length > 0) return undefined;
  const source = sources.get(executor.adapter);
  if (!source) return undefined;
  const statement = source.prepare(sql);
  // An array binds as the statement's anonymous parameters, as Kysely's own driver passes them.
  if (statement.reader) return statement.all([...parameters]);
  statement.run([...parameters]);
  return [];
}
