// API throughput on loopback: the near-empty /healthz as the baseline, the ledger of a 300-task plan,
// and report submission, each with 64 connections, all in one run against the real server (SQLite).
// Figures are ratios against the baseline measured in the same run, because this machine is shared and noisy.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { READ_STEPS, WRITE_STEPS } from './floor-steps.mjs';
import { call, freePort, loginAs, sampleIntervalOf, serverCpuSeconds, waitFor } from './http-kit.mjs';
import { wrkAvailable, wrkGet } from './wrk-get.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const TASKS = 300;
/**
 * A task takes one report per open period of its plan, so each submission goes to a task of its own: the
 * report scenario writes this many reports (not a fixed duration), one on each task of a plan made for it.
 */
const REPORT_TASKS = Number(process.env.BENCH_REPORT_TASKS ?? 20_000);
const PASSWORD = 'bench-password-1';
const login = (base, username) => loginAs(base, username, PASSWORD);

/**
 * BENCH_CLIENT=wrk sends the GET scenarios with wrk (Debian's package) instead of autocannon: autocannon, in this
 * process, took a whole core for the ledger route and bounded its rate, not the server.
 */
const WRK = process.env.BENCH_CLIENT === 'wrk';
if (!['autocannon', 'wrk', undefined].includes(process.env.BENCH_CLIENT))
  throw new Error(`BENCH_CLIENT: ${process.env.BENCH_CLIENT} is neither autocannon nor wrk`);
if (WRK && !wrkAvailable()) throw new Error('BENCH_CLIENT=wrk: apt-get install wrk');

async function run(opts, pid = server.pid) {
  if (WRK && !opts.requests && !opts.amount) return runWrk(opts, pid);
  const cpuBefore = serverCpuSeconds(pid);
  const clientBefore = process.cpuUsage();
  const t0 = performance.now();
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { connections: CONNECTIONS, duration: DURATION, sampleInt: sampleIntervalOf(opts), ...opts },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
  });
  const client = process.cpuUsage(clientBefore);
  // The time the run took, not DURATION: a run of a given amount (the report scenario) ends when it is done.
  const seconds = (performance.now() - t0) / 1000;
  result.seconds = seconds;
  result.rate = result.requests.total / seconds;
  result.serverCpu = (serverCpuSeconds(pid) - cpuBefore) / seconds;
  result.clientCpu = (client.user + client.system) / 1e6 / seconds;
  return result;
}

async function runWrk(opts, pid) {
  const cpuBefore = serverCpuSeconds(pid);
  const result = await wrkGet({ ...opts, connections: CONNECTIONS, seconds: DURATION });
  result.rate = result.requests.total / result.seconds;
  result.serverCpu = (serverCpuSeconds(pid) - cpuBefore) / result.seconds;
  result.clientCpu = result.clientCpuSeconds / result.seconds;
  return result;
}

