/**
 * A region's ledger and battle map are kept in memory and brought up to date by re-reading only the tasks the
 * writes since have named. After every kind of write, what they show must be exactly what a server that
 * kept nothing builds from the database; and a write to one task must leave the other tasks' lines as they
 * were kept (the same objects), or nothing is kept at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import type { Actor } from '../src/services/actor.js';
import { actorOfAccount, SYSTEM_ACTOR } from '../src/services/actor.js';
import { updateArea } from '../src/services/area-service.js';
import type { ServiceContext } from '../src/services/context.js';
import { regionDashboard } from '../src/services/dashboard-service.js';
import { keptRegion } from '../src/services/kept-region.js';
import { addMilestone, updateMilestone } from '../src/services/milestone-service.js';
import { createReport, transitionReport } from '../src/services/report-service.js';
import { createTask, planLedger, updateTask } from '../src/services/task-service.js';
import { updateUnit } from '../src/services/unit-service.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, type World } from './helpers/world.js';

describe.each(dialects)('a region kept in memory on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    const rows = await storage.db.selectFrom('accounts').selectAll().execute();
    for (const a of rows) actors[a.username] = actorOfAccount(a);
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  /** What a server that kept nothing answers: a context of its own has nothing in memory. */
  const fresh = (): ServiceContext => ({ ...w.ctx });
  const office = () => actors['a.office']!;

  async function expectSameAsFresh(): Promise<void> {
    for (const actor of [office(), actors['a.reporter1']!]) {
      expect(await planLedger(w.ctx, actor, w.planId)).toEqual(await planLedger(fresh(), actor, w.planId));
      expect(await regionDashboard(w.ctx, actor, w.regionA)).toEqual(
        await regionDashboard(fresh(), actor, w.regionA),
      );
    }
  }

  /** The ledger lines of the tasks other than `changed`, as the kept ledger now holds them. */
  async function othersThan(changed: string): Promise<unknown[]> {
    const ledger = await planLedger(w.ctx, office(), w.planId);
    return ledger.tasks.filter((t) => t.id !== changed);
  }

  it('shows after each kind of write what a server that kept nothing shows', async () => {
    const reporter = actors['a.reporter1']!;
    const unitHead = actors['a.head1']!;
    const on = (day: string): ServiceContext => ({ ...w.ctx, now: () => new Date(`${day}T02:00:00Z`) });
    // A task on track since January (each month reported and accepted in time), so that a late milestone
    // or a report changes what it shows.
    const { id: task } = await createTask(on('2026-01-05'), office(), w.planId, {
      title: '推进政务服务改革',
      leadUnitId: w.units.dept1,
      dueDate: '2026-12-31',
    });
    const report = async (ctx: ServiceContext, period: string, progress: number, accept: boolean) => {
      const { report: r } = await createReport(ctx, reporter, task, {
        period,
        progress,
        narrative: '推进中',
        claimsCompletion: progress === 100,
      });
      await transitionReport(ctx, unitHead, r.id, 'approve', {});
      if (accept) await transitionReport(ctx, office(), r.id, 'accept', {});
      return r.id;
    };
    for (const [i, period] of ['2026-01', '2026-02', '2026-03', '2026-04'].entries())
      await report(on(`2026-0${i + 2}-03`), period, 10 * (i + 1), true);
    await expectSameAsFresh();

    let reportId = '';
    let milestoneId = '';
    const versionOf = async (table: 'milestones' | 'areas' | 'units', id: string) =>
      (await storage.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
        .version;
    const writes: [string, () => Promise<unknown>, 'patched' | 'built'][] = [
      [
        'a report submitted to the office',
        async () => {
          reportId = await report(w.ctx, '2026-05', 50, false);
        },
        'patched',
      ],
      ['the office accepts it', () => transitionReport(w.ctx, office(), reportId, 'accept', {}), 'patched'],
      [
        'a milestone added, overdue',
        async () => {
          const m = await addMilestone(w.ctx, office(), task, { title: '完成调研', dueDate: '2026-03-31' });
          milestoneId = m.id;
        },
        'patched',
      ],
      [
        'the milestone done',
        async () =>
          updateMilestone(w.ctx, office(), milestoneId, await versionOf('milestones', milestoneId), {
            doneDate: '2026-04-02',
          }),
        'patched',
      ],
      ['a completion claim accepted', () => report(w.ctx, '2026-06', 100, true), 'patched'],
      [
        "another task's due date, lead unit and co-units changed",
        async () => {
          const ledger = await planLedger(fresh(), office(), w.planId);
          const { version } = ledger.tasks.find((t) => t.id === w.tasks.town1)!;
          await updateTask(w.ctx, office(), w.tasks.town1, version, {
            dueDate: '2026-06-01',
            leadUnitId: w.units.dept1,
            coUnitIds: [w.units.dept2],
          });
        },
        'patched',
      ],
      [
        'a task added',
        () =>
          createTask(w.ctx, office(), w.planId, {
            title: '新增任务',
            leadUnitId: w.units.dept2,
            dueDate: '2026-09-30',
          }),
        'built',
      ],
      [
        'an area renamed',
        async () =>
          updateArea(w.ctx, office(), w.areaId, await versionOf('areas', w.areaId), {
            title: '深化经济体制改革（调整）',
          }),
        'built',
      ],
      [
        'a unit renamed',
        async () =>
          updateUnit(w.ctx, SYSTEM_ACTOR, w.units.dept2, await versionOf('units', w.units.dept2), {
            name: '区教育和体育局',
          }),
        'built',
      ],
    ];

    const seen = async () => [
      await planLedger(fresh(), office(), w.planId),
      await regionDashboard(fresh(), office(), w.regionA),
    ];
    for (const [what, write, expected] of writes) {
      const before = await othersThan(task);
      const shownBefore = await seen();
      await write();
      // Each write changes what the pages show, so a line or figure left as it was kept would be caught.
      expect(await seen(), what).not.toEqual(shownBefore);
      await expectSameAsFresh().catch((e: unknown) => {
        throw new Error(`after ${what}: ${String(e)}`);
      });
      const after = await othersThan(task);
      const kept = after.filter((t, i) => t === before[i]).length;
      if (expected === 'built') expect(kept, what).toBe(0);
      // A write to `task` (or to one other task) leaves every other line as it was kept.
      else expect(kept, what).toBeGreaterThanOrEqual(before.length - 1);
    }
  });

  it('brings a ledger kept before the battle map was read up to date for the battle map, across servers', async () => {
    // Another server's memory: it has read the ledger only, and the write below is made by this one.
    const other = fresh();
    await planLedger(other, office(), w.planId);
    const m = await addMilestone(w.ctx, office(), w.tasks.dept1, {
      title: '形成初稿',
      dueDate: '2026-02-28',
    });
    expect(await regionDashboard(other, office(), w.regionA)).toEqual(
      await regionDashboard(fresh(), office(), w.regionA),
    );
    expect(await planLedger(other, office(), w.planId)).toEqual(
      await planLedger(fresh(), office(), w.planId),
    );
    expect(m.id).toBeTruthy();
  });

  it('keeps the very same ledger and battle map after a write they do not show', async () => {
    const ledger = await planLedger(w.ctx, office(), w.planId);
    const dashboard = await regionDashboard(w.ctx, office(), w.regionA);
    // A draft stays with its unit: nothing on the office's pages changes.
    await createReport(w.ctx, actors['a.reporter2']!, w.tasks.dept2, {
      period: '2026-05',
      progress: 30,
      narrative: '草稿',
      submit: false,
    });
    const after = await planLedger(w.ctx, office(), w.planId);
    expect(after.tasks).toBe(ledger.tasks);
    expect(await regionDashboard(w.ctx, office(), w.regionA)).toBe(dashboard);
    expect(after).toEqual(await planLedger(fresh(), office(), w.planId));
  });

  it('reads nothing for a request whose data version it already holds, and catches up past it', async () => {
    const version = await storage.regionDataVersion(w.regionA);
    const kept = await keptRegion(w.ctx, w.regionA, { trend: false, version });
    // A write after the version was read: a request that read that version does not need it.
    await addMilestone(w.ctx, office(), w.tasks.dept1, { title: '完成评估', dueDate: '2026-03-15' });
    expect(await keptRegion(w.ctx, w.regionA, { trend: false, version })).toBe(kept);
    const now = await storage.regionDataVersion(w.regionA);
    expect(now).toBeGreaterThan(version);
    const caught = await keptRegion(w.ctx, w.regionA, { trend: false, version: now });
    expect(caught).not.toBe(kept);
    expect(caught.heads.region + caught.heads.installation).toBe(now);
    expect(await planLedger(w.ctx, office(), w.planId)).toEqual(
      await planLedger(fresh(), office(), w.planId),
    );
  });
});
