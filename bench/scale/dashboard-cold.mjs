// Cold battle map rebuild: the time to build a region's battle map (`regionDashboard`: today's statuses, the
// roll-ups, the red list and the six-month trend) from the database, no response cache, for a 300-task plan
// with 0, 12, 36 and 1,000 office-received reports per task, in one run. A region's pages should cost the
// same whatever its report history. Runs the built server code (`npx tsc -p tsconfig.build.json` first);
// BENCH_BASELINE_DIST names a second build (another worktree's dist/) measured on the same database, each
// level's runs interleaved with this build's, so both see the same machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { addReports, analyze, officeOf, periods } from './report-history.mjs';

const TASKS = Number(process.env.BENCH_TASKS ?? 300);
const LEVELS = (process.env.BENCH_LEVELS ?? '0,12,36,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TODAY = new Date('2026-06-15T04:00:00Z');
/** The plan is made and published at the start of the year, so every month of the trend judges its tasks. */
const OPENED = new Date('2026-01-05T02:00:00Z');

async function load(dist) {
  const at = (path) => import(new URL(path, dist).href);
  return {
    ...(await at('db/connection.js')),
    ...(await at('services/actor.js')),
    ...(await at('services/region-service.js')),
    ...(await at('services/unit-service.js')),
    ...(await at('services/plan-service.js')),
    ...(await at('services/task-service.js')),
    ...(await at('services/dashboard-service.js')),
  };
}

/**
 * Lets the event loop turn, as it does between a server's requests: a build that keeps one SQLite read
 * snapshot per turn would otherwise read every rebuild, and the reports written since, from one snapshot.
 */
function nextTurn() {
  return new Promise((resolve) => setImmediate(resolve));
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Builds the region with this build's services; returns what the measurement needs. */
async function seed(m, url) {
  const storage = m.openStorage({ url });
  await m.migrateToLatest(storage.db);
  const ctx = { storage, filesDir: join(tmpdir(), 'bench-files'), now: () => OPENED };
  const region = await m.createRegion(ctx, m.SYSTEM_ACTOR, { name: '测速区', kind: '区' });
  const unit = await m.createUnit(ctx, m.SYSTEM_ACTOR, region.id, {
    name: '区发展和改革局',
    kind: 'department',
  });
  const plan = await m.createPlan(ctx, m.SYSTEM_ACTOR, region.id, {
    title: '测速计划',
    kind: 'work_points',
    year: 2026,
  });
  const tasks = await Promise.all(
    Array.from({ length: TASKS }, (_, i) =>
      m.createTask(ctx, m.SYSTEM_ACTOR, plan.id, {
        title: `任务${i + 1}`,
        leadUnitId: unit.id,
        dueDate: i % 3 === 0 ? '2026-04-30' : '2026-12-31',
      }),
    ),
  );
  await m.publishPlan(ctx, m.SYSTEM_ACTOR, plan.id, undefined);
  return { storage, region, unit, tasks };
}

/**
 * One row per level and build: median, p90 and CPU per rebuild. `builds` are [name, modules]; the last
 * (the newest, whose migrations include the others') seeds the database, every build reads it through its
 * own connection.
 */
export async function measureColdDashboard(url, builds, log = console.log) {
  const [seeder, newest] = builds.at(-1);
  const { storage, region, unit, tasks } = await seed(newest, url);
  const readers = builds.map(([name, m]) => {
    const own = name === seeder ? storage : m.openStorage({ url });
    return { name, m, ctx: { storage: own, filesDir: join(tmpdir(), 'bench-files'), now: () => TODAY } };
  });
  const office = officeOf(region);
  const all = periods(Math.max(...LEVELS));
  const rows = [];
  let have = 0;
  for (const level of LEVELS) {
    await addReports(storage, region, unit, tasks, all.slice(have, level), have);
    have = level;
    await nextTurn();
    await analyze(storage);
    const maps = [];
    for (const r of readers) {
      // Each build gets a context of its own: nothing is kept in memory from the last (see kept-region).
      for (let i = 0; i < 5; i++) await r.m.regionDashboard({ ...r.ctx }, office, region.id); // warm the code
      await nextTurn();
      maps.push(JSON.stringify(await r.m.regionDashboard({ ...r.ctx }, office, region.id)));
    }
    if (maps.some((m) => m !== maps[0]))
      throw new Error(`the builds' battle maps differ at ${level} reports per task`);
    const times = readers.map(() => []);
    const cpu = readers.map(() => 0);
    // Interleaved, so a burst of load from elsewhere falls on both builds alike.
    for (let i = 0; i < RUNS; i++)
      for (const [k, r] of readers.entries()) {
        await nextTurn();
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const map = await r.m.regionDashboard({ ...r.ctx }, office, region.id);
        times[k].push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu[k] += (c.user + c.system) / 1000;
        if (map.total.total !== TASKS) throw new Error('battle map incomplete');
      }
    for (const [k, r] of readers.entries()) {
      const sorted = times[k].sort((a, b) => a - b);
      const row = {
        build: r.name,
        reportsPerTask: level,
        reports: level * TASKS,
        medianMs: quantile(sorted, 0.5),
        p90Ms: quantile(sorted, 0.9),
        cpuMsPerRebuild: cpu[k] / RUNS,
        load1: loadavg()[0],
      };
      rows.push(row);
      log(JSON.stringify(row));
    }
  }
  for (const r of readers) if (r.ctx.storage !== storage) await r.ctx.storage.close();
  await storage.close();
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
  try {
    const builds = [['this build', await load(new URL('../../dist/', import.meta.url))]];
    if (process.env.BENCH_BASELINE_DIST)
      builds.unshift([
        'baseline',
        await load(pathToFileURL(`${process.env.BENCH_BASELINE_DIST.replace(/\/$/, '')}/`)),
      ]);
    const url = process.env.DATABASE_URL ?? join(dir, 'taizhang.db');
    const rows = await measureColdDashboard(url, builds);
    for (const [name] of builds) {
      const own = rows.filter((r) => r.build === name);
      const base = own[0];
      console.log(`\n${name}:\n`);
      console.log(
        '| reports per task | reports | median ms | p90 ms | CPU ms/rebuild | × the 0-report median | × the 0-report CPU |',
      );
      console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const r of own)
        console.log(
          `| ${r.reportsPerTask} | ${r.reports} | ${r.medianMs.toFixed(2)} | ${r.p90Ms.toFixed(2)} | ${r.cpuMsPerRebuild.toFixed(2)} | ${(r.medianMs / base.medianMs).toFixed(2)} | ${(r.cpuMsPerRebuild / base.cpuMsPerRebuild).toFixed(2)} |`,
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
