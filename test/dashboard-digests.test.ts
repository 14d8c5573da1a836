/**
 * The battle map judges today and each month of its trend from one report digest row per task (per month),
 * not from the region's report history. Over a region with history across many months (statuses that
 * change, late and returned reports, completion claims, milestones done late, tasks added mid-year, plans of
 * both cadences), every figure it shows must be what the full history gives: the old evaluation, kept here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { getPlan, listPlans } from '../src/db/repositories/plan-repository.js';
import { reportDigestsOf } from '../src/db/repositories/report-digest-repository.js';
import { evaluationInputsOf } from '../src/db/repositories/task-evaluation-repository.js';
import { listTasks } from '../src/db/repositories/task-repository.js';
import { unitsById } from '../src/db/repositories/unit-repository.js';
import type { ReportStatus } from '../src/db/schema.js';
import { trendMonthEnds } from '../src/domain/battle-map.js';
import { addDays } from '../src/domain/calendar.js';
import { groupRollUp, rollUp } from '../src/domain/rollup.js';
import { evaluateTasks } from '../src/domain/task-evaluation.js';
import { TASK_STATUSES } from '../src/domain/task-status.js';
import type { Actor } from '../src/services/actor.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { createArea } from '../src/services/area-service.js';
import type { ServiceContext } from '../src/services/context.js';
import { regionDashboard, type Dashboard } from '../src/services/dashboard-service.js';
import { createPlan, publishPlan } from '../src/services/plan-service.js';
import { createRegion } from '../src/services/region-service.js';
import { seesWholeRegion } from '../src/services/policies/scope.js';
import { redListOf } from '../src/services/region-standing.js';
import { createTask } from '../src/services/task-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { reportRow } from './helpers/report-rows.js';
import { dialects } from './helpers/storage.js';
import { TODAY } from './helpers/world.js';

/** A fixed pseudo-random sequence, so the history is varied but every run builds the same one. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: ReportStatus[] = ['accepted', 'accepted', 'accepted', 'submitted', 'returned', 'draft'];

/** Monthly periods from 2025-01 to 2026-05, or the quarters from 2025-Q1 to 2026-Q2. */
function periodsOf(cadence: 'monthly' | 'quarterly'): { period: string; end: string }[] {
  const out: { period: string; end: string }[] = [];
  for (let i = 0; i < 17; i++) {
    const y = 2025 + Math.floor(i / 12);
    const m = (i % 12) + 1;
    const next = addDays(`${y}-${String(m).padStart(2, '0')}-01`, 31).slice(0, 7);
    const end = addDays(`${next}-01`, -1);
    if (cadence === 'monthly') out.push({ period: `${y}-${String(m).padStart(2, '0')}`, end });
    else if (m % 3 === 0) out.push({ period: `${y}-Q${m / 3}`, end });
  }
  return out;
}

