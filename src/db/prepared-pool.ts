import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { isCompiledSql } from './compiled-query.js';

const names = new Map<string, string>();

function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `tz_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs the queries compiled once (`compiledQuery`: the chain's lock, the audit append, a report's checks and
 * row) as named prepared statements: a connection parses and plans each the first time, then only binds new
 * values, where an unnamed statement is parsed and planned on every run, inside the region's lock. Other
 * queries go as they came: their text varies with their filters, and a name per text would grow without bound.
 */
class PreparingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    const client = this.client as unknown as PostgresPoolClient;
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor);
    if (!isCompiledSql(sqlOrCursor)) return client.query<R>(sqlOrCursor, parameters);
    return this.client.query({
      name: statementName(sqlOrCursor),
      text: sqlOrCursor,
      values: [...parameters],
    }) as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(): void {
    this.client.release();
  }
}

/** `pool` for Kysely, each of its connections running compiled queries as prepared statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  // One wrapper per connection: Kysely keeps its connection objects by the client it is given.
  const wrappers = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = new PreparingClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
