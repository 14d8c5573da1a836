/**
 * SQLite's writer commits at synchronous=NORMAL and flushes its log off the event loop: no write may be
 * acknowledged before the flush that covers it has returned, commits waiting for a flush share the next one,
 * and a failed flush fails its writes and every write after it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateToLatest, openStorage, type Storage } from '../src/db/connection.js';
import { WalSync } from '../src/db/wal-sync.js';

const dir = mkdtempSync(join(tmpdir(), 'taizhang-wal-sync-'));
// Every FileHandle shares one prototype: spying on it holds or fails the flush the writer asks for.
const fileHandle = await (async () => {
  const probe = join(dir, 'probe');
  writeFileSync(probe, '');
  const handle = await open(probe, 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as { datasync(): Promise<void> };
})();

interface Gate {
  calls: number;
  release(): void;
}

/** Holds every flush until released; counts them. */
function holdFlushes(): Gate {
  // Read off the prototype as a plain function: it is called below on each handle the writer flushes.
  const original = Object.getOwnPropertyDescriptor(fileHandle, 'datasync')!.value as (
    this: unknown,
  ) => Promise<void>;
  const waiting: (() => void)[] = [];
  const gate: Gate = {
    calls: 0,
    release: () => {
      for (const go of waiting.splice(0)) go();
    },
  };
  vi.spyOn(fileHandle, 'datasync').mockImplementation(function (this: unknown) {
    gate.calls++;
    return new Promise<void>((resolve, reject) => {
      waiting.push(() => {
        original.call(this).then(resolve, reject);
      });
    });
  });
  return gate;
}

const ticks = async (n = 20): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

/** A region inserted through the group commit: one write. */
function insertRegion(into: Storage, id: string, onRun = (): void => undefined): Promise<string> {
  return into.transact(async (trx) => {
    onRun();
    await trx
      .insertInto('regions')
      .values({
        id,
        name: id,
        kind: '区',
        parent_city: null,
        settings: '{}',
        created_at: '2026-11-30T00:00:00Z',
      })
      .execute();
    return id;
  });
}

let storage: Storage;
let n = 0;
const write = (): Promise<string> => insertRegion(storage, `wal-${++n}`);

describe('the SQLite writer’s log flush', () => {
  beforeAll(async () => {
    storage = openStorage({ url: join(dir, 'wal.db') });
    await migrateToLatest(storage.db);
    await write(); // the log file exists from here on
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits at NORMAL on the writer and FULL on the reader', async () => {
    expect(storage.sqlite!.pragma('synchronous', { simple: true })).toBe(1);
    // The reader (migrations, scripts) flushes what it writes itself.
    const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(storage.db);
    expect(rows[0]?.synchronous).toBe(2);
  });

  it('acknowledges a write only once its flush has returned', async () => {
    const gate = holdFlushes();
    let done = false;
    const pending = write().then((id) => {
      done = true;
      return id;
    });
    await ticks();
    expect(gate.calls).toBe(1);
    // Committed (another connection could read it) but not yet on disk: not acknowledged.
    expect(done).toBe(false);
    gate.release();
    const id = await pending;
    expect(done).toBe(true);
    const row = await storage.db.selectFrom('regions').select('id').where('id', '=', id).executeTakeFirst();
    expect(row?.id).toBe(id);
  });

  it('lets commits that arrive during a flush share the next one', async () => {
    const gate = holdFlushes();
    const first = write();
    await ticks();
    expect(gate.calls).toBe(1);
    // Five more batches commit while the first flush is held: they wait, together, for one more.
    const more: Promise<string>[] = [];
    for (let i = 0; i < 5; i++) {
      more.push(write());
      await ticks(3);
    }
    expect(gate.calls).toBe(1);
    gate.release();
    await first;
    await ticks();
    expect(gate.calls).toBe(2);
    gate.release();
    expect(await Promise.all(more)).toHaveLength(5);
    expect(gate.calls).toBe(2);
  });
});

describe('a failed flush', () => {
  it('fails the writes it covered and refuses every write after it', async () => {
    const failing = new WalSync(join(dir, 'no-such-log'));
    await expect(failing.durable()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(failing.failed).toMatchObject({ code: 'ENOENT' });
    await expect(failing.durable()).rejects.toMatchObject({ code: 'ENOENT' });
    await failing.close();
  });

  it('fails a write through the storage, and the next one without running it', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'taizhang-wal-fail-'));
    const broken = openStorage({ url: join(sub, 'broken.db') });
    await migrateToLatest(broken.db);
    const eio = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    vi.spyOn(fileHandle, 'datasync').mockRejectedValue(eio);
    let ran = 0;
    const insert = (id: string): Promise<string> =>
      insertRegion(broken, id, () => {
        ran++;
      });
    await expect(insert('x1')).rejects.toMatchObject({ code: 'EIO' });
    expect(ran).toBe(1);
    await expect(insert('x2')).rejects.toMatchObject({ code: 'EIO' });
    // After a failed flush nothing says what reached the disk: the second write never ran.
    expect(ran).toBe(1);
    vi.restoreAllMocks();
    await broken.close();
    rmSync(sub, { recursive: true, force: true });
  });
});
