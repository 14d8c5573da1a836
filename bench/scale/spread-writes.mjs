// Report submissions in one region and spread over a province's regions on PostgreSQL, builds alternated (issue
// #15 §3): the submissions a second, their latency, and what each costs the server and PostgreSQL in CPU.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_TEMPLATE_DB=tz_tpl_150 \
//     BENCH_BUILDS=before=/tmp/old,after=. node bench/scale/spread-writes.mjs 150
// BENCH_TEMPLATE_DB names a province kept by `province.mjs` (run it once with the same name and number of
// regions). Each build gets a copy of it; each round starts the build's server on its copy and logs the reporters in.
// It then sends, at 64 connections, submissions to warm up and BENCH_WRITES (5,000) measured: first all in the
// control region (one chain, 600 to warm up), then region after region over lead units 1–3 of every region
// (BENCH_SPREAD_WARM_UP, 3,000 to warm up: 20 writes in each region). Besides rate and latency, each row gives the
// server's and PostgreSQL's CPU per submission, and the server's write system calls (socket writes) per
// submission. The round's reports are deleted after it, so every round submits on the same tasks.
// Rounds alternate the builds' order (the machine's speed drifts).
// BENCH_SPREAD_RATES (say 1200,2400) adds, after the closed loop, spread submissions offered at each fixed rate
// (open-loop.mjs, for BENCH_RATE_SECONDS, 3 s, each) on the tasks of lead units 4–10: at 64 connections a closed
// loop's mean latency is 64 over the rate reached, whatever users ask, so it cannot tell the latency at a given load.
// BENCH_CLIENTS=autocannon,wrk also sends the spread's submissions with wrk (Debian's package), on the tasks of lead
// units 4–10, in the same round: autocannon runs in this process and takes a third of a core or more of the two
// that the server and PostgreSQL share; wrk, written in C, a small part of that. Each row gives the client's CPU.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  loginAll,
  sampleIntervalOf,
  serverCpuSeconds,
  serverSyscalls,
  spawnServer,
  waitFor,
} from '../api/http-kit.mjs';
import { PASSWORD, provinceLayout } from './generate.mjs';
import { databaseExists, scratchDatabase } from './scratch-database.mjs';
import { openLoop } from './open-loop.mjs';
import { slotsOf, submission } from './submissions.mjs';
import { wrkAvailable } from '../api/wrk-get.mjs';
import { wrkSubmit } from './wrk-client.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REGIONS = Number(process.argv[2] ?? 150);
const TEMPLATE = process.env.BENCH_TEMPLATE_DB;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WRITES = Number(process.env.BENCH_WRITES ?? 5000);
const WARM_UP = 600;
/**
 * The spread's warm-up: each region's first writes after the server starts are slower (its chain, its tasks' and
 * reports' index pages not yet in memory). With 600 (4 per region) the measured run's first 1.5 s still answered at
 * half the rate of its end, with answers of up to 480 ms: a start, not a steady state.
 */
const SPREAD_WARM_UP = Number(process.env.BENCH_SPREAD_WARM_UP ?? 3000);
const CONNECTIONS = 64;
const SPREAD_UNITS = [1, 2, 3];
const RATES = (process.env.BENCH_SPREAD_RATES ?? '').split(',').filter(Boolean).map(Number);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 3);
const RATE_UNITS = [4, 5, 6, 7, 8, 9, 10];
const CLIENTS = (process.env.BENCH_CLIENTS ?? 'autocannon').split(',');
for (const client of CLIENTS)
  if (client !== 'autocannon' && client !== 'wrk')
    throw new Error(`BENCH_CLIENTS: ${client} is neither autocannon nor wrk`);
if (CLIENTS.includes('wrk') && !wrkAvailable())
  throw new Error('BENCH_CLIENTS names wrk: apt-get install wrk');
/** The rows' name for spread submissions sent by `client`. */
const spreadOf = (client) =>
  client === 'autocannon' ? `spread over ${REGIONS}` : `spread over ${REGIONS}, ${client}`;
const BUILDS = (process.env.BENCH_BUILDS ?? 'this=.').split(',').map((entry) => {
  const [label, path] = entry.split('=');
  return { label, root: resolve(root, path) };
});
if (!process.env.DATABASE_URL?.startsWith('postgres'))
  throw new Error('DATABASE_URL=postgres://… is required');
