/**
 * The SQLite read connection shares one read transaction among the reads of an event-loop turn
 * (src/db/read-snapshot.ts). What must still hold: a write is visible to the next read of whoever awaited
 * it, even in the turn it committed in; another connection's commit shows up by the next turn; and a
 * transaction of a caller's own on the read connection (migrations) still opens. Answers kept for a snapshot
 * (a region's data version) follow the same rules.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStorage, type Storage } from '../src/db/connection.js';
import { ReadSnapshot } from '../src/db/read-snapshot.js';
import { appendAuditEvent } from '../src/db/repositories/audit-repository.js';
import { insertRegion, listRegionLinks } from '../src/db/repositories/region-repository.js';
import { testAuditEvent } from './helpers/audit-event.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('reads of one turn share a snapshot, and never hide a write', () => {
  let dir: string;
  let storage: Storage;
  let n = 0;
  const region = (db: Storage['db']) =>
    insertRegion(db, {
      id: `rgn_snap_${++n}`,
      name: `快照区${n}`,
      kind: '区',
      parent_city: null,
      parent_id: null,
      settings: '{}',
      created_at: '2026-11-30T00:00:00.000Z',
    });
  const count = async (s: Storage = storage) => (await listRegionLinks(s.db)).length;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-snapshot-'));
    storage = openStorage({ url: join(dir, 'test.db') });
    await migrateToLatest(storage.db);
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a write to the reads after it, though the turn read before the commit', async () => {
    const before = await count();
    // The read inside the write opens this turn's snapshot on the read connection before the commit.
    const seenInside = await storage.transact(async (trx) => {
      await region(trx);
      return count();
    });
    expect(seenInside).toBe(before);
    expect(await count()).toBe(before + 1);
  });

  it('shows writes made through another connection by the next turn', async () => {
    const other = openStorage({ url: join(dir, 'test.db') });
    try {
      const before = await count();
      await other.transact((trx) => region(trx));
      await nextTurn();
      expect(await count()).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it("shows another connection's writes to a loop that never yields, within a short while", async () => {
    const other = openStorage({ url: join(dir, 'test.db') });
    try {
      const before = await count();
      // Written at once through the other connection's own handle, without leaving this turn.
      other
        .sqlite!.prepare(
          "INSERT INTO regions (id, name, kind, settings, created_at) VALUES ('rgn_snap_raw', '直写区', '区', '{}', '2026-11-30')",
        )
        .run();
      // Awaited reads alone never reach the next turn; the snapshot still ends once it is 50 ms old.
      const until = performance.now() + 2000;
      let seen = await count();
      while (seen === before && performance.now() < until) seen = await count();
      expect(seen).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('lets a transaction of its own open on the read connection after a read of the same turn', async () => {
    const before = await count();
    await storage.db.transaction().execute(async (trx) => {
      await region(trx);
    });
    expect(await count()).toBe(before + 1);
    expect(await storage.regionDataVersion('nowhere')).toBeGreaterThanOrEqual(0);
  });
});

describe('answers kept for a snapshot', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-snapshot-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads once a snapshot, again in the next one, and every time inside a transaction of the caller', async () => {
    const sqlite = new SQLite(join(dir, 'kept.db'));
    try {
      sqlite.pragma('journal_mode = WAL');
      const snapshot = new ReadSnapshot(sqlite);
      let reads = 0;
      const read = () => ++reads;
      expect([snapshot.remembered('k', read), snapshot.remembered('k', read)]).toEqual([1, 1]);
      expect(snapshot.remembered('other', read)).toBe(2);
      await nextTurn();
      expect(snapshot.remembered('k', read)).toBe(3);
      snapshot.end();
      expect(snapshot.remembered('k', read)).toBe(4);
      snapshot.end();
      sqlite.prepare('BEGIN').run();
      expect([snapshot.remembered('k', read), snapshot.remembered('k', read)]).toEqual([5, 6]);
      sqlite.prepare('COMMIT').run();
    } finally {
      sqlite.close();
    }
  });

  it("moves a region's data version with our write in the same turn and another connection's by the next", async () => {
    const file = join(dir, 'versions.db');
    const storage = openStorage({ url: file });
    const other = openStorage({ url: file });
    try {
      await migrateToLatest(storage.db);
      const write = (s: Storage) =>
        s.transact(
          (trx) => appendAuditEvent(trx, 'sqlite', testAuditEvent('rgn_kept', '2026-06-15T04:00:00.000Z')),
          'rgn_kept',
        );
      const before = await storage.regionDataVersion('rgn_kept');
      expect(await storage.regionDataVersion('rgn_kept')).toBe(before);
      await write(storage);
      expect(await storage.regionDataVersion('rgn_kept')).toBe(before + 1);
      await write(other);
      await nextTurn();
      expect(await storage.regionDataVersion('rgn_kept')).toBe(before + 2);
    } finally {
      await other.close();
      await storage.close();
    }
  });
});
