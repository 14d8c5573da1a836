/**
 * One audit hash chain per region (and one for events of no region): a database written before the change
 * migrates forward with its single chain intact and verifiable, new events extend their region's chain from
 * where the old one ended, `verify-audit` names the region and event that break, and on PostgreSQL a write
 * of one region does not wait for another region's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/connection.js';
import { appendAuditEvent, verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import type { Database } from '../src/db/schema.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import type { ServiceContext } from '../src/services/context.js';
import { createRegion } from '../src/services/region-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { dropAuditGuards, unkeyedHash } from './helpers/audit-forger.js';
import { runCli } from './helpers/cli.js';
import { cliTargets } from './helpers/cli-databases.js';
import { migrateTo, migrationBefore } from './helpers/migrate-to.js';
import { TODAY } from './helpers/world.js';
import { testAuditEvent } from './helpers/audit-event.js';

const CHAINS_MIGRATION = '20261208_0900_audit_region_chains';
/** The last migration before per-region chains, in the order the migrator runs them. */
const BEFORE_CHAINS = migrationBefore(CHAINS_MIGRATION);

const targets = cliTargets('taizhang-chains-', { migrate: false });

/** Appends events exactly as the code before per-region chains did: one chain, placed by seq, moving audit_head. */
async function appendLegacy(db: Kysely<Database>, events: { regionId: string | null; action: string }[]) {
  for (const e of events) {
    const head = await db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const seq = head.seq + 1;
    const row = {
      region_id: e.regionId,
      account_id: 'system',
      action: e.action,
      entity: 'region',
      entity_id: e.regionId,
      data: JSON.stringify({ n: seq }),
      at: TODAY.toISOString(),
    };
    const hash = unkeyedHash(head.hash, seq, row);
    await sql`insert into audit_events (seq, region_id, account_id, action, entity, entity_id, data, at, prev_hash, hash)
              values (${seq}, ${row.region_id}, ${row.account_id}, ${row.action}, ${row.entity}, ${row.entity_id},
                      ${row.data}, ${row.at}, ${head.hash}, ${hash})`.execute(db);
    await sql`update audit_head set seq = ${seq}, hash = ${hash} where id = 1`.execute(db);
  }
}

const files = mkdtempSync(join(tmpdir(), 'taizhang-chains-files-'));
afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});

