import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { AheadAnswer, ChainLockAnswer, RolledBackAtCommit } from './ahead.js';
import { GroupAborted, GroupTransaction } from './group-transaction.js';
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
 * A named statement's query made from its text: given a config object, the driver copies it property by property
 * on every query (3.4–4 % of the server's profile in spread writes), a text it takes as it is. The name is set
 * after construction, where the driver reads it when the query is sent.
 */
function namedQuery<R>(
  client: pg.PoolClient,
  name: string,
  sql: string,
  values: unknown[],
): Promise<PostgresQueryResult<R>> {
  return new Promise((resolve, reject) => {
    const query = new pg.Query<never>(sql, values, (error, result) => {
      if (error) reject(error);
      else resolve(result as unknown as PostgresQueryResult<R>);
    });
    (query as { name?: string }).name = name;
    client.query(query);
  });
}

const noRows = (command: string) =>
  Promise.resolve({ command, rowCount: null, rows: [] } as unknown as PostgresQueryResult<never>);

/** Streams corked until the next tick, so that what is written to them before it leaves in one write. */
const corked = new WeakSet<object>();

function corkUntilNextTick(client: pg.PoolClient): void {
  const stream = client.connection.stream;
  if (corked.has(stream)) return;
  stream.cork();
  corked.add(stream);
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork();
  });
}

/**
 * A pooled connection that the compiled queries issued outside transactions in one turn of the event loop
 * share. A page rebuilt after a write asks for several rows at once; each on a connection of its own woke a
 * backend of its own, and each wake-up cost more than the query. Compiled queries are index reads, so those
 * queued behind another on the one backend wait little. Released once the turn is over and its queries answered.
 */
class TurnConnection {
  private users = 0;
  private open = true;

  constructor(
    readonly client: Promise<pg.PoolClient>,
    closed: () => void,
  ) {
    client.catch(() => undefined);
    setImmediate(() => {
      this.open = false;
      closed();
      this.releaseIfDone();
    });
  }

  join(): this {
    this.users++;
    return this;
  }

  leave(): void {
    this.users--;
    this.releaseIfDone();
  }

  private releaseIfDone(): void {
    if (this.open || this.users > 0) return;
    this.client.then(
      (client) => {
        client.release();
      },
      () => undefined,
    );
  }
}

/**
 * Kysely's connection to PostgreSQL (pg clients in pipeline mode), four ways fewer round trips:
 * - Queries compiled once (`compiledQuery`: the chain's lock, the audit append, a report's checks and row) run as
 *   named prepared statements: a connection parses and plans each the first time, then only binds new values,
 *   where an unnamed statement is parsed and planned on every run, inside the region's lock. Other queries go
 *   as they came: their text varies with their filters, and a name per text would grow without bound.
 * - BEGIN waits for the transaction's first statement and leaves with it.
 * - A statement sent ahead (its first parameter an `AheadAnswer`) is answered at once, its real answer handed
 *   to the sink; the statements issued before the next tick leave with it in one write.
 * - Compiled queries outside a transaction share the turn's connection (`TurnConnection`).
 * - A transaction whose first statement is its region chain's lock, sent ahead as shareable (`ChainLockAnswer`),
 *   joins the turn's shared transaction (`GroupTransaction`). Any other transaction, and any other query, has a
 *   pooled connection of its own, taken when its first statement is sent.
 */
