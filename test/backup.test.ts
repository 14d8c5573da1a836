/**
 * `taizhang backup FILE` takes a consistent online copy of the SQLite database while the application keeps
 * writing; `taizhang restore FILE` puts a backup back, but only one whose audit chain holds.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStorage, type Storage } from '../src/db/connection.js';
import { verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import type { ServiceContext } from '../src/services/context.js';
import { createPlan } from '../src/services/plan-service.js';
import { createRegion } from '../src/services/region-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { createTask } from '../src/services/task-service.js';
import { dropAuditGuards } from './helpers/audit-forger.js';
import { runCli } from './helpers/cli.js';
import { TODAY } from './helpers/world.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function contents(
  file: string,
): Promise<{ events: number; ok: boolean; tasks: number; taskEvents: number }> {
  const storage = openStorage({ url: file });
  try {
    const check = await verifyAuditChain(storage.db);
    const tasks = await storage.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const taskEvents = await storage.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'task.create')
      .executeTakeFirstOrThrow();
    return { events: check.events, ok: check.ok, tasks: tasks.n, taskEvents: taskEvents.n };
  } finally {
    await storage.close();
  }
}

describe('backup and restore of the SQLite database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-backup-'));
  const live = join(dir, 'live', 'taizhang.db');
  const backup = join(dir, 'backup.db');
  let storage: Storage;
  let ctx: ServiceContext;
  let planId: string;
  let unitId: string;

  beforeAll(async () => {
    storage = openStorage({ url: live });
    await migrateToLatest(storage.db);
    ctx = { storage, filesDir: join(dir, 'files'), now: () => TODAY };
    const region = await createRegion(ctx, SYSTEM_ACTOR, { name: '备份区', kind: '区' });
    unitId = (await createUnit(ctx, SYSTEM_ACTOR, region.id, { name: '区发展和改革局', kind: 'department' }))
      .id;
    planId = (
      await createPlan(ctx, SYSTEM_ACTOR, region.id, {
        title: '2026年工作要点',
        kind: 'work_points',
        year: 2026,
      })
    ).id;
    for (let i = 0; i < 50; i++)
      await createTask(ctx, SYSTEM_ACTOR, planId, { title: `预置任务${i}`, leadUnitId: unitId });
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a consistent database while writes keep coming, and the copy’s audit chain verifies', async () => {
    let written = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        await createTask(ctx, SYSTEM_ACTOR, planId, {
          title: `备份期间写入${written}`,
          leadUnitId: unitId,
          implementationPlan: '实施方案'.repeat(50),
        });
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Let the writer get going, so the backup starts mid-stream.
    while (written < 5) await new Promise((r) => setTimeout(r, 5));
    const atStart = written;
    const cli = await runCli(['backup', backup], { DATABASE_URL: live });
    const atEnd = written;
    stop = true;
    await writer;

    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    // The writes really overlapped the backup.
    expect(atEnd).toBeGreaterThan(atStart);

    const copy = await contents(backup);
    expect(copy.ok).toBe(true);
    // A snapshot: every task in it has its audit event and vice versa, at least as of the backup's start.
    expect(copy.tasks).toBe(copy.taskEvents);
    expect(copy.tasks).toBeGreaterThanOrEqual(50 + atStart);
    const now = await contents(live);
    expect(now.ok).toBe(true);
    expect(now.tasks).toBe(50 + written);
    expect(copy.events).toBeLessThanOrEqual(now.events);
  });

  it('refuses to restore a backup whose audit chain was tampered with, and leaves the database alone', async () => {
    const tampered = join(dir, 'tampered.db');
    copyFileSync(backup, tampered);
    const forged = openStorage({ url: tampered });
    // The backup carries the append-only triggers; a forger drops them first.
    await dropAuditGuards(forged);
    await sql`UPDATE audit_events SET data = ${'{"title":"伪造"}'} WHERE seq = ${12}`.execute(forged.db);
    await forged.close();

    const target = join(dir, 'target', 'taizhang.db');
    const fresh = openStorage({ url: target });
    await migrateToLatest(fresh.db);
    await createRegion({ storage: fresh, filesDir: join(dir, 'files2'), now: () => TODAY }, SYSTEM_ACTOR, {
      name: '原有数据',
      kind: '区',
    });
    await fresh.close();
    const before = sha256(target);

    const refused = await runCli(['restore', tampered], { DATABASE_URL: target });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/\bseq=12\b/);
    expect(sha256(target)).toBe(before);
    expect(await contents(target)).toMatchObject({ ok: true, events: 1, tasks: 0 });

    // The untouched backup restores, and the restored database is the backup's.
    const restored = await runCli(['restore', backup], { DATABASE_URL: target });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const back = await contents(target);
    const original = await contents(backup);
    expect(back).toEqual(original);
  });
});
