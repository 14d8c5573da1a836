// Roll-up rebuilds: the time to build a city's (10 regions) and the province's roll-up on a generated province
// (generate.mjs; SQLite, or PostgreSQL with DATABASE_URL), without the response cache, as the route does on a cache miss, as that region's office:
// "cold", each build in a fresh server context (nothing kept in memory), and "after a write", each build
// following a real write (a unit created) in one region below, in one context, as a running server sees it.
// Runs the built server code (`npm run build` first).
//   node bench/scale/rollup-cold.mjs 15
// To compare two builds on one database in one run, name their dist folders (the first is the baseline):
//   BENCH_DIST=before=/tmp/old/dist,after=dist node bench/scale/rollup-cold.mjs 15
// On PostgreSQL, a database of its own is created through DATABASE_URL (an admin connection) and dropped:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/scale/rollup-cold.mjs 15
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProvince } from './generate.mjs';
import { scratchDatabase } from './scratch-database.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REGIONS = Number(process.argv[2] ?? 15);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM = Number(process.env.BENCH_WARM ?? 2);
const DISTS = (process.env.BENCH_DIST ?? 'this=dist').split(',').map((entry) => {
  const [label, path] = entry.split('=');
  return { label, dir: resolve(root, path) };
});
const load = () => loadavg()[0].toFixed(1);
const q = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const adminUrl = process.env.DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), `taizhang-rollup-${REGIONS}-`));
const { url, drop } = await scratchDatabase(`taizhang_rollup_${REGIONS}_${process.pid}`, dataDir);
try {
  console.log(`generating ${REGIONS} regions on ${adminUrl ? 'PostgreSQL' : 'SQLite'} (load ${load()})`);
  const { layout, seconds } = await generateProvince({
    url,
    regions: REGIONS,
    writeTasks: 10,
    log: () => {},
  });
  console.log(`generated in ${seconds.toFixed(1)} s`);
  const views = [
    { name: `city roll-up (${layout.cities[0].regions} regions)`, regionId: layout.cities[0].id },
    { name: `province roll-up (${REGIONS} regions)`, regionId: layout.province.id },
  ];
  const rows = [];
  for (const { label, dir } of DISTS) {
    const dist = (path) => import(pathToFileURL(join(dir, path)).href);
    const { openStorage } = await dist('db/connection.js');
    const { regionRollUp } = await dist('services/dashboard-service.js');
    const { createUnit } = await dist('services/unit-service.js');
    const { SYSTEM_ACTOR } = await dist('services/actor.js');
    const storage = openStorage({ url });
    const contextOf = () => ({ storage, filesDir: join(dataDir, 'files'), now: () => new Date() });
    let writes = 0;
    for (const view of views)
      for (const scenario of ['cold', 'after a write']) {
        const office = {
          accountId: 'bench',
          username: 'bench',
          displayName: '测速',
          role: 'office',
          regionId: view.regionId,
          unitId: null,
        };
        const shared = contextOf();
        const below = view.regionId === layout.province.id ? layout.regions : layout.regions.slice(0, 10);
        const build = async () => {
          if (scenario === 'cold') return regionRollUp(contextOf(), office, view.regionId);
          const region = below[writes % below.length];
          await createUnit(shared, SYSTEM_ACTOR, region.id, {
            name: `测速单位${label}${++writes}`,
            kind: 'department',
          });
          return regionRollUp(shared, office, view.regionId);
        };
        const load0 = load();
        const times = [];
        let body;
        // The first builds warm the code and the database's pages.
        for (let i = 0; i < WARM; i++) await build();
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          body = await build();
          times.push(performance.now() - t0);
        }
        const cpu = process.cpuUsage(cpu0);
        times.sort((a, b) => a - b);
        const row = {
          build: label,
          view: `${view.name}, ${scenario}`,
          tasks: body.total.total,
          delayed: body.total.counts.delayed,
          progress: body.total.progress,
          medianMs: q(times, 0.5),
          worstMs: times.at(-1),
          cpuMsPerBuild: (cpu.user + cpu.system) / 1000 / RUNS,
          load: `${load0}–${load()}`,
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    await storage.close();
  }
  const base = new Map(rows.filter((r) => r.build === DISTS[0].label).map((r) => [r.view, r]));
  console.log(
    '\n| build | roll-up | tasks | delayed | progress | median ms | worst ms | CPU ms/build | × baseline median | load average |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows)
    console.log(
      `| ${r.build} | ${r.view} | ${r.tasks} | ${r.delayed} | ${r.progress} | ${r.medianMs.toFixed(1)} | ` +
        `${r.worstMs.toFixed(1)} | ${r.cpuMsPerBuild.toFixed(1)} | ` +
        `${(r.medianMs / base.get(r.view).medianMs).toFixed(2)} | ${r.load} |`,
    );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await drop();
}
