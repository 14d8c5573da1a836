import type SQLite from 'better-sqlite3';

/**
 * One read transaction for every read of an event-loop turn on the SQLite read connection. Each statement
 * run outside a transaction takes and drops SQLite's WAL read lock: two fcntl calls and an fstat, 5–8 µs
 * here, more than the lookup itself, and a cached ledger read made four of them. Reads of one turn share a
 * snapshot instead, ended before the next turn (after the I/O poll) so other connections' commits show up
 * within one turn, and ended at once when our own writer commits, so a request reads back what it wrote.
 */
/**
 * A turn that never yields (a script's loop of awaited reads, a long report build) is cut into snapshots of
 * this age at most, so it still sees other connections' writes and never holds back the WAL checkpoint long.
 */
const MAX_SNAPSHOT_MS = 50;

export class ReadSnapshot {
  private open = false;
  private openedAt = 0;
  /** Answers read in the open snapshot, which cannot change before it ends. */
  private readonly answers = new Map<string, unknown>();
  private readonly begin: SQLite.Statement;
  private readonly commit: SQLite.Statement;

  constructor(private readonly sqlite: SQLite.Database) {
    this.begin = sqlite.prepare('BEGIN');
    this.commit = sqlite.prepare('COMMIT');
  }

  /** Before a read: joins this turn's snapshot, or starts one. Inside a caller's own transaction, nothing. */
  enter(): void {
    if (this.open && performance.now() - this.openedAt > MAX_SNAPSHOT_MS) this.end();
    if (this.open || this.sqlite.inTransaction) return;
    this.begin.run();
    this.open = true;
    this.openedAt = performance.now();
    setImmediate(() => {
      this.end();
    });
  }

  /**
   * A read whose answer is kept for the rest of the snapshot: every cached page view reads its region's data
   * version, and under load the requests of one turn asked the same question one statement each. Inside a
   * caller's own transaction, read every time.
   */
  remembered<T>(key: string, read: () => T): T {
    this.enter();
    if (!this.open) return read();
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const answer = read();
    this.answers.set(key, answer);
    return answer;
  }

  /** Before a write or a transaction of the caller's on this connection, and after our writer commits. */
  end(): void {
    if (!this.open) return;
    this.open = false;
    this.answers.clear();
    if (this.sqlite.inTransaction) this.commit.run();
  }
}
