/**
 * Writes of different regions begun together (src/db/group-transaction.ts): on PostgreSQL they share one
 * transaction, on SQLite one batch of the group commit. Either way each is kept or refused on its own: a write
 * that fails leaves nothing behind and fails with its own error, and the writes begun with it are kept.
 */
import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { compiledQuery } from '../src/db/compiled-query.js';
import { appendAuditEvent, verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { testAuditEvent } from './helpers/audit-event.js';
import { dialects } from './helpers/storage.js';

const at = '2026-06-15T04:00:00.000Z';
const REGIONS = ['ga', 'gb', 'gc', 'gd', 'ge', 'gf', 'gg', 'gh'];

const insertRegion = compiledQuery(1, (db, id: string) =>
  db
    .insertInto('regions')
    .values({ id, name: id, kind: '区', parent_city: null, settings: '{}', created_at: at }),
);
const regionById = compiledQuery(1, (db, id: string) =>
  db.selectFrom('regions').select('id').where('id', '=', id),
);

describe.each(dialects)('writes of several regions begun together on $name', (dialect) => {
  let storage: Storage;
  let made = 0;
  /** A region of its own for one write, in `home`'s chain: its row and its audit event. */
  const write = (home: string, before?: () => void, after?: () => void) => {
    const id = `${home}-${++made}`;
    const done = storage.transact(async (trx) => {
      before?.();
      await insertRegion.ahead(trx, id);
      await appendAuditEvent(trx, dialect.name, testAuditEvent(home, at, id));
      after?.();
      return id;
    }, home);
    return { id, done };
  };
  const exists = async (id: string) => (await regionById(storage.db, id)).length === 1;

  beforeAll(async () => {
    storage = await dialect.open();
    // One write of each region first: its chain's head is then known, and its lock can be sent ahead.
    for (const home of REGIONS)
      await storage.transact(async (trx) => {
        await insertRegion(trx, home);
        await appendAuditEvent(trx, dialect.name, testAuditEvent(home, at, home));
      }, home);
  });
  afterAll(async () => {
    await storage.close();
  });

  it('keeps every write of eight regions begun together, each chain intact', async () => {
    const writes = REGIONS.map((home) => write(home));
    const ids = await Promise.all(writes.map((w) => w.done));
    expect(ids).toEqual(writes.map((w) => w.id));
    for (const id of ids) expect(await exists(id)).toBe(true);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  it.runIf(dialect.name === 'postgres')(
    'sends the eight writes in the packets of one: their statements and one COMMIT share a connection',
    async () => {
      const send = vi.spyOn(net.Socket.prototype, '_write');
      const sendv = vi.spyOn(net.Socket.prototype, '_writev');
      let packets: number;
      try {
        await Promise.all(REGIONS.map((home) => write(home).done));
        packets = send.mock.calls.length + sendv.mock.calls.length;
      } finally {
        send.mockRestore();
        sendv.mockRestore();
      }
      // Alone, each write takes two (statements-ahead.test.ts): sixteen. Together: BEGIN with every lock, every
      // row and event, COMMIT.
      expect(packets).toBeLessThanOrEqual(3);
      expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
    },
  );

  it('fails a write that throws after writing with its own error, and keeps the others', async () => {
    const runs = { failing: 0 };
    const failing = write(
      'gc',
      () => runs.failing++,
      () => {
        throw new Error('refused after writing');
      },
    );
    const others = ['ga', 'gb', 'gd'].map((home) => write(home));
    await expect(failing.done).rejects.toThrow('refused after writing');
    await Promise.all(others.map((w) => w.done));
    expect(await exists(failing.id)).toBe(false);
    for (const w of others) expect(await exists(w.id)).toBe(true);
    // On PostgreSQL its failure rolled back the shared transaction: each write ran again on its own.
    expect(runs.failing).toBe(dialect.name === 'postgres' ? 2 : 1);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  it('fails a write whose statement fails with that statement’s error, and keeps the others', async () => {
    const others = ['ga', 'gb', 'gd'].map((home) => write(home));
    const duplicate = storage.transact(async (trx) => {
      await appendAuditEvent(trx, dialect.name, testAuditEvent('gc', at, 'dup'));
      await insertRegion.ahead(trx, 'ga'); // exists: a duplicate key
    }, 'gc');
    await expect(duplicate).rejects.toThrow(/unique|UNIQUE|duplicate/);
    await Promise.all(others.map((w) => w.done));
    for (const w of others) expect(await exists(w.id)).toBe(true);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  it('refuses a write that throws before writing once, and keeps the others with it', async () => {
    let runs = 0;
    const refused = storage.transact(async (trx) => {
      runs++;
      await regionById(trx, 'gc');
      throw new Error('refused before writing');
    }, 'gc');
    const others = ['ga', 'gb', 'gd'].map((home) => write(home));
    await expect(refused).rejects.toThrow('refused before writing');
    await Promise.all(others.map((w) => w.done));
    for (const w of others) expect(await exists(w.id)).toBe(true);
    expect(runs).toBe(1);
  });

  it('runs writes of one region begun together one after the other, each once, all kept', async () => {
    let runs = 0;
    const burst = Array.from({ length: 4 }, () => write('ge', () => runs++));
    await Promise.all(burst.map((w) => w.done));
    for (const w of burst) expect(await exists(w.id)).toBe(true);
    // Each after the first waits for the chain's lock instead of trying to share a transaction and finding it
    // held (7 runs). The first may still find it held, when a later one's connection locked it first: 5.
    expect(runs).toBeLessThanOrEqual(5);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  const FULL = Array.from({ length: 32 }, (_, i) => `gx${i}`);
  it.runIf(dialect.name === 'postgres').each([
    { sharing: 'in a shared transaction', before: () => [] },
    {
      sharing: 'alone, the shared transaction being full',
      before: () => FULL.map((home) => write(home).done),
    },
  ])(
    'runs again, and keeps, a write whose chain another process holds, though it never waits for the lock ($sharing)',
    async ({ before }: { before: () => Promise<string>[] }) => {
      for (const home of FULL)
        if (!(await exists(home)))
          await storage.transact(async (trx) => {
            await insertRegion(trx, home);
            await appendAuditEvent(trx, dialect.name, testAuditEvent(home, at, home));
          }, home);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      // Another process's write: the chain's lock taken outside this process's writes.
      const other = storage.db.transaction().execute(async (trx) => {
        await sql`select seq from audit_chain_heads where chain = ${'gh'} for update`.execute(trx);
        locked();
        await held;
      });
      await isLocked;
      let runs = 0;
      let done = false;
      const id = `gh-held-${++made}`;
      // `before`: writes begun first in the same turn (a full shared transaction leaves this one a transaction of
      // its own, whose lock was still tried without waiting).
      const others = before();
      // Only a row sent ahead: nothing in the write waits for the lock's answer before it ends.
      const write = storage
        .transact(async (trx) => {
          runs++;
          await insertRegion.ahead(trx, id);
        }, 'gh')
        .then(() => {
          done = true;
        });
      await Promise.all(others);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(done).toBe(false);
      release();
      await other;
      await write;
      expect(await exists(id)).toBe(true);
      expect(runs).toBe(2);
    },
  );
});
