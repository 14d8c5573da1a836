/**
 * Today's report digest is one row per task kept by the database's triggers on reports. Whatever writes the
 * reports — one insert, many in one statement, a status or progress change, a deletion — the kept row must
 * equal the digest read from the reports themselves; and a database whose reports predate the kept rows gets
 * them when it migrates forward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { reportDigestsOf } from '../src/db/repositories/report-digest-repository.js';
import { insertReports } from '../src/db/repositories/report-repository.js';
import type { ReportStatus } from '../src/db/schema.js';
import { migrateToLatest } from '../src/db/connection.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { createPlan } from '../src/services/plan-service.js';
import { createRegion } from '../src/services/region-service.js';
import { createTask } from '../src/services/task-service.js';
import { createUnit } from '../src/services/unit-service.js';
import { migrateTo, migrationBefore } from './helpers/migrate-to.js';
import { reportRow } from './helpers/report-rows.js';
import { dialects } from './helpers/storage.js';
import { TODAY } from './helpers/world.js';

const DIGESTS_MIGRATION = '20261212_0900_task_report_digests';
const DUE = '2026-05';
/** A day after every report's last change: the digest read from the reports as of it is today's. */
const LATER = '2099-12-31';

describe.each(dialects)('kept report digests on $name', (dialect) => {
  let storage: Storage;
  let regionId: string;
  let planId: string;
  let unitId: string;
  const taskIds: string[] = [];

  const report = (
    i: number,
    period: string,
    status: ReportStatus,
    progress: number,
    day: string,
    claims = 0,
  ) =>
    reportRow({
      id: `rpt_${i}_${period}`,
      regionId,
      taskId: taskIds[i]!,
      unitId,
      period,
      status,
      progress,
      claimsCompletion: claims,
      at: `${day}T08:00:00.000Z`,
    });
  const kept = () => reportDigestsOf(storage.db, regionId, planId, DUE);
  const fromReports = () => reportDigestsOf(storage.db, regionId, planId, DUE, LATER);
  const byTask = (rows: Awaited<ReturnType<typeof kept>>) =>
    Object.fromEntries(rows.map(({ task_id, ...digest }) => [taskIds.indexOf(task_id), digest]));

  beforeAll(async () => {
    storage = await dialect.open();
    const ctx = { storage, filesDir: '/nonexistent', now: () => TODAY };
    const region = await createRegion(ctx, SYSTEM_ACTOR, { name: '留摘区', kind: '区' });
    regionId = region.id;
    unitId = (await createUnit(ctx, SYSTEM_ACTOR, regionId, { name: '区发改局', kind: 'department' })).id;
    planId = (
      await createPlan(ctx, SYSTEM_ACTOR, regionId, { title: '要点', kind: 'work_points', year: 2026 })
    ).id;
    for (let i = 0; i < 4; i++)
      taskIds.push(
        (
          await createTask(ctx, SYSTEM_ACTOR, planId, {
            title: `任务${i}`,
            leadUnitId: unitId,
            dueDate: '2026-12-31',
          })
        ).id,
      );
  });
  afterAll(async () => {
    await storage.close();
  });

  it('equals the digest read from the reports after every kind of write', async () => {
    const seen: string[] = [];
    const check = async () => {
      const now = byTask(await kept());
      expect(now).toEqual(byTask(await fromReports()));
      seen.push(JSON.stringify(now));
    };
    await check();
    // One report, then several in one statement.
    await storage.db
      .insertInto('reports')
      .values(report(0, '2026-04', 'submitted', 30, '2026-05-02'))
      .execute();
    await check();
    await insertReports(storage.db, [
      report(1, '2026-03', 'accepted', 20, '2026-04-02'),
      report(1, '2026-04', 'accepted', 45, '2026-05-03'),
      report(1, DUE, 'draft', 50, '2026-06-01'),
      report(2, '2026-04', 'accepted', 100, '2026-05-04', 1),
    ]);
    await check();
    // The office accepts; a draft is submitted; an accepted claim of completion is sent back.
    await storage.db
      .updateTable('reports')
      .set({ status: 'accepted', updated_at: '2026-05-10T08:00:00.000Z' })
      .where('id', '=', `rpt_0_2026-04`)
      .execute();
    await check();
    await storage.db
      .updateTable('reports')
      .set({ status: 'submitted', progress: 60, updated_at: '2026-06-02T08:00:00.000Z' })
      .where('id', '=', `rpt_1_${DUE}`)
      .execute();
    await check();
    await storage.db
      .updateTable('reports')
      .set({ status: 'returned' })
      .where('id', '=', 'rpt_2_2026-04')
      .execute();
    await check();
    // A report received ahead of the period owed: whether the owed one is in is then sought in the reports.
    await storage.db
      .insertInto('reports')
      .values(report(2, '2026-06', 'accepted', 90, '2026-06-20'))
      .execute();
    await check();
    await storage.db
      .insertInto('reports')
      .values(report(2, DUE, 'submitted', 80, '2026-06-21'))
      .execute();
    await check();
    expect(byTask(await kept())[2]).toMatchObject({ last_period: '2026-06', due_reported: true });
    // A report deleted (as by hand): the task's digest falls back to what is left, or to nothing.
    await storage.db.deleteFrom('reports').where('id', '=', `rpt_1_${DUE}`).execute();
    await check();
    await storage.db.deleteFrom('reports').where('id', '=', 'rpt_0_2026-04').execute();
    await check();
    // Each write changed what is kept, so the comparisons compared something.
    expect(new Set(seen).size).toBe(seen.length);
    expect(byTask(await kept())).toMatchObject({
      0: { last_period: null, accepted_progress: null, completed: false },
      1: { last_period: '2026-04', accepted_progress: 45, due_reported: false },
      2: { last_period: '2026-06', accepted_progress: 90, submitted_progress: 80, completed: false },
      3: { last_period: null, accepted_progress: null, submitted_progress: null },
    });
  });

  it('is built for the reports a database already holds when it migrates forward', async () => {
    await insertReports(storage.db, [
      report(3, '2026-04', 'accepted', 70, '2026-05-05', 1),
      report(3, DUE, 'submitted', 80, '2026-06-05'),
    ]);
    const before = byTask(await kept());
    expect(before[3]).toMatchObject({
      last_period: DUE,
      accepted_progress: 70,
      submitted_progress: 80,
      completed: true,
    });
    await migrateTo(storage.db, migrationBefore(DIGESTS_MIGRATION));
    await migrateToLatest(storage.db);
    expect(byTask(await kept())).toEqual(before);
    expect(byTask(await kept())).toEqual(byTask(await fromReports()));
  });
});
