import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { runEscalation } from '../src/jobs/escalation-job.js';
import type { ServiceContext } from '../src/services/context.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, type World } from './helpers/world.js';

describe.each(dialects)('automatic urge and supervise notices on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  // The plan is set up in January; the job then runs on later days.
  let now = new Date('2026-01-02T02:00:00Z');
  const at = (ctx: ServiceContext): ServiceContext => ({ ...ctx, now: () => now });

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage, () => now);
    now = new Date('2026-06-15T04:00:00Z');
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  const noticesOf = (taskId: string) =>
    storage.db
      .selectFrom('notices')
      .select(['kind', 'period', 'reason', 'unit_id'])
      .where('task_id', '=', taskId)
      .orderBy('period')
      .execute();

  it('urges every unit whose last reports are missing, once per period', async () => {
    const first = await runEscalation(at(w.ctx));
    // Four tasks (three in region A, one in region B), none reported; on 15 June the reports for March,
    // April and May are overdue.
    expect(first.urge).toBe(12);
    expect(first.supervise).toBe(0);
    const urges = await noticesOf(w.tasks.dept1);
    expect(urges.map((n) => n.period)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(
      urges.every((n) => n.kind === 'urge' && n.reason === 'report_missing' && n.unit_id === w.units.dept1),
    ).toBe(true);
    const again = await runEscalation(at(w.ctx));
    expect(again).toEqual({ urge: 0, supervise: 0 });
  });

  it('raises 督办 when a task is red two periods running, and records it in the audit log', async () => {
    // The education task was due 31 May; by mid-August it has been red at the end of June and of July.
    now = new Date('2026-08-15T04:00:00Z');
    const run = await runEscalation(at(w.ctx));
    expect(run.supervise).toBe(1);
    const supervise = (await noticesOf(w.tasks.dept2)).filter((n) => n.kind === 'supervise');
    expect(supervise).toEqual([
      { kind: 'supervise', period: '2026-07', reason: 'delayed_two_periods', unit_id: w.units.dept2 },
    ]);
    const audit = await storage.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'notice.auto')
      .execute();
    expect(audit.length).toBe(12 + run.urge + run.supervise);
  });

  it('does not chase a task for months before it existed', async () => {
    const lateTask = await storage.transact(async (trx) => {
      await trx
        .insertInto('tasks')
        .values({
          id: 'task_late',
          region_id: w.regionA,
          plan_id: w.planId,
          area_id: w.areaId,
          parent_task_id: null,
          seq: 99,
          code: '99',
          title: '年中新增任务',
          implementation_plan: '',
          work_standard: '',
          lead_unit_id: w.units.dept1,
          leader_name: null,
          tags: '[]',
          start_date: null,
          due_date: '2026-12-31',
          weight: 1,
          source_start: null,
          source_end: null,
          created_at: '2026-08-10T01:00:00.000Z',
          updated_at: '2026-08-10T01:00:00.000Z',
        })
        .execute();
      return 'task_late';
    });
    await runEscalation(at(w.ctx));
    expect(await noticesOf(lateTask)).toEqual([]);
  });

  it('leaves tasks alone whose reports arrived', async () => {
    now = new Date('2026-09-15T04:00:00Z');
    const ledgerReport = {
      id: 'rpt_test_aug',
      region_id: w.regionA,
      task_id: w.tasks.town1,
      unit_id: w.units.town1,
      period: '2026-08',
      progress: 60,
      narrative: '按期推进',
      problems: '',
      coordination: '',
      claims_completion: 0,
      status: 'accepted' as const,
      return_reason: null,
      rating: 4,
      created_by: 'x',
      created_at: '2026-09-03T01:00:00Z',
      updated_at: '2026-09-03T01:00:00Z',
      submitted_at: '2026-09-03T01:00:00Z',
      approved_at: null,
      reviewed_at: null,
    };
    await storage.transact((trx) => trx.insertInto('reports').values(ledgerReport).execute());
    await runEscalation(at(w.ctx));
    expect((await noticesOf(w.tasks.town1)).map((n) => n.period)).not.toContain('2026-08');
    expect((await noticesOf(w.tasks.dept1)).map((n) => n.period)).toContain('2026-08');
  });
});
