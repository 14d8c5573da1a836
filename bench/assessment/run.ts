/**
 * Computing a quarter's assessment scores: a region of 60 units (30 区直单位, 30 镇街) × 300 tasks × 12
 * months of reports, with milestones and notices, on SQLite (and PostgreSQL when BENCH_DATABASE_URL is
 * set). Times, in the same run: the baseline (reading the quarter's ledger rows the automatic items need)
 * and the whole computation (those rows, the sheets, scores and items, every unit's sheet computed and
 * ranked). BENCH_REGIONS regions (default 150) are then computed one after another.
 *
 *   npx tsx bench/assessment/run.ts            # SQLite in a temporary directory
 *   BENCH_REGIONS=20 npx tsx bench/assessment/run.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { migrateToLatest, openStorage, type Storage } from '../../src/db/connection.js';
import { newId } from '../../src/db/ids.js';
import { ledgerRowsOf } from '../../src/db/repositories/assessment-input-repository.js';
import { getRound } from '../../src/db/repositories/assessment-repository.js';
import { insertMilestones } from '../../src/db/repositories/milestone-repository.js';
import { insertNotices } from '../../src/db/repositories/notice-repository.js';
import { insertPlan } from '../../src/db/repositories/plan-repository.js';
import { insertRegion } from '../../src/db/repositories/region-repository.js';
import { insertReports } from '../../src/db/repositories/report-repository.js';
import { insertTasks } from '../../src/db/repositories/task-repository.js';
import { insertUnit } from '../../src/db/repositories/unit-repository.js';
import type { MilestoneTable, NoticeTable, ReportTable, TaskTable } from '../../src/db/schema.js';
import { periodRange } from '../../src/domain/periods.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { computeRound, loadRoundData, schemeOf } from '../../src/services/assessment-results.js';
import { createScheme, openRound } from '../../src/services/assessment-scheme-service.js';
import type { ServiceContext } from '../../src/services/context.js';

const YEAR = 2026;
const QUARTER = `${YEAR}-Q2`;
const AS_OF = `${YEAR}-12-31`;
const UNITS = 60;
const TASKS = 300;
const REGIONS = Number(process.env.BENCH_REGIONS ?? 150);
const REPEAT = 15;

async function seedRegion(storage: Storage, n: number): Promise<string> {
  const db = storage.db;
  const regionId = newId('rgn');
  const at = `${YEAR}-01-02T01:00:00.000Z`;
  await insertRegion(db, {
    id: regionId,
    name: `基准区${n}`,
    kind: '区',
    parent_city: null,
    settings: '{}',
    created_at: at,
  });
  const units: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    const id = newId('unit');
    units.push(id);
    await insertUnit(db, {
      id,
      region_id: regionId,
      name: `单位${u}`,
      kind: u < UNITS / 2 ? 'department' : 'town',
      active: 1,
      version: 1,
      created_at: at,
    });
  }
  const planId = newId('plan');
  await insertPlan(db, {
    id: planId,
    region_id: regionId,
    title: '基准计划',
    kind: 'work_points',
    year: YEAR,
    period_start: `${YEAR}-01-01`,
    period_end: `${YEAR}-12-31`,
    cadence: 'monthly',
    status: 'published',
    source_name: null,
    source_text: null,
    warnings: '[]',
    created_at: at,
    published_at: at,
  });
  const tasks: Insertable<TaskTable>[] = [];
  const reports: Insertable<ReportTable>[] = [];
  const milestones: Insertable<MilestoneTable>[] = [];
  const notices: Insertable<NoticeTable>[] = [];
  for (let t = 0; t < TASKS; t++) {
    const taskId = newId('task');
    const unitId = units[t % UNITS]!;
    tasks.push({
      id: taskId,
      region_id: regionId,
      plan_id: planId,
      area_id: null,
      parent_task_id: null,
      seq: t + 1,
      code: String(t + 1),
      title: `任务${t}`,
      implementation_plan: '',
      work_standard: '',
      lead_unit_id: unitId,
      leader_name: null,
      tags: '[]',
      start_date: `${YEAR}-01-01`,
      due_date: `${YEAR}-12-31`,
      weight: 1,
      source_start: null,
      source_end: null,
      created_at: at,
      updated_at: at,
    });
    for (let m = 1; m <= 12; m++) {
      const period = `${YEAR}-${String(m).padStart(2, '0')}`;
      const late = (t + m) % 9 === 0;
      const dueMonth = m === 12 ? `${YEAR + 1}-01` : `${YEAR}-${String(m + 1).padStart(2, '0')}`;
      const submitted = `${dueMonth}-${late ? '12' : '03'}T02:00:00.000Z`;
      reports.push({
        id: newId('rep'),
        region_id: regionId,
        task_id: taskId,
        unit_id: unitId,
        period,
        progress: Math.min(100, m * 8),
        narrative: '按计划推进',
        problems: '',
        coordination: '',
        claims_completion: 0,
        status: 'accepted',
        return_reason: null,
        rating: 1 + ((t * m) % 5),
        created_by: 'bench',
        created_at: submitted,
        updated_at: submitted,
        submitted_at: submitted,
        approved_at: submitted,
        reviewed_at: submitted,
      });
    }
    for (let k = 0; k < 4; k++) {
      const due = `${YEAR}-${String(3 * k + 2).padStart(2, '0')}-15`;
      milestones.push({
        id: newId('ms'),
        region_id: regionId,
        task_id: taskId,
        seq: k + 1,
        title: `节点${k}`,
        due_date: due,
        done_date: (t + k) % 5 === 0 ? null : due,
      });
    }
    if (t % 7 === 0)
      notices.push({
        id: newId('ntc'),
        region_id: regionId,
        task_id: taskId,
        unit_id: unitId,
        kind: t % 14 === 0 ? 'listed' : 'supervise',
        body: '请加快进度',
        reason: null,
        period: null,
        issued_by: null,
        issued_at: `${YEAR}-05-10T02:00:00.000Z`,
        response_due: `${YEAR}-05-20`,
        response: null,
        responded_by: null,
        responded_at: null,
        status: 'issued',
      });
  }
  await storage.transact(async (trx) => {
    await insertTasks(trx, tasks);
    await insertReports(trx, reports);
    await insertMilestones(trx, milestones);
    await insertNotices(trx, notices);
  });
  return regionId;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-bench-assess-'));
  const url = process.env.BENCH_DATABASE_URL ?? join(dir, 'bench.db');
  const storage = openStorage({ url });
  await migrateToLatest(storage.db);
  const ctx: ServiceContext = { storage, filesDir: dir, now: () => new Date(`${AS_OF}T04:00:00Z`) };
  const dialect = storage.dialect;
  try {
    const rounds: { scheme: Awaited<ReturnType<typeof createScheme>>; roundId: string; regionId: string }[] =
      [];
    const seedStart = performance.now();
    for (let r = 0; r < REGIONS; r++) {
      const regionId = await seedRegion(storage, r);
      const scheme = await createScheme(ctx, SYSTEM_ACTOR, regionId, {
        year: YEAR,
        title: '基准考核方案',
        docNo: '',
      });
      const round = await openRound(ctx, SYSTEM_ACTOR, scheme.scheme.row.id, QUARTER);
      rounds.push({ scheme, roundId: round.id, regionId });
    }
    const seedMs = performance.now() - seedStart;
    const first = rounds[0]!;
    const range = periodRange(QUARTER);
    const months = ['04', '05', '06'].map((m) => `${YEAR}-${m}`);
    const round = (await getRound(storage.db, first.roundId))!;
    const compute = async (scheme = first.scheme, r = round) =>
      computeRound(await loadRoundData(storage.db, schemeOf(scheme.scheme.row), r, AS_OF));
    // Warm up both paths (statement caches, JIT) before measuring.
    for (let i = 0; i < 3; i++) {
      await ledgerRowsOf(storage.db, first.regionId, range, months);
      await compute();
    }
    const baseline: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      baseline.push(await time(() => ledgerRowsOf(storage.db, first.regionId, range, months)));
      full.push(await time(() => compute()));
    }
    const results = await compute();
    const regionsStart = performance.now();
    for (const r of rounds) {
      const row = (await getRound(storage.db, r.roundId))!;
      await compute(r.scheme, row);
    }
    const allMs = performance.now() - regionsStart;
    const b = median(baseline);
    const f = median(full);
    const out = {
      dialect,
      regions: REGIONS,
      unitsScored: results.size,
      seedSeconds: Math.round(seedMs / 100) / 10,
      baselineMs: Math.round(b * 10) / 10,
      oneRegionMs: Math.round(f * 10) / 10,
      ratio: Math.round((f / b) * 100) / 100,
      allRegionsMs: Math.round(allMs),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
