import { open, type FileHandle } from 'node:fs/promises';

/**
 * Makes what the SQLite writer has committed durable, in libuv's thread pool instead of on the event loop.
 *
 * With `synchronous=FULL` SQLite flushes the write-ahead log inside COMMIT, and better-sqlite3 runs COMMIT on
 * the event loop: every read waiting meanwhile waited for the disk (a sixteenth of the server's time in a mix
 * of reads and writes). The writer's connection runs at `synchronous=NORMAL` instead, where a commit only
 * writes the log, and the group commit calls `durable()` before it tells anyone "done": a `fdatasync` of the
 * log file, which puts every frame written before it on disk, this commit's included. SQLite's recovery
 * replays the log's committed frames in order, so what survives a power cut is always a prefix of the commits
 * and never misses one that was acknowledged. The one difference from FULL: other readers may see a commit
 * for the fraction of a millisecond before its flush returns (a write that depends on what they saw is
 * written after it in the log, and so is never kept without it).
 */
export class WalSync {
  private handle: FileHandle | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(private readonly walPath: string) {}

  /** Set once a flush failed: after a failed fsync nothing says what reached the disk, so no write may go on. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Resolves when everything committed before the call is on disk. */
  durable(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.running === undefined) return this.start();
    // The flush running may have begun before this commit reached the log: wait for the next one, which every
    // commit arriving meanwhile shares (one flush for all of them, however many).
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.failure === undefined ? this.start() : Promise.reject(this.failure);
      });
    return this.queued;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.queued]);
    await this.handle?.close();
    this.handle = undefined;
  }

  private start(): Promise<void> {
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async flush(): Promise<void> {
    try {
      // Opened once the log exists (the first commit makes it); SQLite keeps the same file while it is open.
      this.handle ??= await open(this.walPath, 'r');
      await this.handle.datasync();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw this.failure;
    }
  }
}
