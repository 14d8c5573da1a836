/**
 * The storage layer's own machinery, on each dialect: queries compiled once and run with fresh values,
 * and SQLite's group commit, where writes sharing one transaction must still succeed or fail alone.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { compiledQuery } from '../src/db/compiled-query.js';
import { appendAuditEvent, verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { dialects } from './helpers/storage.js';

const regionsByKind = compiledQuery(2, (db, name: string, kind: string) =>
  db
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('name', '=', name)
    .where('kind', 'in', [kind, 'never'])
    .orderBy('id'),
);

describe.each(dialects)('storage on $name', (dialect) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await dialect.open();
    for (const [id, name, kind] of [
      ['r1', '南海区', 'nanhai'],
      ['r2', '金湾区', 'jinwan'],
      ['r3', '南海区', 'other'],
    ]) {
      await storage.db
        .insertInto('regions')
        .values({
          id: id!,
          name: name!,
          kind: kind!,
          parent_city: null,
          settings: '{}',
          created_at: '2026-01-01T00:00:00Z',
        })
        .execute();
    }
  });
  afterAll(async () => {
    await storage.close();
  });

  it('runs a compiled query with each call’s values and keeps the query’s own constants', async () => {
    expect(await regionsByKind(storage.db, '南海区', 'nanhai')).toEqual([{ id: 'r1', name: '南海区' }]);
    expect(await regionsByKind(storage.db, '南海区', 'other')).toEqual([{ id: 'r3', name: '南海区' }]);
    expect(await regionsByKind(storage.db, '金湾区', 'nanhai')).toEqual([]);
    // The same compiled query inside a transaction, which shares the database's adapter.
    const inside = await storage.transact((trx) => regionsByKind(trx, '金湾区', 'jinwan'));
    expect(inside).toEqual([{ id: 'r2', name: '金湾区' }]);
  });

  it.runIf(dialect.name === 'postgres')(
    'runs a compiled query as a prepared statement of its connection, and other queries as they come',
    async () => {
      const prepared = await storage.transact(async (trx) => {
        await regionsByKind(trx, '南海区', 'nanhai');
        // A query built on the spot, not compiled once: its text is not kept as a statement.
        await trx.selectFrom('regions').select('id').where('kind', '=', 'jinwan').execute();
        const { rows } = await sql<{ statement: string }>`
          select statement from pg_prepared_statements where name like 'tz\_%'`.execute(trx);
        return rows.map((r) => r.statement);
      });
      expect(prepared.some((s) => s.includes('"kind" in'))).toBe(true);
      expect(prepared.some((s) => s.includes('"kind" = $1'))).toBe(false);
      // Prepared once, the statement still takes each run's values.
      expect(await regionsByKind(storage.db, '金湾区', 'jinwan')).toEqual([{ id: 'r2', name: '金湾区' }]);
    },
  );

  it('refuses a compiled query whose argument does not reach the SQL as a value', async () => {
    const mangled = compiledQuery(1, (db, name: string) =>
      db.selectFrom('regions').select('id').where('name', '=', `${name}区`),
    );
    await expect(mangled(storage.db, '南海')).rejects.toThrow(/did not reach the SQL/);
  });

  it('commits concurrent writes together, and a failing one undoes only itself', async () => {
    const at = '2026-06-15T04:00:00.000Z';
    const writes = ['w1', 'w2', 'fail', 'w3'].map((name) =>
      storage.transact(async (trx) => {
        await trx
          .insertInto('regions')
          .values({ id: `g-${name}`, name, kind: name, parent_city: null, settings: '{}', created_at: at })
          .execute();
        await appendAuditEvent(trx, dialect.name, {
          regionId: null,
          accountId: null,
          action: 'test.write',
          entity: 'region',
          entityId: `g-${name}`,
          data: null,
          at,
        });
        if (name === 'fail') throw new Error('refused');
        return name;
      }),
    );
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const ids = (
      await storage.db.selectFrom('regions').select('id').where('id', 'like', 'g-%').orderBy('id').execute()
    ).map((r) => r.id);
    expect(ids).toEqual(['g-w1', 'g-w2', 'g-w3']);
    // The failed write's audit event went with it: the chain has exactly the three that stayed, unbroken.
    expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events: 3 });
    expect(await storage.dataVersion()).toBe(3);
  });

  it('undoes a failing write that changed many pages, beside writes of the same batch that stay', async () => {
    const at = '2026-06-15T05:00:00.000Z';
    // Far more than the statement journal's first buffer (64 KiB): the undo reads pages back from the journal.
    const settings = JSON.stringify({ note: '改革'.repeat(2_000) });
    const writes = ['big-ok', 'big-fail', 'big-ok2'].map((name) =>
      storage.transact(async (trx) => {
        for (let i = 0; i < 40; i++)
          await trx
            .insertInto('regions')
            .values({ id: `${name}-${i}`, name, kind: name, parent_city: null, settings, created_at: at })
            .execute();
        if (name === 'big-fail') throw new Error('refused');
        return name;
      }),
    );
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const counts = await storage.db
      .selectFrom('regions')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', 'like', 'big-%')
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(counts.map((c) => [c.kind, c.n])).toEqual([
      ['big-ok', 40],
      ['big-ok2', 40],
    ]);
    // The journal that undoes a write within its batch is kept in memory (see openStorage).
    if (storage.sqlite) expect(storage.sqlite.pragma('temp_store', { simple: true })).toBe(2);
  });
});