if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('build first: npm run build');
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'taizhang-bench-'));
// BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the server; BENCH_ONLY=report runs one scenario.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const only = process.env.BENCH_ONLY;
const server = spawn(process.execPath, [...nodeArgs, join(root, 'bin/taizhang.js'), 'serve'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TAIZHANG_DATA_DIR: dataDir,
    TAIZHANG_DEMO_PASSWORD: PASSWORD,
    TAIZHANG_ADMIN_PASSWORD: PASSWORD,
    TAIZHANG_LOG: '0',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
try {
  await waitFor(`${base}/healthz`);
  // The largest plan of the demo workspace, as the demo ships it.
  const admin = await login(base, 'admin');
  let demoPlan = { id: null, tasks: -1, region: null };
  for (const r of await call(base, admin, 'GET', '/api/regions')) {
    for (const p of await call(base, admin, 'GET', `/api/regions/${r.id}/plans`)) {
      const tasks = (await call(base, admin, 'GET', `/api/plans/${p.id}/tasks`)).length;
      if (tasks > demoPlan.tasks) demoPlan = { id: p.id, tasks, region: r };
    }
  }
  // Read by the region's office, the account that reads it most.
  const demoOffice = await login(
    base,
    (await call(base, admin, 'GET', `/api/regions/${demoPlan.region.id}/accounts`)).find(
      (a) => a.role === 'office',
    ).username,
  );
  // A 300-task plan in the demo's largest region, led by one unit so its reporter can submit on every task.
  const office = await login(base, 'nanhai.office');
  const [region] = await call(base, office, 'GET', '/api/regions');
  const units = await call(base, office, 'GET', `/api/regions/${region.id}/units`);
  const lead = units.find((u) => u.name === '区发展和改革局');
  const plan = await call(base, office, 'POST', `/api/regions/${region.id}/plans`, {
    title: '基准测试：300项改革任务',
    kind: 'work_points',
    year: new Date().getFullYear(),
  });
  const areas = [];
  for (let a = 1; a <= 10; a++)
    areas.push(await call(base, office, 'POST', `/api/plans/${plan.id}/areas`, { title: `第${a}方面` }));
  const taskIds = [];
  for (let i = 0; i < TASKS; i++) {
    const t = await call(base, office, 'POST', `/api/plans/${plan.id}/tasks`, {
      title: `改革任务${i + 1}：推进重点领域改革`,
      areaId: areas[i % 10].id,
      leadUnitId: lead.id,
      dueDate: `${new Date().getFullYear()}-12-31`,
    });
    taskIds.push(t.id);
  }
  await call(base, office, 'POST', `/api/plans/${plan.id}/publish`);
  const reporter = await login(base, 'nanhai.fgj.reporter');
  // The report scenario's own tasks, in a plan of their own so the ledger above stays 300 tasks.
  const reportTaskIds = [];
  if (!only || only === 'report') {
    const reportPlan = await call(base, office, 'POST', `/api/regions/${region.id}/plans`, {
      title: '基准测试：报送用任务',
      kind: 'action_plan',
      year: new Date().getFullYear(),
    });
    let made = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (made < REPORT_TASKS) {
          made++;
          const t = await call(base, office, 'POST', `/api/plans/${reportPlan.id}/tasks`, {
            title: `报送任务${made}`,
            leadUnitId: lead.id,
          });
          reportTaskIds.push(t.id);
        }
      }),
    );
    await call(base, office, 'POST', `/api/plans/${reportPlan.id}/publish`);
  }
  // The one period a task published today takes: this month, in China.
  const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

  const results = {};
  const wanted = (name) => !only || only === name;
  results.healthz = await run({ url: `${base}/healthz` });
  // As a browser asks for it (gzip), and uncompressed.
  if (wanted('ledger'))
    results.demoLedger = await run({
      url: `${base}/api/plans/${demoPlan.id}/tasks`,
      headers: { cookie: demoOffice, 'accept-encoding': 'gzip, deflate, br' },
    });
  if (wanted('ledger'))
    results.demoLedgerPlain = await run({
      url: `${base}/api/plans/${demoPlan.id}/tasks`,
      headers: { cookie: demoOffice },
    });
  if (wanted('ledger'))
    results.ledger = await run({
      url: `${base}/api/plans/${plan.id}/tasks`,
      headers: { cookie: office, 'accept-encoding': 'gzip, deflate, br' },
    });
  if (wanted('ledger'))
    results.ledgerPlain = await run({
      url: `${base}/api/plans/${plan.id}/tasks`,
      headers: { cookie: office },
    });
  let n = 0;
  if (wanted('report'))
    results.report = await run({
      url: base,
      amount: reportTaskIds.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            // Every request a new task's report for this month: a distinct submission, never a 409 duplicate.
            const task = reportTaskIds[n++ % reportTaskIds.length];
            return {
              ...req,
              path: `/api/tasks/${task}/reports`,
              headers: { cookie: reporter, 'content-type': 'application/json' },
              body: JSON.stringify({ period, progress: 50, narrative: '按计划推进，完成阶段性工作。' }),
            };
          },
        },
      ],
    });

  // The floor: the same write without Taizhang's layers, on a bare server of its own (see floor-server.mjs).
  const floor = {};
  const floorToken = randomBytes(32).toString('base64url');
  // The report scenario's tasks, which the floor's checked writes read their facts from.
  const tasksFile = join(dataDir, 'report-tasks.json');
  writeFileSync(tasksFile, JSON.stringify(reportTaskIds));
  let floors = 0;
  /** Runs `measure` against a floor server of its own, on a new database holding the scenario's tasks. */
  async function onFloor(measure) {
    const floorPort = await freePort();
    const floorServer = spawn(
      process.execPath,
      [
        join(root, 'bench/api/floor-server.mjs'),
        join(root, 'dist'),
        join(dataDir, `floor-${floors++}.db`),
        String(floorPort),
        floorToken,
        tasksFile,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    try {
      const floorBase = `http://127.0.0.1:${floorPort}`;
      await waitFor(`${floorBase}/healthz`);
      await measure(floorBase, floorServer.pid);
    } finally {
      floorServer.kill('SIGTERM');
    }
  }
  if (wanted('report') || wanted('ledger'))
    await onFloor(async (floorBase, pid) => {
      floor.healthz = await run({ url: `${floorBase}/healthz` }, pid);
      // The 300-task ledger's bytes per response (body and headers), sent from memory by the bare server.
      if (results.ledger) {
        const perResponse = results.ledger.throughput.average / results.ledger.requests.average;
        const floorHeaders = floor.healthz.throughput.average / floor.healthz.requests.average - 11;
        const ledgerBytes = Math.max(0, Math.round(perResponse - floorHeaders));
        floor.bytes = await run({ url: `${floorBase}/bytes?n=${ledgerBytes}` }, pid);
        // The ledger's least checks added one by one to the same bytes (see floor-server.mjs).
        for (const step of READ_STEPS)
          floor[step] = await run(
            {
              url: `${floorBase}/checked/${step}/pln_bench`,
              headers: {
                cookie: `tz_session=${floorToken}`,
                'accept-encoding': 'gzip, deflate, br',
                'x-bytes': String(ledgerBytes),
              },
            },
            pid,
          );
      }
    });
  // Each write on a floor of its own, from the same empty history as the report scenario's: the reports the
  // steps before wrote would make every later one pay for a larger database (measured: 146 → 179 µs a write
  // over three runs of the same route on one database).
  const body = { progress: 50, narrative: '按计划推进，完成阶段性工作。' };
  const writes = [
    // The bare writes, on the scenario's tasks in its order.
    ...['insert', 'audited'].map((route) => [
      route,
      (task) => ({ path: `/${route}`, headers: {}, body: { task, period, ...body } }),
    ]),
    // The audited write with a report's least checks added one by one (see floor-server.mjs).
    ...WRITE_STEPS.map((step) => [
      `write-${step}`,
      (task) => ({
        path: `/checked-write/${step}/${task}`,
        headers: { cookie: `tz_session=${floorToken}` },
        body: { period, ...body },
      }),
    ]),
  ];
  for (const [name, requestFor] of wanted('report') ? writes : []) {
    let k = 0;
    await onFloor(async (floorBase, pid) => {
      floor[name] = await run(
        {
          url: floorBase,
          amount: reportTaskIds.length,
          requests: [
            {
              method: 'POST',
              setupRequest: (req) => {
                const { path, headers, body: sent } = requestFor(reportTaskIds[k++ % reportTaskIds.length]);
                return {
                  ...req,
                  path,
                  headers: { ...headers, 'content-type': 'application/json' },
                  body: JSON.stringify(sent),
                };
              },
            },
          ],
        },
        pid,
      );
    });
  }

  const rowsOf = (set) =>
    Object.entries(set).map(([name, r]) => ({
      name,
      rps: Math.round(r.rate),
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      ratio: r.rate / set.healthz.rate,
      serverCpu: r.serverCpu,
      clientCpu: r.clientCpu,
      cpuPerRequest: (r.serverCpu * 1e6) / r.rate,
      kbPerResponse: r.throughput.total / r.requests.total / 1024,
    }));
  const rows = rowsOf(results);
  const floorRows = floor.healthz ? rowsOf(floor) : [];
  const label = {
    healthz: '`GET /healthz` (baseline)',
    demoLedger: `\`GET /api/plans/:id/tasks\`, largest demo plan (${demoPlan.region.name}, ${demoPlan.tasks} tasks, gzip)`,
    demoLedgerPlain: `\`GET /api/plans/:id/tasks\`, largest demo plan (${demoPlan.tasks} tasks, uncompressed)`,
    ledger: `\`GET /api/plans/:id/tasks\` (${TASKS} tasks, gzip as browsers ask)`,
    ledgerPlain: `\`GET /api/plans/:id/tasks\` (${TASKS} tasks, uncompressed)`,
    report: '`POST /api/tasks/:id/reports`',
  };
  const floorLabel = {
    healthz: 'floor server: `GET /healthz` (its baseline)',
    bytes: `floor server: the ${TASKS}-task ledger's bytes per response, from memory (no session, no check)`,
    session: 'floor server: the same bytes after the session cookie, looked up in memory',
    validated: "floor server: … and the route's params and query checked (zod)",
    headers: "floor server: … and the cached view's headers (ETag, cache-control, vary)",
    versioned: "floor server: … and the region's data version read (SQLite)",
    insert: 'floor server: one report row, durable (no audit, no session, no checks)',
    audited: 'floor server: one report row + hash-chained audit event, durable',
    'write-session': 'floor server: the same audited write after the session cookie, looked up in memory',
    'write-validated': "floor server: … and the route's params and body checked (zod)",
    'write-facts':
      "floor server: … and the task's reporting facts read inside the write, the period's report refused",
    'write-savepoint': 'floor server: … and each write in a savepoint of its own',
    'write-answered': "floor server: … and the answer through the route's response schema",
  };
  const line = (r, name) =>
    `| ${name} | ${r.rps} | ${r.ratio.toFixed(2)} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors} | ${r.kbPerResponse.toFixed(1)} | ${r.serverCpu.toFixed(2)} | ${Math.round(r.cpuPerRequest)} | ${r.clientCpu.toFixed(2)} |`;
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)}, ${CONNECTIONS} connections, ${DURATION} s each, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, one server process, ${WRK ? 'wrk (GET scenarios) and autocannon' : 'autocannon'} in the same machine.`,
    '',
    '| route | req/s | ratio to baseline | p50 ms | p99 ms | non-2xx | KB/response | server CPU (cores) | server CPU µs/request | client CPU (cores) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => line(r, label[r.name])),
    ...floorRows.map((r) => line(r, floorLabel[r.name])),
  ].join('\n');
  console.log(table);
  // A partial run (BENCH_ONLY) or one on PostgreSQL (DATABASE_URL) is for investigation; only full SQLite runs update the README.
  const readme = join(root, 'bench/README.md');
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '# Benchmarks\n';
  const section = `<!-- api:start -->\n${table}\n<!-- api:end -->`;
  if (!only && !process.env.DATABASE_URL)
    writeFileSync(
      readme,
      /<!-- api:start -->[\s\S]*<!-- api:end -->/.test(text)
        ? text.replace(/<!-- api:start -->[\s\S]*<!-- api:end -->/, section)
        : `${text.trimEnd()}\n\n## API\n\n${section}\n`,
    );
  const failed = [...rows, ...floorRows].some((r) => r.non2xx + r.errors > 0);
  process.exitCode = failed ? 1 : 0;
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