class PreparingClient implements PostgresPoolClient {
  private own: Promise<pg.PoolClient> | undefined;
  private turn: TurnConnection | undefined;
  private beginPending = false;
  /** The shared transaction this one is part of, and whether it has sent anything but reads there. */
  private group: GroupTransaction | undefined;
  private wrote = false;
  /** Ended within a shared transaction: Kysely's ROLLBACK after a failed COMMIT has nothing left to do. */
  private groupEnded = false;
  /**
   * When the chain's lock was tried without waiting (`ChainLockAnswer`, shared or not): its answer, and the
   * connection the transaction's writes wait for behind it.
   */
  private lock: Promise<unknown[]> | undefined;
  private writing: Promise<pg.PoolClient> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly turnConnection: () => TurnConnection,
    private readonly groupTransaction: () => GroupTransaction,
  ) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely streams through a cursor only when given one in its dialect's settings, and ours gives none.
    if (typeof sqlOrCursor !== 'string') throw new Error('cursors are not used on this pool');
    const sql = sqlOrCursor;
    if (sql === 'begin') {
      // Which connection is chosen with the first statement (see joinGroup).
      this.beginPending = true;
      this.groupEnded = false;
      this.wrote = false;
      this.lock = undefined;
      this.writing = undefined;
      return noRows('BEGIN');
    }
    if (sql === 'commit' || sql === 'rollback') {
      if (this.group) {
        const group = this.group;
        this.group = undefined;
        this.groupEnded = true;
        return this.endIn(group, sql);
      }
      if (this.beginPending || this.groupEnded) {
        this.beginPending = false;
        return noRows(sql.toUpperCase());
      }
      if (this.writing) return this.endAlone(this.writing, sql);
      return this.finish(sql);
    }
    const [first] = parameters;
    if (this.beginPending && first instanceof ChainLockAnswer) this.joinGroup(first.chain);
    if (this.beginPending) this.own ??= this.take();
    if (first instanceof AheadAnswer) {
      const rows = this.send<R>(sql, parameters.slice(1)).then((r) => r.rows);
      if (first instanceof ChainLockAnswer) this.lock = rows;
      first.accept(rows);
      return noRows('SELECT');
    }
    return this.send<R>(sql, parameters);
  }

  /** COMMIT or ROLLBACK of a transaction on a connection of its own. */
  private finish(kind: 'commit' | 'rollback'): Promise<PostgresQueryResult<never>> {
    // Sent as it is: after the writes, whether they waited for the lock's answer or not.
    this.writing = undefined;
    this.lock = undefined;
    const sent = this.send<never>(kind, []);
    if (kind === 'rollback') return sent;
    // COMMIT in a transaction that a statement sent ahead aborted rolls back without an error of its own.
    return sent.then((r) => {
      if ((r.command as string) === 'ROLLBACK') throw new RolledBackAtCommit();
      return r;
    });
  }

  /**
   * The end of a transaction of its own that tried its chain's lock without waiting (a write that was to share
   * one, and was not taken): it commits only if it held the lock, and so sent its writes; else it runs again.
   */
  private endAlone(
    writing: Promise<pg.PoolClient>,
    kind: 'commit' | 'rollback',
  ): Promise<PostgresQueryResult<never>> {
    return writing.then(
      () => this.finish(kind),
      () =>
        this.finish('rollback').then(() => {
          throw new GroupAborted();
        }),
    );
  }

  /**
   * Ends this write's part of the shared transaction once its writes are sent or refused. A write whose writes
   * were not sent (its chain was held, or its lock failed) never commits: it runs again alone.
   */
  private endIn(group: GroupTransaction, kind: 'commit' | 'rollback'): Promise<PostgresQueryResult<never>> {
    const sent = this.writing?.then(
      () => true,
      () => false,
    );
    return Promise.resolve(sent ?? true).then((written) => {
      if (written) return group.end(kind, this.wrote);
      return group.end('rollback', false).then(() => {
        throw new GroupAborted();
      });
    });
  }

  /** Joins the turn's shared transaction, if it takes a write of `chain`: BEGIN is then its to send. */
  private joinGroup(chain: string): void {
    this.group = this.groupTransaction().admit(chain);
    if (this.group) this.beginPending = false;
  }

  private clientFor(sql: string): Promise<pg.PoolClient> {
    if (this.writing) return this.writing;
    if (this.lock && !/^select\b/i.test(sql)) {
      // The first write after a lock tried without waiting waits for its answer (already in, as a rule: the write
      // follows a read sent after the lock), and is not sent when the chain was held by another; nor is anything
      // after it.
      const group = this.group;
      this.writing = this.lock.then((rows) => {
        if (rows.length === 0) throw new GroupAborted();
        this.wrote = true;
        return group ? group.connection() : (this.own ??= this.take());
      });
      return this.writing;
    }
    if (this.group) return this.group.connection();
    if (this.own) return this.own;
    if (this.turn) return this.turn.client;
    if (isCompiledSql(sql)) return (this.turn = this.turnConnection().join()).client;
    return (this.own = this.take());
  }

  /** A pooled connection of this client's own; a failure to get one is reported by the statements waiting on it. */
  private take(): Promise<pg.PoolClient> {
    const client = this.pool.connect();
    // Until a statement waits on it (BEGIN is answered at once), its failure must not go unhandled.
    client.catch(() => undefined);
    return client;
  }

  /** Statements reach their client in the order they were issued: each waits on the same promise of it. */
  private send<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
    const begin = this.beginPending;
    this.beginPending = false;
    return this.clientFor(sql).then((client) => {
      corkUntilNextTick(client);
      const begun = begin ? client.query('begin') : undefined;
      const result = isCompiledSql(sql)
        ? namedQuery<R>(client, statementName(sql), sql, [...parameters])
        : (client.query(sql, [...parameters]) as unknown as Promise<PostgresQueryResult<R>>);
      return begun ? Promise.all([begun, result]).then(([, r]) => r) : result;
    });
  }

  release(): void {
    this.beginPending = false;
    // Released without its end (Kysely always sends one): the shared transaction must not wait for it forever.
    if (this.group) void this.endIn(this.group, 'rollback').catch(() => undefined);
    this.group = undefined;
    const own = this.own;
    this.own = undefined;
    own?.then(
      (client) => {
        client.release();
      },
      () => undefined,
    );
    this.turn?.leave();
    this.turn = undefined;
  }
}

/** `pool` for Kysely (see PreparingClient). */
export function preparingPool(pool: pg.Pool): PostgresPool {
  let turn: TurnConnection | undefined;
  let group: GroupTransaction | undefined;
  const groupTransaction = () =>
    (group ??= new GroupTransaction(
      pool.connect(),
      () => {
        group = undefined;
      },
      corkUntilNextTick,
    ));
  const turnConnection = () =>
    (turn ??= new TurnConnection(pool.connect(), () => {
      turn = undefined;
    }));
  return {
    // Kysely keeps its connection objects by the client it is given: a new one per use, each taking its
    // pooled connection when it first sends.
    connect: () => Promise.resolve(new PreparingClient(pool, turnConnection, groupTransaction)),
    end: () => pool.end(),
  };
}
