// Cold ledger rebuild: the time to build a 300-task plan's ledger from the database (no response cache),
// with 0, 12, 36 and 1,000 office-received reports per task, in one run. A region's pages should cost the
// same whatever its report history. Runs the built server code (`npx tsc -p tsconfig.build.json` first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addReports, analyze, officeOf, periods } from './report-history.mjs';

const dist = new URL('../../dist/', import.meta.url);
const { openStorage, migrateToLatest } = await import(new URL('db/connection.js', dist).href);
const { SYSTEM_ACTOR } = await import(new URL('services/actor.js', dist).href);
const { createRegion } = await import(new URL('services/region-service.js', dist).href);
const { createUnit } = await import(new URL('services/unit-service.js', dist).href);
const { createPlan, publishPlan } = await import(new URL('services/plan-service.js', dist).href);
const { createTask, planLedger } = await import(new URL('services/task-service.js', dist).href);

const TASKS = Number(process.env.BENCH_TASKS ?? 300);
const LEVELS = (process.env.BENCH_LEVELS ?? '0,12,36,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const TODAY = new Date('2026-06-15T04:00:00Z');

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function measureColdLedger(url, log = console.log) {
  const storage = openStorage({ url });
  await migrateToLatest(storage.db);
  const ctx = { storage, filesDir: join(tmpdir(), 'bench-files'), now: () => TODAY };
  const region = await createRegion(ctx, SYSTEM_ACTOR, { name: '测速区', kind: '区' });
  const unit = await createUnit(ctx, SYSTEM_ACTOR, region.id, { name: '区发展和改革局', kind: 'department' });
  const plan = await createPlan(ctx, SYSTEM_ACTOR, region.id, {
    title: '测速计划',
    kind: 'work_points',
    year: 2026,
  });
  const tasks = await Promise.all(
    Array.from({ length: TASKS }, (_, i) =>
      createTask(ctx, SYSTEM_ACTOR, plan.id, {
        title: `任务${i + 1}`,
        leadUnitId: unit.id,
        dueDate: '2026-12-31',
      }),
    ),
  );
  await publishPlan(ctx, SYSTEM_ACTOR, plan.id, undefined);
  const office = officeOf(region);
  const all = periods(Math.max(...LEVELS));
  const rows = [];
  let have = 0;
  for (const level of LEVELS) {
    await addReports(storage, region, unit, tasks, all.slice(have, level), have);
    have = level;
    await analyze(storage);
    // Each build gets a context of its own: nothing is kept in memory from the last (see kept-region), so each
    // reads the database as the first read of a day or after a plan's change does.
    const cold = () => ({ ...ctx });
    for (let i = 0; i < 5; i++) await planLedger(cold(), office, plan.id); // warm the code, not a cache
    const times = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const ledger = await planLedger(cold(), office, plan.id);
      times.push(performance.now() - t0);
      if (ledger.tasks.length !== TASKS) throw new Error('ledger incomplete');
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    const row = {
      reportsPerTask: level,
      reports: level * TASKS,
      medianMs: quantile(times, 0.5),
      p90Ms: quantile(times, 0.9),
      cpuMsPerRebuild: (cpu.user + cpu.system) / 1000 / RUNS,
    };
    rows.push(row);
    log(JSON.stringify(row));
  }
  await storage.close();
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ledger-'));
  try {
    const url = process.env.DATABASE_URL ?? join(dir, 'taizhang.db');
    const rows = await measureColdLedger(url);
    const base = rows[0].medianMs;
    console.log(
      '\n| reports per task | reports | median ms | p90 ms | CPU ms/rebuild | × the 0-report median |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows)
      console.log(
        `| ${r.reportsPerTask} | ${r.reports} | ${r.medianMs.toFixed(2)} | ${r.p90Ms.toFixed(2)} | ${r.cpuMsPerRebuild.toFixed(2)} | ${(r.medianMs / base).toFixed(2)} |`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