describe.each(targets)('per-region audit chains on $name', (target) => {
  it('migrates a database written as one chain forward, and verifies old and new events together', async () => {
    const { storage, databaseUrl, cleanup } = await target.open();
    try {
      await migrateTo(storage.db, BEFORE_CHAINS);
      await appendLegacy(storage.db, [
        { regionId: 'r-old', action: 'region.create' },
        { regionId: null, action: 'calendar.replace' },
        { regionId: 'r-old', action: 'unit.create' },
        { regionId: 'r-old', action: 'unit.create' },
      ]);
      const legacyHead = await storage.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      await migrateToLatest(storage.db);
      expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events: 4 });

      // New events: each region's chain starts where the old chain ended.
      const ctx: ServiceContext = { storage, filesDir: files, now: () => TODAY };
      const region = await createRegion(ctx, SYSTEM_ACTOR, { name: '迁移区', kind: '区' });
      await createUnit(ctx, SYSTEM_ACTOR, region.id, { name: '区发展和改革局', kind: 'department' });
      expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events: 6 });
      const first = await storage.db
        .selectFrom('audit_events')
        .selectAll()
        .where('chain', '=', region.id)
        .where('chain_seq', '=', 1)
        .executeTakeFirstOrThrow();
      expect(first.prev_hash).toBe(legacyHead.hash);
      expect(first.seq).toBeGreaterThan(4);
      // The old chain's end no longer moves.
      expect(await storage.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()).toEqual(
        legacyHead,
      );

      // An edit of an old event is still named, as the old chain's (no region chain).
      await dropAuditGuards(storage);
      await sql`update audit_events set action = 'unit.delete' where seq = 3`.execute(storage.db);
      expect(await verifyAuditChain(storage.db)).toEqual({
        ok: false,
        events: 2,
        brokenAt: { seq: 3, reason: 'hash_mismatch' },
      });
      const cli = await runCli(['verify-audit'], { DATABASE_URL: databaseUrl });
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(/seq=3\b.*legacy chain/);
    } finally {
      await storage.close();
      await cleanup();
    }
  });

  it('names the region and event of the one altered row, while other regions’ chains verify', async () => {
    const { storage, cleanup } = await target.open();
    try {
      await migrateToLatest(storage.db);
      const ctx: ServiceContext = { storage, filesDir: files, now: () => TODAY };
      const east = await createRegion(ctx, SYSTEM_ACTOR, { name: '东区', kind: '区' });
      const west = await createRegion(ctx, SYSTEM_ACTOR, { name: '西区', kind: '区' });
      for (const name of ['甲', '乙', '丙']) {
        await createUnit(ctx, SYSTEM_ACTOR, east.id, { name: `东${name}局`, kind: 'department' });
        await createUnit(ctx, SYSTEM_ACTOR, west.id, { name: `西${name}局`, kind: 'department' });
      }
      expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events: 8 });
      const victim = await storage.db
        .selectFrom('audit_events')
        .selectAll()
        .where('chain', '=', west.id)
        .where('chain_seq', '=', 3)
        .executeTakeFirstOrThrow();
      await dropAuditGuards(storage);
      await sql`update audit_events set data = ${'{"name":"伪造"}'} where seq = ${victim.seq}`.execute(
        storage.db,
      );
      const check = await verifyAuditChain(storage.db);
      expect(check.ok).toBe(false);
      expect(check.brokenAt).toEqual({
        seq: victim.seq,
        reason: 'hash_mismatch',
        regionId: west.id,
        chainSeq: 3,
      });

      // Moving an event into another region's chain, even with its place fixed, is caught too.
      await sql`update audit_events set data = ${victim.data} where seq = ${victim.seq}`.execute(storage.db);
      expect((await verifyAuditChain(storage.db)).ok).toBe(true);
      await sql`update audit_events set region_id = ${east.id} where seq = ${victim.seq}`.execute(storage.db);
      expect((await verifyAuditChain(storage.db)).brokenAt).toMatchObject({
        seq: victim.seq,
        regionId: west.id,
      });
    } finally {
      await storage.close();
      await cleanup();
    }
  });

  it('keys the data version per region: a write of one region leaves another’s version alone', async () => {
    const { storage, cleanup } = await target.open();
    try {
      await migrateToLatest(storage.db);
      const ctx: ServiceContext = { storage, filesDir: files, now: () => TODAY };
      const east = await createRegion(ctx, SYSTEM_ACTOR, { name: '东区', kind: '区' });
      const west = await createRegion(ctx, SYSTEM_ACTOR, { name: '西区', kind: '区' });
      const eastBefore = await storage.regionDataVersion(east.id);
      const westBefore = await storage.regionDataVersion(west.id);
      const allBefore = await storage.dataVersion();
      await createUnit(ctx, SYSTEM_ACTOR, west.id, { name: '西区财政局', kind: 'department' });
      expect(await storage.regionDataVersion(east.id)).toBe(eastBefore);
      expect(await storage.regionDataVersion(west.id)).toBeGreaterThan(westBefore);
      expect(await storage.dataVersion()).toBeGreaterThan(allBefore);
    } finally {
      await storage.close();
      await cleanup();
    }
  });

  it.runIf(target.name === 'postgres')(
    'lets a write of one region commit while another region’s chain is held, and queues one of the same region',
    async () => {
      const { storage, cleanup } = await target.open();
      try {
        await migrateToLatest(storage.db);
        const ctx: ServiceContext = { storage, filesDir: files, now: () => TODAY };
        const east = await createRegion(ctx, SYSTEM_ACTOR, { name: '东区', kind: '区' });
        const west = await createRegion(ctx, SYSTEM_ACTOR, { name: '西区', kind: '区' });
        const event = (regionId: string) => testAuditEvent(regionId, TODAY.toISOString());
        let release!: () => void;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let locked!: () => void;
        const isLocked = new Promise<void>((resolve) => {
          locked = resolve;
        });
        // A slow write of the east region: holds its chain's lock until released.
        const slow = storage.transact(async (trx) => {
          await appendAuditEvent(trx, 'postgres', event(east.id));
          locked();
          await held;
        }, east.id);
        await isLocked;
        const order: string[] = [];
        const sameRegion = storage
          .transact((trx) => appendAuditEvent(trx, 'postgres', event(east.id)), east.id)
          .then(() => order.push('east'));
        await storage.transact((trx) => appendAuditEvent(trx, 'postgres', event(west.id)), west.id);
        order.push('west');
        // The west write committed while the east lock was held; the second east write is still waiting.
        expect(order).toEqual(['west']);
        release();
        await slow;
        await sameRegion;
        expect(order).toEqual(['west', 'east']);
        expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
      } finally {
        await storage.close();
        await cleanup();
      }
    },
  );
});
