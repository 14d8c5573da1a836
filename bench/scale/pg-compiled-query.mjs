// The Node process's CPU a compiled query costs on PostgreSQL: the task-facts read every report submission
// runs, 16 at a time, on the built server code (`npx tsc -p tsconfig.build.json` first). The database's own
// time is not in it; the driver's path is. BENCH_BASELINE_DIST names a second build (another worktree's dist/),
// its rounds alternated with this build's on the same database, so both see the same machine; the figure to
// read is the ratio of the medians. Run as `DATABASE_URL=postgres://… node bench/scale/pg-compiled-query.mjs`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const URL_ = process.env.DATABASE_URL;
if (!URL_) throw new Error('DATABASE_URL: a PostgreSQL database this benchmark may migrate');
const QUERIES = Number(process.env.BENCH_QUERIES ?? 40_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const CONCURRENCY = 16;

async function load(dist) {
  const at = (path) => import(pathToFileURL(join(dist, path)).href);
  const { openStorage, migrateToLatest } = await at('db/connection.js');
  const { getReportingTask } = await at('db/repositories/period-decision-repository.js');
  const storage = openStorage({ url: URL_ });
  await migrateToLatest(storage.db);
  return { storage, read: (taskId) => getReportingTask(storage.db, taskId, '2026-11') };
}

/** µs of this process's CPU a query, over QUERIES queries after as many to warm up. */
async function cpuPerQuery({ read }) {
  let result = 0;
  for (const measured of [false, true]) {
    let next = 0;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < QUERIES) await read(`task_${next % 500}`);
      }),
    );
    const used = process.cpuUsage(before);
    if (measured) result = (used.user + used.system) / QUERIES;
  }
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const builds = [['this build', join(import.meta.dirname, '../../dist')]];
if (process.env.BENCH_BASELINE_DIST) builds.unshift(['baseline', process.env.BENCH_BASELINE_DIST]);
const loaded = [];
for (const [name, dist] of builds) loaded.push({ name, ...(await load(dist)), figures: [] });
for (let round = 0; round < ROUNDS; round++)
  for (const build of loaded) build.figures.push(await cpuPerQuery(build));
for (const build of loaded) {
  console.log(
    `${build.name}: median ${median(build.figures).toFixed(1)} µs a query (${build.figures.map((f) => f.toFixed(1)).join(', ')})`,
  );
  await build.storage.close();
}
if (loaded.length === 2)
  console.log(
    `this build / baseline: ${(median(loaded[1].figures) / median(loaded[0].figures)).toFixed(2)}×`,
  );
