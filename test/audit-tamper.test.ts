/**
 * The audit log is append-only and hash-chained: editing or deleting a row by hand, behind the
 * application's back, must be caught by `verifyAuditChain` and by the operator's command
 * `taizhang verify-audit`, which names the first broken row. The database refuses such edits (see
 * audit-append-only.test.ts), so the forger here is one who first drops those guards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import type { ServiceContext } from '../src/services/context.js';
import { createArea } from '../src/services/area-service.js';
import { createPlan, publishPlan } from '../src/services/plan-service.js';
import { createRegion } from '../src/services/region-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { createTask } from '../src/services/task-service.js';
import { dropAuditGuards } from './helpers/audit-forger.js';
import { runCli } from './helpers/cli.js';
import { cliTargets } from './helpers/cli-databases.js';
import { TODAY } from './helpers/world.js';

const targets = cliTargets('taizhang-audit-');

async function seed(ctx: ServiceContext): Promise<void> {
  const sys = SYSTEM_ACTOR;
  const region = await createRegion(ctx, sys, { name: '审计区', kind: '区' });
  const unit = await createUnit(ctx, sys, region.id, { name: '区发展和改革局', kind: 'department' });
  const town = await createUnit(ctx, sys, region.id, { name: '西城街道', kind: 'town' });
  const plan = await createPlan(ctx, sys, region.id, {
    title: '2026年工作要点',
    kind: 'work_points',
    year: 2026,
  });
  const area = await createArea(ctx, sys, plan.id, { title: '深化改革' });
  for (const [title, lead] of [
    ['任务一', unit.id],
    ['任务二', town.id],
    ['任务三', unit.id],
  ] as const) {
    await createTask(ctx, sys, plan.id, { title, areaId: area.id, leadUnitId: lead, dueDate: '2026-12-31' });
  }
  await publishPlan(ctx, sys, plan.id, undefined);
}

describe.each(targets)('audit chain tampering on $name', (target) => {
  let storage: Storage;
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  let events: number;
  const files = mkdtempSync(join(tmpdir(), 'taizhang-audit-files-'));

  const row = (seq: number) =>
    storage.db.selectFrom('audit_events').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

  beforeAll(async () => {
    ({ storage, databaseUrl, cleanup } = await target.open());
    await seed({ storage, filesDir: files, now: () => TODAY });
    const check = await verifyAuditChain(storage.db);
    expect(check.ok).toBe(true);
    events = check.events;
    await dropAuditGuards(storage);
  });
  afterAll(async () => {
    await storage.close();
    await cleanup();
    rmSync(files, { recursive: true, force: true });
  });

  it('verifies the chain of data written through the services, in process and through the CLI', async () => {
    expect(events).toBe(9);
    const cli = await runCli(['verify-audit'], { DATABASE_URL: databaseUrl });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`${events} events`);
  });

  it('names the edited row when one row’s data is changed by hand', async () => {
    const original = await row(4);
    expect(original.action).toBe('plan.create');
    await sql`UPDATE audit_events SET data = ${JSON.stringify({ title: '伪造的计划', kind: 'work_points', year: 2026 })} WHERE seq = ${4}`.execute(
      storage.db,
    );

    const check = await verifyAuditChain(storage.db);
    // Named by its id, its region's chain and its place there (every seeded event is of the one region).
    expect(check).toEqual({
      ok: false,
      events: 3,
      brokenAt: { seq: 4, reason: 'hash_mismatch', regionId: original.region_id, chainSeq: 4 },
    });
    const cli = await runCli(['verify-audit'], { DATABASE_URL: databaseUrl });
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/\bseq=4\b/);
    expect(cli.stderr).toContain('审计区');
    expect(cli.stderr).toContain(original.region_id!);
    expect(cli.stdout).toBe('');

    // Putting the bytes back makes it whole again: the check is about this row, not a sticky flag.
    await sql`UPDATE audit_events SET data = ${original.data} WHERE seq = ${4}`.execute(storage.db);
    expect(await verifyAuditChain(storage.db)).toEqual({ ok: true, events });
  });

  it('catches a forger who also recomputes the edited row’s own hash, at the next row', async () => {
    const original = await row(6);
    await sql`UPDATE audit_events SET entity_id = ${'forged'}, hash = ${'f'.repeat(64)} WHERE seq = ${6}`.execute(
      storage.db,
    );
    const check = await verifyAuditChain(storage.db);
    expect(check.ok).toBe(false);
    // The row's hash no longer matches its content; had the forger computed it right, row 7's link would break instead.
    expect(check.brokenAt?.seq).toBe(6);
    await sql`UPDATE audit_events SET entity_id = ${original.entity_id}, hash = ${original.hash} WHERE seq = ${6}`.execute(
      storage.db,
    );
    await sql`UPDATE audit_events SET prev_hash = ${'0'.repeat(64)} WHERE seq = ${7}`.execute(storage.db);
    expect(await verifyAuditChain(storage.db)).toMatchObject({
      ok: false,
      brokenAt: { seq: 7, reason: 'link_mismatch' },
    });
    await sql`UPDATE audit_events SET prev_hash = ${original.hash} WHERE seq = ${7}`.execute(storage.db);
    expect((await verifyAuditChain(storage.db)).ok).toBe(true);
  });

  it('names the gap when a row is deleted', async () => {
    await sql`DELETE FROM audit_events WHERE seq = ${7}`.execute(storage.db);
    // The chain's 7th place is missing; the event found there instead (seq 8) is the one named.
    const check = await verifyAuditChain(storage.db);
    expect(check).toMatchObject({ ok: false, events: 6, brokenAt: { seq: 8, reason: 'gap', chainSeq: 7 } });
    const cli = await runCli(['verify-audit'], { DATABASE_URL: databaseUrl });
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/\bseq=8\b.*#7\b/);
    expect(cli.stderr).toContain(check.brokenAt!.regionId!);
  });

  it('notices when the newest row is deleted, though no link before it breaks', async () => {
    const fresh = await target.open();
    try {
      await seed({ storage: fresh.storage, filesDir: files, now: () => TODAY });
      await dropAuditGuards(fresh.storage);
      await sql`DELETE FROM audit_events WHERE seq = ${events}`.execute(fresh.storage.db);
      // The head of the region's chain still says `events`: the chain falls one short of it.
      expect(await verifyAuditChain(fresh.storage.db)).toMatchObject({
        ok: false,
        brokenAt: { seq: events - 1, reason: 'head_mismatch', chainSeq: events },
      });
    } finally {
      await fresh.storage.close();
      await fresh.cleanup();
    }
  });
});
