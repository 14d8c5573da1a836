import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Work = (trx: Transaction<Database>) => Promise<unknown>;

interface Pending {
  work: Work;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** What runs after each commit, before anyone hears "done". */
export interface CommitHooks {
  /** Right after the commit: the read connection drops its older snapshot. */
  committed?: () => void;
  /** Resolves once the commit is on disk (see WalSync); a rejection fails every write of the batch. */
  durable?: () => Promise<void>;
  /** Set once durability failed: no batch runs after it. */
  failed?: () => unknown;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The savepoint statements, prepared once on the writer's own handle (Kysely's builder cost more than SQLite's work). */
interface Savepoints {
  open: SQLite.Statement;
  release: SQLite.Statement;
  undo: SQLite.Statement;
}

function prepareSavepoints(sqlite: SQLite.Database): Savepoints {
  return {
    open: sqlite.prepare('SAVEPOINT tz_write'),
    release: sqlite.prepare('RELEASE tz_write'),
    undo: sqlite.prepare('ROLLBACK TO tz_write'),
  };
}

/**
 * Group commit for SQLite. Every acknowledged commit needs an fsync (over a millisecond here), so one
 * commit per request would cap the server at a few hundred writes a second. Writes that arrive while a
 * batch commits run together in the next transaction, each inside its own savepoint: a failing write undoes
 * only itself, and nobody hears "done" before the one fsync that covers the whole batch has returned. That
 * fsync runs off the event loop (`CommitHooks.durable`), and the next batch may commit while it runs.
 */
export class GroupCommitQueue {
  private readonly pending: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  private savepoints: Savepoints | undefined;

  /** `sqlite` is the handle under `db`: the savepoints run on it directly, inside the transaction Kysely opened. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: SQLite.Database,
    private readonly after: CommitHooks = {},
    private readonly maxBatch = 128,
  ) {}

  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({
        work,
        resolve: (value) => {
          resolve(value as T);
        },
        reject,
      });
      if (this.flushing || this.scheduled) return;
      // better-sqlite3 answers every query synchronously, so a flush started right here would run to its
      // fsync before the other requests read off the same poll of the socket had enqueued theirs: batches
      // of one. Starting after the poll phase lets everything that arrived together commit together.
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) await this.commitBatch(this.pending.splice(0, this.maxBatch));
    } finally {
      this.flushing = false;
    }
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    const failure = this.after.failed?.();
    if (failure !== undefined) {
      for (const item of batch) item.reject(failure);
      return;
    }
    const outcomes: Outcome[] = [];
    const trx = await this.db.startTransaction().execute();
    this.savepoints ??= prepareSavepoints(this.sqlite);
    const savepoint = this.savepoints;
    try {
      for (const item of batch) {
        savepoint.open.run();
        try {
          const value = await item.work(trx);
          savepoint.release.run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          savepoint.undo.run();
          savepoint.release.run();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
      this.after.committed?.();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is on disk, so every write fails.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const item of batch) item.reject(error);
      return;
    }
    const answer = (): void => {
      batch.forEach((item, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    };
    // Not awaited: the next batch runs while this one's flush is on its way to the disk.
    if (this.after.durable)
      this.after.durable().then(answer, (error: unknown) => {
        for (const item of batch) item.reject(error);
      });
    else answer();
  }
}
