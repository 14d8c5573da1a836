// A region's pages read right after a write that changes them, one request at a time (issue #15 §4): what a
// catch-up of the kept inputs costs in latency alone, without the queueing of a loaded server.
//   node bench/scale/after-write.mjs 15                          SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/scale/after-write.mjs 15
// Generates a province once (generate.mjs). Each round then starts every build named in BENCH_BUILDS on a fresh
// copy of it, alternating builds round by round:
//   BENCH_BUILDS=before=/tmp/old,after=. node bench/scale/after-write.mjs 15
// (each a checkout with `npm run build` done; the default is this checkout alone). In each region a unit head
// submits this month's report (it reaches the office at once), then the office reads the ledger and the battle
// map, then reads both again: the second reads are served from cache and are the baseline of the same run.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loginAs, serverCpuSeconds, spawnServer, waitFor } from '../api/http-kit.mjs';
import { generateProvince, PASSWORD } from './generate.mjs';
import { scratchDatabase } from './scratch-database.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REGIONS = Number(process.argv[2] ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/** Writes per region per round, each on a task of its own (the head's unit leads 30 tasks in every region). */
const WRITES = Number(process.env.BENCH_WRITES_PER_REGION ?? 6);
const HEAD_UNIT = 8;
const BUILDS = (process.env.BENCH_BUILDS ?? 'this=.').split(',').map((entry) => {
  const [label, path] = entry.split('=');
  return { label, root: resolve(root, path) };
});
const postgres = Boolean(process.env.DATABASE_URL);
const load = () => loadavg()[0].toFixed(1);
const q = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

const dir = mkdtempSync(join(tmpdir(), 'taizhang-after-write-'));
const generatedName = `taizhang_after_write_${process.pid}`;
const generated = await scratchDatabase(generatedName, dir);
console.log(`generating ${REGIONS} regions on ${postgres ? 'PostgreSQL' : 'SQLite'} (load ${load()})`);
const { layout } = await generateProvince({ url: generated.url, regions: REGIONS, writeTasks: 10 });

/** A fresh copy of the generated province for one server: a database made from it, or a copy of the file. */
async function copyOf(name) {
  if (postgres) return scratchDatabase(`${generatedName}_${name}`, dir, generatedName);
  const copyDir = mkdtempSync(join(dir, `${name}-`));
  copyFileSync(generated.url, join(copyDir, 'taizhang.db'));
  return { url: join(copyDir, 'taizhang.db'), drop: async () => rmSync(copyDir, { recursive: true }) };
}

/** One build's round: its server on a fresh copy, every region's writes and reads; the times in ms. */
async function round(build, k) {
  const db = await copyOf(`${build.label}_${k}`);
  const dataDir = mkdtempSync(join(dir, 'data-'));
  const { server, base } = await spawnServer(build.root, {
    TAIZHANG_DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    TAIZHANG_DEMO: '0',
    TAIZHANG_ADMIN_PASSWORD: PASSWORD,
  });
  const times = { write: [], ledger: [], dashboard: [], cachedLedger: [], cachedDashboard: [] };
  // The server's CPU over each kind's requests, in seconds (from /proc, in hundredths: summed over many).
  const cpu = { write: 0, ledger: 0, dashboard: 0, cachedLedger: 0, cachedDashboard: 0 };
  const timed = async (kind, request) => {
    const c0 = serverCpuSeconds(server.pid);
    const t0 = performance.now();
    await request();
    times[kind].push(performance.now() - t0);
    cpu[kind] += serverCpuSeconds(server.pid) - c0;
  };
  try {
    await waitFor(`${base}/healthz`, 120_000);
    const cookies = new Map();
    for (const r of layout.regions)
      for (const user of [r.office, r.head(HEAD_UNIT)])
        cookies.set(user, await loginAs(base, user, PASSWORD));
    const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const read = async (r, path) => {
      const res = await fetch(`${base}${path}`, {
        headers: { cookie: cookies.get(r.office), 'accept-encoding': 'gzip' },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    };
    const ledgerOf = (r) => `/api/plans/${r.planId}/tasks`;
    const dashboardOf = (r) => `/api/regions/${r.id}/dashboard`;
    // Every region's pages built once: what follows reads inputs kept since.
    for (const r of layout.regions) {
      await read(r, ledgerOf(r));
      await read(r, dashboardOf(r));
    }
    for (let w = 0; w < WRITES; w++)
      for (const r of layout.regions) {
        await timed('write', async () => {
          const res = await fetch(`${base}/api/tasks/${r.tasksLedBy(HEAD_UNIT)[w]}/reports`, {
            method: 'POST',
            headers: { cookie: cookies.get(r.head(HEAD_UNIT)), 'content-type': 'application/json' },
            body: JSON.stringify({ period, progress: 60, narrative: '本月按计划推进，完成阶段性工作。' }),
          });
          await res.arrayBuffer();
          if (res.status !== 201) throw new Error(`report: ${res.status}`);
        });
        // Which page comes first alternates: the first catches the kept inputs up, the second finds them so.
        const pages = w % 2 ? ['dashboard', 'ledger'] : ['ledger', 'dashboard'];
        for (const page of pages)
          await timed(page, () => read(r, page === 'ledger' ? ledgerOf(r) : dashboardOf(r)));
        await timed('cachedLedger', () => read(r, ledgerOf(r)));
        await timed('cachedDashboard', () => read(r, dashboardOf(r)));
      }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.drop();
  }
  return { times, cpu };
}

const all = new Map(BUILDS.map((b) => [b.label, []]));
try {
  for (let k = 0; k < ROUNDS; k++)
    for (const build of BUILDS) {
      all.get(build.label).push(await round(build, k));
      console.log(`round ${k + 1}, ${build.label} (load ${load()})`);
    }
} finally {
  await generated.drop();
  rmSync(dir, { recursive: true, force: true });
}

const kinds = [
  ['write', 'the head’s report'],
  ['ledger', 'ledger after it'],
  ['dashboard', 'battle map after it'],
  ['cachedLedger', 'ledger again (cached: baseline)'],
  ['cachedDashboard', 'battle map again (cached)'],
];
console.log(
  [
    '',
    `${REGIONS} regions on ${postgres ? 'PostgreSQL' : 'SQLite'}, ${ROUNDS} rounds of ${WRITES} writes per region, builds alternated; median / p90 ms, the median against the cached ledger's, and the server's CPU per request`,
    '',
    `| page | ${BUILDS.map((b) => `${b.label} median | p90 | × cached | server CPU ms`).join(' | ')} |`,
    `| --- | ${BUILDS.map(() => '---: | ---: | ---: | ---:').join(' | ')} |`,
    ...kinds.map(([kind, name]) => {
      const cells = BUILDS.map((b) => {
        const rounds = all.get(b.label);
        const values = rounds.flatMap((r) => r.times[kind]);
        const base = q(
          rounds.flatMap((r) => r.times.cachedLedger),
          0.5,
        );
        const cpuMs = (1000 * rounds.reduce((sum, r) => sum + r.cpu[kind], 0)) / values.length;
        return `${q(values, 0.5).toFixed(2)} | ${q(values, 0.9).toFixed(2)} | ${(q(values, 0.5) / base).toFixed(2)} | ${cpuMs.toFixed(2)}`;
      });
      return `| ${name} | ${cells.join(' | ')} |`;
    }),
  ].join('\n'),
);
