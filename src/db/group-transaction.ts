import type { PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * A shared transaction was rolled back: one of its writes failed, or its COMMIT answered ROLLBACK. Nothing of
 * it is on disk, and the write that gets this runs again in a transaction of its own.
 */
export class GroupAborted extends Error {
  constructor() {
    super('the shared transaction was rolled back: the write runs again on its own');
  }
}

const answered = (command: string) =>
  ({ command, rowCount: null, rows: [] }) as unknown as PostgresQueryResult<never>;

/** The most writes one shared transaction takes: each waits for the slowest of them before its COMMIT. */
const MAX_MEMBERS = 32;

/**
 * PostgreSQL: the writes of different regions begun in one turn of the event loop, run as one transaction on
 * one connection. Each round trip wakes a sleeping backend, and on a shared machine the wake-ups cost more than
 * the statements: 64 report submissions at once made 128 round trips and 64 commits. Together, each member's
 * first statements still leave as its request is read, but what follows their answers leaves in one write, and
 * one COMMIT covers them all.
 *
 * A member is a whole write with its region's chain locked (see lockAuditChain): two of one chain never share
 * one, so none waits for or reads the other. Every member hears the outcome of the one COMMIT, never before it.
 * A member that fails after writing, or a statement that fails, rolls all of them back; each then runs again in
 * a transaction of its own (`GroupAborted`), where a failure is its own again.
 */
export class GroupTransaction {
  private open = true;
  private members = 0;
  private ended = 0;
  private aborted = false;
  private readonly chains = new Set<string>();
  private readonly waiting: { resolve(): void; reject(error: unknown): void }[] = [];
  private begun: Promise<pg.PoolClient> | undefined;

  constructor(
    private readonly client: Promise<pg.PoolClient>,
    /** Called when the turn is over: no member joins after it. */
    closed: () => void,
    /** Corks the connection until the next tick, so the statements issued in this one leave together. */
    private readonly cork: (client: pg.PoolClient) => void,
  ) {
    client.catch(() => undefined);
    setImmediate(() => {
      this.open = false;
      closed();
      this.settleIfDone();
    });
  }

  /** This transaction, for a write locking `chain` first, or undefined when it cannot take it. */
  admit(chain: string): this | undefined {
    if (!this.open || this.chains.has(chain) || this.chains.size >= MAX_MEMBERS) return undefined;
    this.chains.add(chain);
    this.members++;
    return this;
  }

  /** The connection, BEGIN sent on it ahead of the first member's first statement. */
  connection(): Promise<pg.PoolClient> {
    this.begun ??= this.client.then((client) => {
      this.cork(client);
      void client.query('begin').catch(() => undefined);
      return client;
    });
    return this.begun;
  }

  /**
   * A member's end: resolves once the shared COMMIT (or ROLLBACK) has been answered; rejects with GroupAborted
   * when the transaction was rolled back. `wrote`: whether the member sent anything but reads.
   */
  end(kind: 'commit' | 'rollback', wrote: boolean): Promise<PostgresQueryResult<never>> {
    this.ended++;
    if (kind === 'rollback' && wrote) this.aborted = true;
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.settleIfDone();
    return done.then(() => answered(kind.toUpperCase()));
  }

  private settleIfDone(): void {
    if (this.open || this.ended < this.members) return;
    const waiting = this.waiting.splice(0);
    void this.client.then(
      async (client) => {
        let broken = false;
        try {
          if (this.begun === undefined) {
            for (const w of waiting) w.resolve();
            return;
          }
          this.cork(client);
          const result = (await client.query(this.aborted ? 'rollback' : 'commit')) as { command: string };
          // COMMIT in a transaction a failed statement aborted answers ROLLBACK: nothing was written.
          const rolledBack = this.aborted || result.command === 'ROLLBACK';
          for (const w of waiting) {
            if (rolledBack) w.reject(new GroupAborted());
            else w.resolve();
          }
        } catch (error) {
          broken = true;
          // COMMIT sent and no answer (the connection dropped): whether it was written is unknown, so the
          // writes are not run again; each member fails as a write of its own would.
          for (const w of waiting) w.reject(error);
        } finally {
          // A connection that failed mid-transaction is closed, not handed to the next write.
          client.release(broken);
        }
      },
      (error: unknown) => {
        for (const w of waiting) w.reject(error);
      },
    );
  }
}
