/**
 * The ledger evaluates tasks from one digest row per task instead of every report. Whatever the mix of
 * report statuses, progress, completion claims and periods, the digest must give the same status,
 * progress and last reported period as the full history does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { milestoneDatesOf } from '../src/db/repositories/milestone-repository.js';
import { reportDigestsOf } from '../src/db/repositories/report-digest-repository.js';
import { reportFactsOf } from '../src/db/repositories/report-repository.js';
import { duePeriodOf, evaluateTasks } from '../src/domain/task-evaluation.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { createPlan, publishPlan } from '../src/services/plan-service.js';
import { createRegion } from '../src/services/region-service.js';
import { createTask, planLedger } from '../src/services/task-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { getPlan } from '../src/db/repositories/plan-repository.js';
import type { ReportStatus } from '../src/db/schema.js';
import { listTasks } from '../src/db/repositories/task-repository.js';
import { reportRow } from './helpers/report-rows.js';
import { dialects } from './helpers/storage.js';
import { TODAY } from './helpers/world.js';

type Status = ReportStatus;
/** Each task's reports: [period, status, progress, claims completion, day of updated_at]. */
const HISTORIES: [string, Status, number, number, string][][] = [
  [],
  [['2026-05', 'accepted', 40, 0, '2026-06-02']],
  [['2026-05', 'submitted', 55, 0, '2026-06-03']],
  [['2026-05', 'draft', 70, 0, '2026-06-03']],
  [
    ['2026-03', 'accepted', 20, 0, '2026-04-02'],
    ['2026-04', 'accepted', 35, 0, '2026-05-02'],
    ['2026-05', 'submitted', 50, 0, '2026-06-02'],
  ],
  [
    ['2026-04', 'accepted', 100, 1, '2026-05-02'],
    ['2026-05', 'returned', 90, 0, '2026-06-02'],
  ],
  [
    ['2026-02', 'accepted', 30, 0, '2026-03-10'],
    ['2026-01', 'accepted', 60, 0, '2026-03-20'],
  ],
  [
    ['2026-04', 'submitted', 10, 1, '2026-05-02'],
    ['2026-06', 'draft', 15, 0, '2026-06-10'],
  ],
  [
    ['2026-05', 'awaiting_head', 45, 0, '2026-06-04'],
    ['2026-04', 'accepted', 25, 0, '2026-05-04'],
  ],
  [['2026-06', 'accepted', 80, 0, '2026-06-12']],
];

describe.each(dialects)('report digests on $name', (dialect) => {
  let storage: Storage;
  let regionId: string;
  let planId: string;

  beforeAll(async () => {
    storage = await dialect.open();
    const ctx = { storage, filesDir: '/nonexistent', now: () => TODAY };
    const region = await createRegion(ctx, SYSTEM_ACTOR, { name: '摘要区', kind: '区' });
    regionId = region.id;
    const unit = await createUnit(ctx, SYSTEM_ACTOR, region.id, { name: '区财政局', kind: 'department' });
    const plan = await createPlan(ctx, SYSTEM_ACTOR, region.id, {
      title: '要点',
      kind: 'work_points',
      year: 2026,
    });
    planId = plan.id;
    for (const [i, history] of HISTORIES.entries()) {
      const task = await createTask(ctx, SYSTEM_ACTOR, plan.id, {
        title: `任务${i}`,
        leadUnitId: unit.id,
        dueDate: '2026-12-31',
      });
      for (const [period, status, progress, claims, day] of history)
        await storage.db
          .insertInto('reports')
          .values(
            reportRow({
              id: `rpt_${i}_${period}`,
              regionId: region.id,
              taskId: task.id,
              unitId: unit.id,
              period,
              status,
              progress,
              claimsCompletion: claims,
              at: `${day}T08:00:00.000Z`,
            }),
          )
          .execute();
    }
    await publishPlan(ctx, SYSTEM_ACTOR, plan.id, undefined);
  });
  afterAll(async () => {
    await storage.close();
  });

  it('evaluates every task as the full report history does', async () => {
    const today = TODAY.toISOString().slice(0, 10);
    const plan = (await getPlan(storage.db, planId))!;
    const tasks = await listTasks(storage.db, { planId });
    const milestones = await milestoneDatesOf(storage.db, { planId });
    const plans = new Map([[plan.id, plan]]);
    const full = evaluateTasks(
      { milestones, facts: await reportFactsOf(storage.db, { planId }) },
      tasks,
      plans,
      today,
    );
    const duePeriod = duePeriodOf(plan.cadence, today);
    const rows = await reportDigestsOf(storage.db, regionId, planId, duePeriod);
    expect(rows).toHaveLength(HISTORIES.length);
    const digested = evaluateTasks(
      { milestones, facts: [], digests: { rows, duePeriod } },
      tasks,
      plans,
      today,
    );
    expect(digested).toEqual(full);
    // The histories do reach different answers, so the comparison means something.
    expect(new Set([...full.values()].map((e) => `${e.status}|${e.progress}`)).size).toBeGreaterThan(3);
  });

  it('is what the ledger shows', async () => {
    const ctx = { storage, filesDir: '/nonexistent', now: () => TODAY };
    const ledger = await planLedger(ctx, SYSTEM_ACTOR, planId);
    const byTitle = new Map(ledger.tasks.map((t) => [t.title, t.evaluation]));
    expect(byTitle.get('任务4')).toMatchObject({ progress: 35, lastReportedPeriod: '2026-05' });
    expect(byTitle.get('任务5')).toMatchObject({ status: 'done', progress: 100 });
    expect(byTitle.get('任务6')).toMatchObject({ progress: 60, lastReportedPeriod: '2026-02' });
    expect(byTitle.get('任务0')?.lastReportedPeriod).toBeNull();
  });
});
