import { createQueryId, PostgresAdapter, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import { AheadAnswer, recordAhead } from './ahead.js';
import { runDirect } from './direct-sqlite.js';
import type { Database } from './schema.js';

// A private-use character: no real value a caller passes starts with it.
const PLACEHOLDER = '\uE000tz-param:';
const STAND_IN = /^\uE000tz-param:\d+$/;

/** The SQL of every query compiled here: a bounded set, the statements worth preparing once per connection. */
const compiledSql = new Set<string>();

/** Whether `sql` is the text of a query compiled once (and so run again and again with new values). */
export function isCompiledSql(sql: string): boolean {
  return compiledSql.has(sql);
}

/** A query compiled once: run it, or send it ahead in a PostgreSQL transaction. */
export type CompiledRun<A extends readonly unknown[], R> = ((
  db: Kysely<Database>,
  ...args: A
) => Promise<R[]>) & {
  ahead: (db: Kysely<Database>, ...args: A) => Promise<{ answer: Promise<R[]> }>;
  /** As `ahead`, its answer handed to `sink` (a kind of AheadAnswer the connection acts on). */
  aheadInto: (sink: AheadAnswer, db: Kysely<Database>, ...args: A) => Promise<{ answer: Promise<R[]> }>;
};

interface Compiled<R> {
  query: CompiledQuery<R>;
  /** For each parameter of the compiled SQL, which argument fills it, or undefined for a constant of the query. */
  slots: (number | undefined)[];
}

/**
 * A query built and compiled once per database, then run with fresh values. Queries that run on every
 * write or every task route spent more time in Kysely's builder and compiler than in SQLite itself.
 * `build` receives stand-ins for the arguments and must pass each one through as a plain value.
 */
export function compiledQuery<A extends readonly unknown[], R>(
  arity: A['length'],
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): CompiledRun<A, R> {
  // Keyed by the adapter, which a database's transactions share and another dialect does not, and by the
  // last plugin of a database given plugins (a test's query recorder), so such a database compiles through them.
  const cache = new WeakMap<object, WeakMap<object, Compiled<R>>>();
  const compile = (db: Kysely<Database>): Compiled<R> => {
    const standIns = Array.from({ length: arity }, (_, i) => `${PLACEHOLDER}${i}`) as unknown as A;
    const query = build(db, ...standIns).compile();
    const slots = query.parameters.map((p) =>
      typeof p === 'string' && STAND_IN.test(p) ? Number(p.slice(PLACEHOLDER.length)) : undefined,
    );
    compiledSql.add(query.sql);
    const used = new Set(slots.filter((s) => s !== undefined));
    if (used.size !== arity)
      throw new Error(`compiledQuery: ${arity - used.size} argument(s) did not reach the SQL as values`);
    return { query, slots };
  };
  /** The compiled query for `db` and its parameters for `args`. */
  const bind = (db: Kysely<Database>, args: A): CompiledQuery<R> => {
    const executor = db.getExecutor();
    const adapter = executor.adapter;
    let byPlugin = cache.get(adapter);
    if (!byPlugin) {
      byPlugin = new WeakMap();
      cache.set(adapter, byPlugin);
    }
    const pluginKey = executor.plugins.at(-1) ?? adapter;
    let compiled = byPlugin.get(pluginKey);
    if (!compiled) {
      compiled = compile(db);
      byPlugin.set(pluginKey, compiled);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((slot, i) => (slot === undefined ? query.parameters[i] : args[slot]));
    return { query: query.query, sql: query.sql, queryId: createQueryId(), parameters };
  };
  const run = async (db: Kysely<Database>, ...args: A): Promise<R[]> => {
    const bound = bind(db, args);
    const direct = runDirect(db, bound.sql, bound.parameters);
    if (direct !== undefined) return direct as R[];
    return (await db.executeQuery<R>(bound)).rows;
  };
  /**
   * Sends the query ahead (see AheadAnswer) when `db` is a PostgreSQL transaction, whose end checks it;
   * elsewhere runs it as `run` does. Resolves once sent, with its answer to await when it is needed.
   */
  const aheadInto = async (
    sink: AheadAnswer,
    db: Kysely<Database>,
    ...args: A
  ): Promise<{ answer: Promise<R[]> }> => {
    if (!db.isTransaction || !(db.getExecutor().adapter instanceof PostgresAdapter))
      return { answer: Promise.resolve(await run(db, ...args)) };
    const bound = bind(db, args);
    recordAhead(db, sink);
    // The connection takes the answer as the first parameter and sends the query with the rest.
    await db.executeQuery({ ...bound, parameters: [sink, ...bound.parameters] });
    return sink as unknown as { answer: Promise<R[]> };
  };
  const ahead = (db: Kysely<Database>, ...args: A) => aheadInto(new AheadAnswer(), db, ...args);
  return Object.assign(run, { ahead, aheadInto });
}
