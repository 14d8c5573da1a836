/**
 * Statements sent ahead (src/db/ahead.ts): on PostgreSQL a write's lock, its report row and its audit event
 * leave without waiting for their answers. A failure among them must still fail the whole write with its own
 * error and leave nothing behind, on both dialects; on PostgreSQL a write must take the packets it is built for.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage, type Storage } from '../src/db/connection.js';
import { compiledQuery } from '../src/db/compiled-query.js';
import { appendAuditEvent, verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { testAuditEvent } from './helpers/audit-event.js';
import { dialects } from './helpers/storage.js';

const at = '2026-06-15T04:00:00.000Z';

const insertRegion = compiledQuery(1, (db, id: string) =>
  db
    .insertInto('regions')
    .values({ id, name: id, kind: '区', parent_city: null, settings: '{}', created_at: at }),
);

const event = (entityId: string) => testAuditEvent('ra', at, entityId);

describe.each(dialects)('statements sent ahead on $name', (dialect) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await dialect.open();
    await storage.transact(async (trx) => {
      await insertRegion(trx, 'ra');
      await appendAuditEvent(trx, dialect.name, event('ra'));
    }, 'ra');
  });
  afterAll(async () => {
    await storage.close();
  });

  const eventCount = async () =>
    (await storage.db.selectFrom('audit_events').select('seq').where('region_id', '=', 'ra').execute())
      .length;

  it('fails the write with the failed statement’s own error, and keeps none of it', async () => {
    const events = await eventCount();
    const write = storage.transact(async (trx) => {
      await appendAuditEvent(trx, dialect.name, event('dup'));
      await insertRegion.ahead(trx, 'ra'); // the region exists: a duplicate key
      // On PostgreSQL this runs in the aborted transaction and fails for that reason only.
      return trx.selectFrom('regions').select('id').execute();
    }, 'ra');
    await expect(write).rejects.toThrow(/unique|UNIQUE|duplicate/);
    expect(await eventCount()).toBe(events);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  it('fails the write when the failed statement is its last, before the commit', async () => {
    const events = await eventCount();
    const write = storage.transact(async (trx) => {
      await appendAuditEvent(trx, dialect.name, event('last'));
      await insertRegion.ahead(trx, 'ra');
    }, 'ra');
    await expect(write).rejects.toThrow(/unique|UNIQUE|duplicate/);
    expect(await eventCount()).toBe(events);
    // The chain goes on from where it was: the failed event's link was not kept, in the database or in memory.
    await storage.transact(async (trx) => {
      await insertRegion.ahead(trx, 'rb');
      await appendAuditEvent(trx, dialect.name, event('rb'));
    }, 'ra');
    expect(await eventCount()).toBe(events + 1);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  it('writes to a chain whose first write, which started it, rolled back', async () => {
    const first = storage.transact(async (trx) => {
      await insertRegion(trx, 'fresh');
      await appendAuditEvent(trx, dialect.name, testAuditEvent('fresh', at));
      throw new Error('refused after starting the chain');
    }, 'fresh');
    await expect(first).rejects.toThrow('refused after starting the chain');
    // The chain's head row went with the rollback: this write must not take it as there.
    await storage.transact(async (trx) => {
      await insertRegion(trx, 'fresh');
      await appendAuditEvent(trx, dialect.name, testAuditEvent('fresh', at));
    }, 'fresh');
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });

  it.runIf(dialect.name === 'postgres')(
    'sends a write’s lock with its first read, and its row and event with the commit',
    async () => {
      const writes: number[] = [];
      // A socket hands the kernel what it was given since its last write in one call of one of these.
      const write = vi.spyOn(net.Socket.prototype, '_write');
      const writev = vi.spyOn(net.Socket.prototype, '_writev');
      try {
        for (const id of ['rc', 'rd']) {
          write.mockClear();
          writev.mockClear();
          await storage.transact(async (trx) => {
            await trx.selectFrom('regions').select('id').where('id', '=', 'ra').execute();
            await insertRegion.ahead(trx, id);
            await appendAuditEvent(trx, dialect.name, event(id));
          }, 'ra');
          writes.push(write.mock.calls.length + writev.mock.calls.length);
        }
      } finally {
        write.mockRestore();
        writev.mockRestore();
      }
      // BEGIN, the lock and the read in one; the row, the event and COMMIT in the other.
      expect(writes).toEqual([2, 2]);
      expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
    },
  );

  const regionById = compiledQuery(1, (db, id: string) =>
    db.selectFrom('regions').select('id').where('id', '=', id),
  );

  it.runIf(dialect.name === 'postgres')(
    'sends the compiled reads of one turn together on one connection, and keeps a transaction’s rows its own',
    async () => {
      const write = vi.spyOn(net.Socket.prototype, '_write');
      const writev = vi.spyOn(net.Socket.prototype, '_writev');
      let reads: unknown[];
      let writes: number;
      try {
        reads = await Promise.all(['ra', 'rb', 'rc', 'none'].map((id) => regionById(storage.db, id)));
        writes = write.mock.calls.length + writev.mock.calls.length;
      } finally {
        write.mockRestore();
        writev.mockRestore();
      }
      expect(reads).toEqual([[{ id: 'ra' }], [{ id: 'rb' }], [{ id: 'rc' }], []]);
      expect(writes).toBe(1);

      // A read outside a transaction never runs on the transaction's connection: it does not see its rows.
      let release = () => {};
      const held = new Promise((resolve) => {
        release = () => {
          resolve(undefined);
        };
      });
      const inserted = storage.transact(async (trx) => {
        await insertRegion(trx, 'uncommitted');
        await held;
      }, 'ra');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await regionById(storage.db, 'uncommitted')).toEqual([]);
      release();
      await inserted;
      expect(await regionById(storage.db, 'uncommitted')).toEqual([{ id: 'uncommitted' }]);
    },
  );

  it.runIf(dialect.name === 'postgres')(
    'fails a write whose connection cannot be had with that error, leaving nothing unhandled',
    async () => {
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = '/taizhang_no_such_database';
      const broken = openStorage({ url: url.toString() });
      try {
        // BEGIN is answered at once; the connection fails while the write waits on something else.
        const write = broken.transact(async (trx) => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          return trx.selectFrom('regions').select('id').execute();
        });
        await expect(write).rejects.toThrow(/does not exist/);
      } finally {
        await broken.close();
      }
    },
  );
});
