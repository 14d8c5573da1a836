// Server CPU per request, two builds side by side in one process: each build gets its own SQLite database
// with the demo workspace and its own Fastify app, driven through Fastify's inject (no sockets, no load
// generator sharing the cores), in alternating rounds so the machine's load falls on both alike. What it
// shows is the server's own work per request, relative to the empty route of the same build and round.
//   npx tsc -p tsconfig.build.json
//   BENCH_DIST=before=/path/to/other/dist,after=dist node bench/api/inject-ab.mjs
// BENCH_ROUNDS (default 7) rounds of BENCH_REQUESTS (default 4000) requests per route and build, sent
// BENCH_CONCURRENCY (default 16) at a time. Prints the median µs of CPU per request per route and build.
// BENCH_ONLY=ledger|report keeps the baseline and that route (for a CPU profile of one route).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PASSWORD = 'bench-password-1';
const DISTS = (process.env.BENCH_DIST ?? 'this=dist').split(',').map((entry) => {
  const [label, path] = entry.split('=');
  return { label, dir: resolve(root, path) };
});
const load = () => loadavg()[0].toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function setUp({ label, dir }) {
  const dist = (path) => import(pathToFileURL(join(dir, path)).href);
  const { openStorage, migrateToLatest } = await dist('db/connection.js');
  const { build } = await dist('http/app.js');
  const { ensureAdmin } = await dist('services/bootstrap-service.js');
  const { loadDemoWorkspace } = await dist('demo/load-demo.js');
  const dataDir = mkdtempSync(join(tmpdir(), `taizhang-inject-${label}-`));
  const storage = openStorage({ url: join(dataDir, 'taizhang.db') });
  await migrateToLatest(storage.db);
  const ctx = { storage, filesDir: join(dataDir, 'files'), now: () => new Date() };
  await ensureAdmin(ctx, PASSWORD);
  await loadDemoWorkspace(ctx, { password: PASSWORD });
  const app = await build({ ctx });
  const inject = async (cookie, method, url, body) => {
    const res = await app.inject({
      method,
      url,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${label}: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.body ? JSON.parse(res.body) : null;
  };
  const login = async (username) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    return res.headers['set-cookie'].split(';')[0];
  };
  const office = await login('nanhai.office');
  const [region] = await inject(office, 'GET', '/api/regions');
  let plan = { id: null, tasks: -1 };
  for (const p of await inject(office, 'GET', `/api/regions/${region.id}/plans`)) {
    const tasks = (await inject(office, 'GET', `/api/plans/${p.id}/tasks`)).length;
    if (tasks > plan.tasks) plan = { id: p.id, tasks };
  }
  // Report slots: one task per submission, in a plan of their own, led by one unit.
  const units = await inject(office, 'GET', `/api/regions/${region.id}/units`);
  const lead = units.find((u) => u.name === '区发展和改革局');
  const reportPlan = await inject(office, 'POST', `/api/regions/${region.id}/plans`, {
    title: '基准测试：报送用任务',
    kind: 'action_plan',
    year: new Date().getFullYear(),
  });
  const slots = [];
  const wanted = routes.some((r) => r.only === 'report') ? ROUNDS * REQUESTS + REQUESTS : 0;
  while (slots.length < wanted) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(64, wanted - slots.length) }, (_, i) =>
        inject(office, 'POST', `/api/plans/${reportPlan.id}/tasks`, {
          title: `报送任务${slots.length + i + 1}`,
          leadUnitId: lead.id,
        }),
      ),
    );
    slots.push(...batch.map((t) => t.id));
  }
  if (slots.length > 0) await inject(office, 'POST', `/api/plans/${reportPlan.id}/publish`);
  const reporter = await login('nanhai.fgj.reporter');
  return { label, app, office, reporter, plan, slots, storage, dataDir };
}

const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const allRoutes = [
  { name: 'GET /healthz (baseline)', request: () => ({ method: 'GET', url: '/healthz' }) },
  {
    only: 'ledger',
    name: `GET /api/plans/:id/tasks, largest demo plan, gzip`,
    request: (s) => ({
      method: 'GET',
      url: `/api/plans/${s.plan.id}/tasks`,
      headers: { cookie: s.office, 'accept-encoding': 'gzip, deflate, br' },
    }),
  },
  {
    only: 'report',
    name: 'POST /api/tasks/:id/reports',
    request: (s) => ({
      method: 'POST',
      url: `/api/tasks/${s.slots.pop()}/reports`,
      headers: { cookie: s.reporter, 'content-type': 'application/json' },
      payload: JSON.stringify({ period, progress: 50, narrative: '按计划推进，完成阶段性工作。' }),
    }),
  },
];
// BENCH_ONLY=ledger or report: the baseline and that route only (to profile one route).
const routes = allRoutes.filter(
  (r) => !r.only || !process.env.BENCH_ONLY || r.only === process.env.BENCH_ONLY,
);

async function round(setup, route) {
  let sent = 0;
  let failed = 0;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS) {
        sent++;
        const res = await setup.app.inject(route.request(setup));
        if (res.statusCode >= 300) failed++;
      }
    }),
  );
  const used = process.cpuUsage(before);
  if (failed > 0) throw new Error(`${setup.label}: ${route.name}: ${failed} failed`);
  return (used.user + used.system) / REQUESTS;
}

const setups = [];
for (const d of DISTS) {
  console.log(`setting up ${d.label} (load ${load()})`);
  setups.push(await setUp(d));
}
const loadBefore = load();
const figures = new Map();
for (let r = -1; r < ROUNDS; r++)
  for (const route of routes)
    for (const setup of r % 2 === 0 ? setups : [...setups].reverse()) {
      const us = await round(setup, route);
      // Round -1 warms the code of both builds and is not counted.
      if (r < 0) continue;
      const key = `${route.name}|${setup.label}`;
      figures.set(key, [...(figures.get(key) ?? []), us]);
    }
console.log(
  `\n${ROUNDS} rounds × ${REQUESTS} requests, ${CONCURRENCY} at a time; load average ${loadBefore} → ${load()}\n`,
);
console.log('| route | build | CPU µs/request (median) | × its baseline |');
console.log('|---|---|---:|---:|');
for (const route of routes)
  for (const setup of setups) {
    const us = median(figures.get(`${route.name}|${setup.label}`));
    const base = median(figures.get(`${routes[0].name}|${setup.label}`));
    console.log(`| ${route.name} | ${setup.label} | ${us.toFixed(1)} | ${(us / base).toFixed(2)} |`);
  }
for (const s of setups) {
  await s.app.close();
  await s.storage.close();
  rmSync(s.dataDir, { recursive: true, force: true });
}
