import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { AheadAnswer, RolledBackAtCommit } from './ahead.js';
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

const noRows = (command: string) =>
  Promise.resolve({ command, rowCount: null, rows: [] } as unknown as PostgresQueryResult<never>);

/**
 * Kysely's connection to PostgreSQL (a client in pipeline mode), three ways fewer round trips:
 * - Queries compiled once (`compiledQuery`: the chain's lock, the audit append, a report's checks and row) run as
 *   named prepared statements: a connection parses and plans each the first time, then only binds new values,
 *   where an unnamed statement is parsed and planned on every run, inside the region's lock. Other queries go
 *   as they came: their text varies with their filters, and a name per text would grow without bound.
 * - BEGIN waits for the transaction's first statement and leaves with it.
 * - A statement sent ahead (its first parameter an `AheadAnswer`) is answered at once, its real answer handed
 *   to the sink; the statements issued before the next tick leave with it in one write.
 */
class PreparingClient implements PostgresPoolClient {
  private beginPending = false;
  private corked = false;

  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string')
      return (this.client as unknown as PostgresPoolClient).query(sqlOrCursor);
    const sql = sqlOrCursor;
    if (sql === 'begin') {
      this.beginPending = true;
      return noRows('BEGIN');
    }
    if (this.beginPending && (sql === 'commit' || sql === 'rollback')) {
      this.beginPending = false;
      return noRows(sql.toUpperCase());
    }
    const [first] = parameters;
    if (first instanceof AheadAnswer) {
      first.accept(this.send<R>(sql, parameters.slice(1)).then((r) => r.rows));
      return noRows('SELECT');
    }
    const sent = this.send<R>(sql, parameters);
    // COMMIT in a transaction that a statement sent ahead aborted rolls back without an error of its own.
    if (sql === 'commit')
      return sent.then((r) => {
        if ((r.command as string) === 'ROLLBACK') throw new RolledBackAtCommit();
        return r;
      });
    return sent;
  }

  private send<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
    this.corkUntilNextTick();
    const begun = this.beginPending ? this.client.query('begin') : undefined;
    this.beginPending = false;
    const result = (isCompiledSql(sql)
      ? this.client.query({ name: statementName(sql), text: sql, values: [...parameters] })
      : this.client.query(sql, [...parameters])) as unknown as Promise<PostgresQueryResult<R>>;
    return begun ? Promise.all([begun, result]).then(([, r]) => r) : result;
  }

  /** Statements issued before the next tick leave in one write (the client sends each at once, uncorked). */
  private corkUntilNextTick(): void {
    if (this.corked) return;
    const stream = this.client.connection.stream;
    stream.cork();
    this.corked = true;
    process.nextTick(() => {
      this.corked = false;
      stream.uncork();
    });
  }

  release(): void {
    this.beginPending = false;
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