if (!TEMPLATE || !(await databaseExists(TEMPLATE)))
  throw new Error('BENCH_TEMPLATE_DB must name a province kept by province.mjs');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** CPU seconds used so far by every PostgreSQL process (the backends, the WAL writer, the checkpointer). */
function postgresCpuSeconds() {
  let seconds = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    if (!stat.includes('(postgres)')) continue;
    const fields = stat.split(') ')[1].split(' ');
    seconds += (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return seconds;
}

const layout = provinceLayout(REGIONS);
const dir = mkdtempSync(join(tmpdir(), 'taizhang-spread-'));
const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const copies = new Map();
for (const build of BUILDS)
  copies.set(
    build.label,
    await scratchDatabase(`taizhang_spread_${build.label}_${process.pid}`, dir, TEMPLATE),
  );

/** `amount` submissions at 64 connections, each on the next slot, sent by `client`. */
async function submit(base, slots, amount, client = 'autocannon') {
  if (client === 'wrk') return wrkSubmit({ base, slots, amount, connections: CONNECTIONS, period, dir });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await new Promise((done, fail) =>
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        amount,
        sampleInt: sampleIntervalOf({ amount }),
        requests: [{ setupRequest: submission(slots, period) }],
      },
      (error, result) => (error ? fail(error) : done(result)),
    ),
  );
  const cpu = process.cpuUsage(cpu0);
  return {
    ...result,
    seconds: (performance.now() - t0) / 1000,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/** Warms up on the first slots, then measures the next WRITES. */
async function measured(server, base, slots, warmUp, client) {
  // wrk sends on spare slots past its amount (wrk-submit.lua): the measured run starts after them.
  const spare = client === 'wrk' ? CONNECTIONS : 0;
  await submit(base, slots.slice(0, warmUp + spare), warmUp, client);
  const server0 = serverCpuSeconds(server.pid);
  const postgres0 = postgresCpuSeconds();
  const calls0 = serverSyscalls(server.pid);
  const result = await submit(base, slots.slice(warmUp + spare), WRITES, client);
  const total = result.requests.total;
  const calls = serverSyscalls(server.pid);
  return {
    perSecond: total / result.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors,
    serverUs: ((serverCpuSeconds(server.pid) - server0) * 1e6) / total,
    postgresUs: ((postgresCpuSeconds() - postgres0) * 1e6) / total,
    clientUs: (result.clientCpuSeconds * 1e6) / total,
    writeCalls: (calls.writes - calls0.writes) / total,
    readCalls: (calls.reads - calls0.reads) / total,
    load: loadavg()[0].toFixed(1),
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/** Spread submissions offered at `rate` a second, each latency counted from when its request was due. */
async function offered(server, base, slots, rate) {
  const total = Math.min(rate * RATE_SECONDS, slots.length);
  const write = submission(slots, period);
  const server0 = serverCpuSeconds(server.pid);
  const postgres0 = postgresCpuSeconds();
  const { seconds, buckets } = await openLoop({
    base,
    rate,
    total,
    connections: CONNECTIONS,
    next: () => ({ kind: 'write', ...write({}, {}) }),
  });
  const times = buckets.write.times.sort((a, b) => a - b);
  return {
    rate,
    perSecond: total / seconds,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    max: times.at(-1),
    failed: buckets.write.errors,
    serverUs: ((serverCpuSeconds(server.pid) - server0) * 1e6) / total,
    postgresUs: ((postgresCpuSeconds() - postgres0) * 1e6) / total,
    load: loadavg()[0].toFixed(1),
  };
}

/**
 * One round of one build: its server on its copy; submissions in the control region's one chain, then spread
 * over every region, the warm-up seeing each region's chain once.
 */
async function round(build, k) {
  const copy = copies.get(build.label);
  const since = new Date().toISOString();
  const { server, base } = await spawnServer(build.root, {
    TAIZHANG_DATA_DIR: mkdtempSync(join(dir, 'data-')),
    DATABASE_URL: copy.url,
    TAIZHANG_DEMO: '0',
    TAIZHANG_ADMIN_PASSWORD: PASSWORD,
  });
  try {
    await waitFor(`${base}/healthz`, 120_000);
    const users = [
      layout.control.reporter,
      ...layout.regions.flatMap((r) =>
        [...SPREAD_UNITS, ...(RATES.length || CLIENTS.includes('wrk') ? RATE_UNITS : [])].map((u) =>
          r.reporter(u),
        ),
      ),
    ];
    const cookies = await loginAll(base, users, PASSWORD);
    const control = cookies.get(layout.control.reporter);
    const oneChain = Array.from({ length: WARM_UP + WRITES }, (_, i) => ({
      task: `tsk_ctrl_${String(i).padStart(5, '0')}`,
      cookie: control,
    }));
    const spread = slotsOf(layout, cookies, SPREAD_UNITS);
    const one = await measured(server, base, oneChain, WARM_UP);
    // autocannon on lead units 1–3; wrk, then the fixed rates, on 4–10.
    let otherSlots = slotsOf(layout, cookies, RATE_UNITS);
    const spreads = [];
    for (const client of k % 2 ? [...CLIENTS].reverse() : CLIENTS) {
      const slots = client === 'autocannon' ? spread : otherSlots;
      spreads.push({ client, ...(await measured(server, base, slots, SPREAD_WARM_UP, client)) });
      // wrk's warm-up and measured run, each with its spare slots.
      if (client === 'wrk') otherSlots = otherSlots.slice(SPREAD_WARM_UP + WRITES + 2 * CONNECTIONS);
    }
    const rated = [];
    const rateSlots = RATES.length ? otherSlots : [];
    const share = Math.floor(rateSlots.length / Math.max(1, RATES.length));
    for (const [i, rate] of RATES.entries())
      rated.push(await offered(server, base, rateSlots.slice(i * share, (i + 1) * share), rate));
    return [
      { build: build.label, round: k, writes: 'one chain', ...one },
      ...spreads.map(({ client, ...many }) => ({
        build: build.label,
        round: k,
        writes: spreadOf(client),
        ...many,
      })),
      ...rated.map((r) => ({ build: build.label, round: k, writes: `offered at ${r.rate}/s`, ...r })),
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
    const client = new pg.Client({ connectionString: copy.url });
    await client.connect();
    await client.query('DELETE FROM reports WHERE period = $1 AND created_at >= $2', [period, since]);
    await client.end();
  }
}

const rows = [];
try {
  for (let k = 0; k < ROUNDS; k++)
    for (const build of k % 2 ? [...BUILDS].reverse() : BUILDS) {
      const measuredRows = await round(build, k);
      rows.push(...measuredRows);
      for (const row of measuredRows) console.log(JSON.stringify(row));
    }
} finally {
  // A backend may still be closing just after its client ended.
  await new Promise((done) => setTimeout(done, 1500));
  for (const copy of copies.values()) await copy.drop();
  rmSync(dir, { recursive: true, force: true });
}

const f = (x, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `\n${REGIONS} regions, ${WRITES} submissions at ${CONNECTIONS} connections per round, ${ROUNDS} rounds\n`,
);
console.log(
  '| build | round | writes | submissions/s | p50 ms | p99 ms | failed | server µs/submission | PostgreSQL µs/submission | client µs/submission | server writes/submission | load |',
);
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows.filter((row) => row.rate === undefined))
  console.log(
    `| ${r.build} | ${r.round + 1} | ${r.writes} | ${f(r.perSecond)} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${r.failed} | ${f(r.serverUs)} | ${f(r.postgresUs)} | ${f(r.clientUs)} | ${f(r.writeCalls, 2)} | ${r.load} |`,
  );
if (RATES.length) {
  console.log(`\nOffered at fixed rates, spread over ${REGIONS} regions, ${RATE_SECONDS} s each\n`);
  console.log(
    '| build | round | offered/s | answered/s | p50 ms | p99 ms | max ms | failed | server µs/submission | PostgreSQL µs/submission | load |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows.filter((row) => row.rate !== undefined))
    console.log(
      `| ${r.build} | ${r.round + 1} | ${f(r.rate)} | ${f(r.perSecond)} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${f(r.max, 1)} | ${r.failed} | ${f(r.serverUs)} | ${f(r.postgresUs)} | ${r.load} |`,
    );
}
for (const build of BUILDS)
  for (const writes of ['one chain', ...CLIENTS.map(spreadOf)]) {
    const mine = rows.filter((r) => r.build === build.label && r.writes === writes);
    console.log(
      `${build.label}, ${writes}: median ${f(median(mine.map((r) => r.perSecond)))}/s, p99 ${f(median(mine.map((r) => r.p99)), 1)} ms, server ${f(median(mine.map((r) => r.serverUs)))} µs, PostgreSQL ${f(median(mine.map((r) => r.postgresUs)))} µs`,
    );
  }
