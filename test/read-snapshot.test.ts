/**
 * The SQLite read connection shares one read transaction among the reads of an event-loop turn
 * (src/db/read-snapshot.ts). What must still hold: a write is visible to the next read of whoever awaited
 * it, even in the turn it committed in; another connection's commit shows up by the next turn; and a
 * transaction of a caller's own on the read connection (migrations) still opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStorage, type Storage } from '../src/db/connection.js';
import { insertRegion, listRegionLinks } from '../src/db/repositories/region-repository.js';

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