describe.each(dialects)('the battle map from report digests on $name', (dialect) => {
  let storage: Storage;
  let regionId: string;
  let unitIds: string[];
  let edgeTask: { id: string; planId: string };
  const at = (day: string) => new Date(`${day}T02:00:00Z`);

  beforeAll(async () => {
    storage = await dialect.open();
    const ctxOn = (day: string): ServiceContext => ({
      storage,
      filesDir: '/nonexistent',
      now: () => at(day),
    });
    const early = ctxOn('2025-01-02');
    const region = await createRegion(early, SYSTEM_ACTOR, { name: '走势区', kind: '区' });
    regionId = region.id;
    unitIds = [];
    for (const [name, kind] of [
      ['区发展和改革局', 'department'],
      ['区财政局', 'department'],
      ['区住房和城乡建设局', 'department'],
      ['城关街道', 'town'],
    ] as const)
      unitIds.push((await createUnit(early, SYSTEM_ACTOR, region.id, { name, kind })).id);

    const next = sequence(15);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const plans = [
      {
        title: '2025年工作要点',
        year: 2025,
        cadence: 'monthly',
        created: '2025-01-03',
        published: '2025-01-10',
      },
      {
        title: '三年行动方案',
        year: 2026,
        cadence: 'quarterly',
        created: '2025-01-03',
        published: '2025-02-01',
      },
      {
        title: '2026年工作要点',
        year: 2026,
        cadence: 'monthly',
        created: '2025-12-20',
        published: '2026-01-08',
      },
      { title: '未发布的方案', year: 2026, cadence: 'monthly', created: '2026-01-03', published: null },
    ] as const;
    let n = 0;
    for (const p of plans) {
      const plan = await createPlan(ctxOn(p.created), SYSTEM_ACTOR, region.id, {
        title: p.title,
        kind: 'work_points',
        year: p.year,
        cadence: p.cadence,
        ...(p.year === 2026 && p.cadence === 'quarterly' && { periodStart: '2025-01-01' }),
      });
      const areaIds = [
        (await createArea(ctxOn(p.created), SYSTEM_ACTOR, plan.id, { title: '一、深化改革' })).id,
        (await createArea(ctxOn(p.created), SYSTEM_ACTOR, plan.id, { title: '二、优化服务' })).id,
      ];
      // Most tasks exist before the trend begins; some are added within it, one after its last month end.
      const createdOn = ['2025-01-05', '2026-02-10', '2026-04-20', '2026-06-15'];
      for (let i = 0; i < 14; i++) {
        const created = i < 8 ? p.created : createdOn[i % 4]!;
        const due = pick([
          `${p.year}-12-31`,
          '2026-02-28',
          '2026-03-31',
          '2026-05-20',
          '2026-06-30',
          '2025-09-30',
          null,
        ]);
        const task = await createTask(
          ctxOn(created < p.created ? p.created : created),
          SYSTEM_ACTOR,
          plan.id,
          {
            title: `${p.title}任务${i + 1}`,
            leadUnitId: pick(unitIds),
            areaId: pick(areaIds),
            weight: pick([1, 1, 2, 3]),
            ...(due === null ? { ongoing: true } : { dueDate: due }),
            ...(i % 5 === 2 && {
              startDate: pick(
                ['2026-03-01', '2026-07-01', '2025-06-01'].filter((d) => due === null || d <= due),
              ),
            }),
          },
        );
        n++;
        for (let k = 0; k < (i % 3) + 1; k++) {
          const dueDate = pick(['2026-01-20', '2026-03-15', '2026-04-30', '2026-06-18', '2026-09-30']);
          const doneDate = pick([
            null,
            null,
            '2026-01-10',
            '2026-02-25',
            '2026-04-01',
            '2026-05-31',
            '2026-06-10',
          ]);
          await storage.db
            .insertInto('milestones')
            .values({
              id: `ms_${n}_${k}`,
              region_id: region.id,
              task_id: task.id,
              seq: k + 1,
              title: `节点${k + 1}`,
              due_date: dueDate,
              done_date: doneDate,
            })
            .execute();
        }
        let progress = 0;
        for (const [j, { period, end }] of periodsOf(p.cadence).entries()) {
          if (period.slice(0, 4) < String(p.year - (p.cadence === 'quarterly' ? 1 : 0))) continue;
          if (next() < 0.25) continue; // a period never reported
          progress = Math.min(100, progress + Math.floor(next() * 15));
          const status = pick(STATUSES);
          // Most reports change a few days after their period; some weeks later (late, or accepted late).
          const late = next() < 0.2 ? 20 + Math.floor(next() * 50) : 1 + Math.floor(next() * 8);
          const day = addDays(end, late);
          if (day > '2026-06-15') continue;
          const claims = progress >= 90 && next() < 0.5 ? 1 : 0;
          // Distinct times within a task, so "the latest report" is never a tie.
          const time = `${day}T${String(j % 24).padStart(2, '0')}:${String(i).padStart(2, '0')}:00.000Z`;
          await storage.db
            .insertInto('reports')
            .values(
              reportRow({
                id: `rpt_${n}_${period}`,
                regionId: region.id,
                taskId: task.id,
                unitId: unitIds[0]!,
                period,
                status,
                progress,
                claimsCompletion: claims,
                at: time,
              }),
            )
            .execute();
        }
      }
      // Tasks whose status turns on a report the office received before the trend's first month end.
      const extra = async (title: string, reports: readonly (readonly [string, string, number])[]) => {
        const task = await createTask(ctxOn(p.created), SYSTEM_ACTOR, plan.id, {
          title,
          leadUnitId: unitIds[0]!,
          dueDate: '2026-12-31',
        });
        for (const [period, day, progress] of reports)
          await storage.db
            .insertInto('reports')
            .values(
              reportRow({
                id: `rpt_${title}_${period}`,
                regionId: region.id,
                taskId: task.id,
                unitId: unitIds[0]!,
                period,
                status: 'accepted',
                progress,
                at: `${day}T08:00:00.000Z`,
              }),
            )
            .execute();
      };
      // On track only while each owed month has its report; February's and March's came early.
      if (p.title === '2026年工作要点')
        await extra('按时报送的任务', [
          ['2026-01', '2026-02-03', 15],
          ['2026-02', '2026-01-20', 30],
          ['2026-03', '2026-01-21', 45],
          ['2026-04', '2026-05-03', 60],
          ['2026-05', '2026-06-03', 75],
        ]);
      // Behind 序时 on the latest report, a late one for an old quarter, not on the earlier ones for newer quarters.
      if (p.title === '三年行动方案')
        await extra('补报旧季度的任务', [
          ['2026-Q1', '2026-01-20', 45],
          ['2025-Q4', '2026-01-22', 40],
          ['2025-Q3', '2026-01-25', 20],
        ]);
      if (p.published) await publishPlan(ctxOn(p.published), SYSTEM_ACTOR, plan.id, undefined);
    }
    // Reports changed on the last moment of a trend month end and on the first of the next month.
    const firstTask = (await listTasks(storage.db, { regionId }))[0]!;
    for (const [id, period, time, progress] of [
      ['rpt_edge_a', '2024-11', '2026-03-31T23:59:59.999Z', 97],
      ['rpt_edge_b', '2024-12', '2026-04-01T00:00:00.000Z', 3],
    ] as const)
      await storage.db
        .insertInto('reports')
        .values({
          id,
          region_id: region.id,
          task_id: firstTask.id,
          unit_id: unitIds[0]!,
          period,
          progress,
          narrative: '补报',
          problems: '',
          coordination: '',
          claims_completion: 0,
          status: 'accepted',
          created_by: 'system',
          created_at: time,
          updated_at: time,
        })
        .execute();
    edgeTask = { id: firstTask.id, planId: firstTask.plan_id };
  });
  afterAll(async () => {
    await storage.close();
  });

  /** The battle map's figures as the full report history gives them (the evaluation before digests). */
  async function fromHistory(actor: Actor) {
    const asOf = TODAY.toISOString().slice(0, 10);
    const plans = await listPlans(storage.db, regionId, false);
    const planById = new Map(plans.map((p) => [p.id, p]));
    const filter = seesWholeRegion(actor) ? {} : { involvingUnitId: actor.unitId! };
    const tasks = (await listTasks(storage.db, { regionId, ...filter })).filter((t) =>
      planById.has(t.plan_id),
    );
    const inputs = await evaluationInputsOf(storage.db, { regionId });
    const evaluations = evaluateTasks(inputs, tasks, planById, asOf);
    const items = tasks.map((t) => ({ task: t, weight: t.weight, ...evaluations.get(t.id)! }));
    const trend = trendMonthEnds(asOf).map(({ month, date }) => {
      const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
      for (const e of evaluateTasks(inputs, tasks, planById, date, true).values()) counts[e.status]!++;
      return { month, counts };
    });
    return {
      total: rollUp(items),
      byPlan: groupRollUp(items, (i) => i.task.plan_id),
      byArea: groupRollUp(items, (i) => i.task.area_id),
      byLead: groupRollUp(items, (i) => i.task.lead_unit_id),
      redList: redListOf(items, await unitsById(storage.db, regionId)),
      trend,
    };
  }

  function expectSameFigures(map: Dashboard, old: Awaited<ReturnType<typeof fromHistory>>): void {
    expect(map.total).toEqual(old.total);
    for (const p of map.plans)
      expect([p.title, p.rollUp]).toEqual([p.title, old.byPlan.get(p.id) ?? rollUp([])]);
    for (const a of map.areas) expect([a.id, a.rollUp]).toEqual([a.id, old.byArea.get(a.id) ?? rollUp([])]);
    for (const u of map.units) expect([u.name, u.rollUp]).toEqual([u.name, old.byLead.get(u.id)]);
    expect(map.units.map((u) => u.id).sort()).toEqual(
      unitIds.filter((id) => (old.byLead.get(id)?.total ?? 0) > 0).sort(),
    );
    expect(map.redList).toEqual(old.redList);
    expect(map.trend).toEqual(old.trend);
  }

  it("shows the office today's statuses, every roll-up, the red list and the trend as the full history does", async () => {
    const ctx: ServiceContext = { storage, filesDir: '/nonexistent', now: () => TODAY };
    const office: Actor = {
      accountId: 'office',
      username: 'office',
      displayName: '督查室',
      role: 'office',
      regionId,
      unitId: null,
    };
    const map = await regionDashboard(ctx, office, regionId);
    const old = await fromHistory(office);
    expectSameFigures(map, old);
    // The history does reach different answers over the months, so the comparison means something.
    expect(map.total.total).toBe(14 * 3 + 2);
    expect(TASK_STATUSES.filter((s) => map.total.counts[s] > 0).length).toBeGreaterThanOrEqual(4);
    expect(map.redList.length).toBeGreaterThan(3);
    expect(new Set(map.trend.map((t) => JSON.stringify(t.counts))).size).toBeGreaterThan(3);
    const statusesOverTrend = new Set(map.trend.flatMap((t) => TASK_STATUSES.filter((s) => t.counts[s] > 0)));
    expect(statusesOverTrend.size).toBe(TASK_STATUSES.length);
  });

  it('counts a report changed on a month end in that month, and one changed a moment later in the next', async () => {
    const plan = (await getPlan(storage.db, edgeTask.planId))!;
    const progressThrough = async (day: string) =>
      (await reportDigestsOf(storage.db, regionId, plan.id, null, day)).find((d) => d.task_id === edgeTask.id)
        ?.accepted_progress;
    expect(await progressThrough('2026-03-31')).toBe(97);
    expect(await progressThrough('2026-04-01')).toBe(3);
  });

  it("shows a unit's staff the same figures over the tasks their unit takes part in", async () => {
    const ctx: ServiceContext = { storage, filesDir: '/nonexistent', now: () => TODAY };
    const staff: Actor = {
      accountId: 'staff',
      username: 'staff',
      displayName: '填报员',
      role: 'reporter',
      regionId,
      unitId: unitIds[1]!,
    };
    const map = await regionDashboard(ctx, staff, regionId);
    expectSameFigures(map, await fromHistory(staff));
    expect(map.total.total).toBeGreaterThan(0);
    expect(map.total.total).toBeLessThan(14 * 3 + 2);
  });
});
