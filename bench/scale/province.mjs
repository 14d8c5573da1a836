// The province benchmark (issue #15 §3), one run per dialect and scale, against the real server:
//   node bench/scale/province.mjs 15                                   SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/scale/province.mjs 150
// Generates the province (generate.mjs) in a database of its own, starts `taizhang serve` on it and measures,
// with /healthz as the baseline of the same run: one region's battle map and ledger at 16 connections, the
// city and province roll-ups, report submission in one region (one audit chain) and spread over every region
// at 64 connections, and a 90 % read / 10 % write mix at 64 connections (after one cold read of each page it
// reads, timed apart), twice: with reporters' submissions (which wait for their unit's head) and with unit
// heads' (which reach the office, so each changes the pages read). Prints a markdown table and writes
// the figures as JSON beside the temp database (path printed) so runs at 15 and 150 regions can be compared.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loginAll, sampleIntervalOf, serverCpuSeconds, spawnServer, waitFor } from '../api/http-kit.mjs';
import { generateProvince, PASSWORD, provinceLayout } from './generate.mjs';
import { openLoop } from './open-loop.mjs';
import { databaseExists, scratchDatabase } from './scratch-database.mjs';
import { slotsOf as regionSlots, submission } from './submissions.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REGIONS = Number(process.argv[2] ?? 15);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WRITE_TASKS = Number(process.env.BENCH_WRITE_TASKS ?? 6000);
const ROLLUP_RUNS = Number(process.env.BENCH_ROLLUP_RUNS ?? 5);
/** Submissions per write scenario: at most this many, the same number in one region as spread. */
const WRITES = Number(process.env.BENCH_WRITES ?? 5000);
const load = () => loadavg()[0].toFixed(1);
/** Answers slower than this are counted per second of the run. */
const SLOW_MS = 100;
/**
 * BENCH_MIX_RATES=300,600,…: the heads' mix offered at these fixed rates (requests a second over the 64
 * connections) instead of as fast as the server answers, its write slots shared out among them.
 */
const MIX_RATES = (process.env.BENCH_MIX_RATES ?? '').split(',').filter(Boolean).map(Number);
const q = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;

const adminUrl = process.env.DATABASE_URL;
const dialect = adminUrl ? 'postgres' : 'sqlite';
const dataDir = mkdtempSync(join(tmpdir(), `taizhang-province-${REGIONS}-`));
/**
 * BENCH_TEMPLATE_DB=name (PostgreSQL): the province is generated once and kept under that name, and later runs
 * with the same name and number of regions start from a copy of it: runs to compare then take a minute, not four.
 */
const TEMPLATE = adminUrl ? process.env.BENCH_TEMPLATE_DB : undefined;
const reused = TEMPLATE !== undefined && (await databaseExists(TEMPLATE));
const runDb = `taizhang_province_${REGIONS}_${process.pid}`;
const { url, drop: dropDb } = await scratchDatabase(runDb, dataDir, reused ? TEMPLATE : undefined);

/** Each kind's answers: how many, how many failed, median and 99th percentile latency. */
function kindsOf(buckets) {
  const kinds = {};
  for (const [kind, b] of Object.entries(buckets)) {
    b.times.sort((a, c) => a - c);
    kinds[kind] = { count: b.times.length, errors: b.errors, p50: q(b.times, 0.5), p99: q(b.times, 0.99) };
  }
  return kinds;
}

/** Starts measuring a run; the function returned gives its time, both processes' CPU and the load average. */
function measuring(pid) {
  const cpu0 = serverCpuSeconds(pid);
  const client0 = process.cpuUsage();
  const load0 = load();
  const t0 = performance.now();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const client = process.cpuUsage(client0);
    return {
      seconds,
      serverCpu: (serverCpuSeconds(pid) - cpu0) / seconds,
      // The load generator runs in this process: what the load itself took of the same two cores.
      clientCpu: (client.user + client.system) / 1e6 / seconds,
      load: `${load0}–${load()}`,
    };
  };
}

/** One autocannon run; `kindOf(context)` sorts each response's latency into a bucket of its own. */
async function run(pid, opts, kindOf) {
  const measured = measuring(pid);
  const buckets = {};
  const slow = [];
  const t0 = performance.now();
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { duration: DURATION, sampleInt: sampleIntervalOf(opts), ...opts },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    if (kindOf)
      // Emitted before the connection builds its next request, so the context is still this response's.
      instance.on('response', (client, status, _bytes, ms) => {
        const kind = kindOf(client.requestIterator.context);
        (buckets[kind] ??= { times: [], errors: 0 }).times.push(ms);
        if (ms > SLOW_MS) slow.push(performance.now() - t0);
        if (status >= 300) buckets[kind].errors++;
      });
  });
  const { seconds, serverCpu, clientCpu, load: loadRange } = measured();
  // When the slow answers came (per second of the run): a burst points at one stall, a spread at queueing.
  const slowBySecond = {};
  for (const at of slow) slowBySecond[Math.floor(at / 1000)] = (slowBySecond[Math.floor(at / 1000)] ?? 0) + 1;
  const kinds = kindsOf(buckets);
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    total: result.requests.total,
    serverCpu,
    clientCpu,
    maxMs: result.latency.max,
    slowBySecond,
    load: loadRange,
    kinds,
  };
}

/** Sequential GETs of one path: the first (nothing cached) and the median and worst of the rest, in ms. */
async function timed(base, cookie, path, runs) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    const body = await res.json();
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${JSON.stringify(body)}`);
    if (i === 0) timed.last = body;
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  return { firstMs: times[0], medianMs: q(rest, 0.5), maxMs: rest.at(-1), load: load() };
}

const out = { dialect, regions: REGIONS, cores: cpus().length, date: new Date().toISOString() };
let server;
try {
  let layout;
  if (reused) {
    console.log(`${REGIONS} regions copied from ${TEMPLATE} (load ${load()})`);
    layout = provinceLayout(REGIONS);
    out.generation = { copiedFrom: TEMPLATE };
  } else {
    console.log(`generating ${REGIONS} regions on ${dialect} (load ${load()})`);
    const gen = await generateProvince({ url, regions: REGIONS, writeTasks: WRITE_TASKS });
    layout = gen.layout;
    out.generation = {
      seconds: gen.seconds,
      bytes: gen.bytes,
      counts: gen.counts,
      tables: gen.tables,
      load: load(),
    };
    out.mibPerRegion = gen.bytes / 2 ** 20 / REGIONS;
    // Kept for later runs (not dropped): a copy of this run's database, made while nothing is connected to it.
    if (TEMPLATE !== undefined) await scratchDatabase(TEMPLATE, dataDir, runDb);
  }

  const spawned = await spawnServer(root, {
    TAIZHANG_DATA_DIR: dataDir,
    DATABASE_URL: url,
    TAIZHANG_DEMO: '0',
    TAIZHANG_ADMIN_PASSWORD: PASSWORD,
  });
  server = spawned.server;
  const base = spawned.base;
  await waitFor(`${base}/healthz`, 120_000);
  const pid = server.pid;
  const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

  // Spread writes take the tasks of lead units 1–3 in every region, the mixes those of 4–10: no slot is used twice.
  const SPREAD_UNITS = [1, 2, 3];
  // The mix's writes: reports by the reporters of units 4–7 (each goes to its unit's head first, so the office's
  // pages do not change), then, in a second mix, by the heads of units 8–10 (each reaches the office at once).
  const MIX_UNITS = [4, 5, 6, 7];
  const HEAD_UNITS = [8, 9, 10];
  const users = [
    layout.province.office,
    layout.cities[0].office,
    layout.control.reporter,
    ...layout.regions.flatMap((r) => [
      r.office,
      ...[...SPREAD_UNITS, ...MIX_UNITS].map((u) => r.reporter(u)),
      ...HEAD_UNITS.map((u) => r.head(u)),
    ]),
  ];
  const tLogin = performance.now();
  const cookies = await loginAll(base, users, PASSWORD);
  console.log(`${users.length} logins in ${Math.round(performance.now() - tLogin)} ms`);
  const slotsOf = (units, who) => regionSlots(layout, cookies, units, who);

  const region = layout.regions[0];
  const office = cookies.get(region.office);
  const gzip = { 'accept-encoding': 'gzip, deflate, br' };
  const dashboard = `/api/regions/${region.id}/dashboard`;
  const ledger = `/api/plans/${region.planId}/tasks`;

  // BENCH_ONLY=mix skips to the mixes (to profile them alone); the figures of the other scenarios stay empty.
  const onlyMix = process.env.BENCH_ONLY === 'mix';
  if (!onlyMix) {
    // The first reads after start: nothing cached, the region's pages built from the database.
    out.coldPages = {
      dashboard: await timed(base, office, dashboard, 0),
      ledger: await timed(base, office, ledger, 0),
    };
    // Warm-up, not reported: the JIT and the database's caches.
    await run(pid, {
      url: `${base}${ledger}`,
      connections: 16,
      duration: 2,
      headers: { cookie: office, ...gzip },
    });
    await run(pid, {
      url: `${base}${dashboard}`,
      connections: 16,
      duration: 2,
      headers: { cookie: office, ...gzip },
    });
    out.healthz16 = await run(pid, { url: `${base}/healthz`, connections: 16 });
    out.dashboard16 = await run(pid, {
      url: `${base}${dashboard}`,
      connections: 16,
      headers: { cookie: office, ...gzip },
    });
    out.ledger16 = await run(pid, {
      url: `${base}${ledger}`,
      connections: 16,
      headers: { cookie: office, ...gzip },
    });
    console.log('pages done', load());

    out.cityRollup = await timed(
      base,
      cookies.get(layout.cities[0].office),
      `/api/regions/${layout.cities[0].id}/rollup`,
      ROLLUP_RUNS,
    );
    out.cityRegions = layout.cities[0].regions;
    out.provinceRollup = await timed(
      base,
      cookies.get(layout.province.office),
      `/api/regions/${layout.province.id}/rollup`,
      ROLLUP_RUNS,
    );
    out.provinceTasks = timed.last.total.total;
    console.log('roll-ups done', load());

    out.healthz64 = await run(pid, { url: `${base}/healthz`, connections: 64 });
    const control = cookies.get(layout.control.reporter);
    const controlSlots = Array.from({ length: WRITE_TASKS }, (_, i) => ({
      task: `tsk_ctrl_${String(i).padStart(5, '0')}`,
      cookie: control,
    }));
    // Each region's first write after the server starts is warm-up too, not reported: it reads the region's chain
    // head before locking it (the process does not know yet that the head exists) and brings the region's pages
    // into the database's cache. Slots are interleaved by region, so the first of them is one per region.
    const allSpreadSlots = slotsOf(SPREAD_UNITS);
    const spreadWarm = allSpreadSlots.slice(0, layout.regions.length);
    const spreadSlots = allSpreadSlots.slice(layout.regions.length);
    // Warm-up, not reported: the write path's code and the control region's first chain link.
    const WARM = 500;
    await run(pid, {
      url: base,
      connections: 64,
      amount: WARM,
      requests: [{ setupRequest: submission(controlSlots.slice(0, WARM), period) }],
    });
    // The same number of submissions in each, so the two runs last comparably long.
    const writes = Math.min(WRITES, controlSlots.length - WARM, spreadSlots.length);
    out.writes = writes;
    out.writeOne = await run(pid, {
      url: base,
      connections: 64,
      amount: writes,
      requests: [{ setupRequest: submission(controlSlots.slice(WARM), period) }],
    });
    await run(pid, {
      url: base,
      connections: 64,
      amount: spreadWarm.length,
      requests: [{ setupRequest: submission(spreadWarm, period) }],
    });
    out.writeSpread = await run(pid, {
      url: base,
      connections: 64,
      amount: writes,
      requests: [{ setupRequest: submission(spreadSlots, period) }],
    });
    console.log('writes done', load());
  }

  // The mix measures a running server: every region's pages have been read before (the spread writes just
  // changed every region's data). This warm-up builds each page the mix reads once, cold, and is reported
  // apart; in the mix a read is cold only when a write has reached its region since its last read.
  const mixPage = (i) => {
    const r = layout.regions[(i * 7) % layout.regions.length];
    return { r, path: i % 2 ? `/api/plans/${r.planId}/tasks` : `/api/regions/${r.id}/dashboard` };
  };
  const warmStart = performance.now();
  const warmPages = new Map();
  // The mix's page depends on i modulo twice the number of regions: this visits every page it reads.
  for (let i = 0; i < 2 * layout.regions.length; i++) {
    const { r, path } = mixPage(i);
    if (warmPages.has(path)) continue;
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie: cookies.get(r.office), ...gzip } });
    await res.arrayBuffer();
    warmPages.set(path, performance.now() - t0);
  }
  const warmTimes = [...warmPages.values()].sort((a, b) => a - b);
  out.mixWarm = {
    pages: warmTimes.length,
    seconds: (performance.now() - warmStart) / 1000,
    medianMs: warmTimes[Math.floor(warmTimes.length / 2)],
    maxMs: warmTimes.at(-1),
    load: load(),
  };

  /** The mix's read i: a ledger or a battle map, region after region, as that region's office. */
  const mixRead = (i) => {
    const { r, path } = mixPage(i);
    return { method: 'GET', path, headers: { cookie: cookies.get(r.office), ...gzip } };
  };
  // The mix: nine reads to one write.
  const mix = async (slots) => {
    const write = submission(slots, period);
    let n = 0;
    let written = 0;
    return run(
      pid,
      {
        url: base,
        connections: 64,
        // Ends when every write slot is used (or after the duration): one request in ten stays a write.
        amount: Math.min(slots.length * 10, 3000 * DURATION),
        requests: [
          {
            setupRequest: (req, context) => {
              const i = n++;
              if (i % 10 === 9 && written < slots.length) {
                written++;
                return write(req, context);
              }
              context.kind = 'read';
              return { ...req, ...mixRead(i) };
            },
          },
        ],
      },
      (context) => context.kind ?? 'read',
    );
  };
  out.mixed = await mix(slotsOf(MIX_UNITS));
  const headSlots = slotsOf(HEAD_UNITS, 'head');
  if (MIX_RATES.length === 0) out.mixedHeads = await mix(headSlots);
  else {
    // The same mix offered at fixed rates (see open-loop.mjs), each with its share of the write slots.
    const share = Math.floor(headSlots.length / MIX_RATES.length);
    out.mixedHeadsAt = [];
    for (const [k, rate] of MIX_RATES.entries()) {
      const write = submission(headSlots.slice(k * share, (k + 1) * share), period);
      const measured = measuring(pid);
      const { buckets } = await openLoop({
        base,
        rate,
        total: share * 10,
        next: (i) => (i % 10 === 9 ? { kind: 'write', ...write({}, {}) } : { kind: 'read', ...mixRead(i) }),
      });
      const { seconds, ...usage } = measured();
      out.mixedHeadsAt.push({
        rate,
        rps: (share * 10) / seconds,
        kinds: kindsOf(buckets),
        maxMs: Math.max(...Object.values(buckets).flatMap((b) => b.times)),
        ...usage,
      });
    }
  }
  console.log('mix done', load());
} finally {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  await dropDb();
  const file = join(tmpdir(), `taizhang-province-${dialect}-${REGIONS}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`figures in ${file}`);
}

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const row = (name, r, baseline) =>
  `| ${name} | ${Math.round(r.rps)} | ${f(r.rps / baseline.rps, 2)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${f(r.serverCpu, 2)} | ${r.load} |`;
const rateRow = (r) =>
  `| ${r.rate} | ${Math.round(r.rps)} | ${f(r.kinds.read?.p50)} | ${f(r.kinds.read?.p99)} | ${f(r.kinds.write?.p50)} | ${f(r.kinds.write?.p99)} | ${f(r.maxMs, 0)} | ${(r.kinds.read?.errors ?? 0) + (r.kinds.write?.errors ?? 0)} | ${f(r.serverCpu, 2)} | ${f(r.clientCpu, 2)} | ${r.load} |`;
const mixLine = (name, k = { count: 0, errors: 0, p50: NaN, p99: NaN }) =>
  `${name} ${k.count} answered (p50 ${f(k.p50)} ms, p99 ${f(k.p99)} ms, non-2xx ${k.errors})`;
const g = out.generation;
if (process.env.BENCH_ONLY === 'mix') {
  const heads = out.mixedHeads
    ? [
        row('mix, writes by unit heads, 64 connections', out.mixedHeads, out.mixed),
        `Heads': ${mixLine('reads', out.mixedHeads.kinds.read)}, ${mixLine('writes', out.mixedHeads.kinds.write)}; worst ${out.mixedHeads.maxMs} ms; CPU server ${f(out.mixedHeads.serverCpu, 2)}, load generator ${f(out.mixedHeads.clientCpu, 2)}; answers over ${SLOW_MS} ms by second: ${JSON.stringify(out.mixedHeads.slowBySecond)}.`,
      ]
    : [
        '',
        "| heads' mix offered at (req/s) | answered req/s | reads p50 ms | reads p99 ms | writes p50 ms | writes p99 ms | worst ms | non-2xx | server CPU | load generator CPU | load average |",
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
        ...out.mixedHeadsAt.map(rateRow),
      ];
  console.log(
    [
      row('mix 90 % reads / 10 % writes, 64 connections (all)', out.mixed, out.mixed),
      `Mix: ${mixLine('reads', out.mixed.kinds.read)}; CPU server ${f(out.mixed.serverCpu, 2)}, load generator ${f(out.mixed.clientCpu, 2)}.`,
      ...heads,
    ].join('\n'),
  );
  process.exit(0);
}
console.log(
  [
    '',
    g.copiedFrom
      ? `${REGIONS} regions on PostgreSQL (${out.cores} cores), copied from ${g.copiedFrom} (generated before).`
      : `${REGIONS} regions on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${out.cores} cores): generated in ${f(g.seconds)} s (load ${g.load}), ${g.counts.reports} reports, ${f(g.bytes / 2 ** 20, 0)} MiB (${f(out.mibPerRegion)} MiB per region).`,
    `Largest tables with their indexes (MiB): ${Object.entries(g.tables ?? {})
      .map(([t, mib]) => `${t} ${mib}`)
      .join(', ')}.`,
    '',
    '| scenario | req/s | × baseline | p50 ms | p99 ms | non-2xx or timed out | server CPU (cores) | load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    row('`GET /healthz`, 16 connections (baseline)', out.healthz16, out.healthz16),
    row("one region's battle map, 16 connections", out.dashboard16, out.healthz16),
    row("one region's ledger (300 tasks), 16 connections", out.ledger16, out.healthz16),
    row('`GET /healthz`, 64 connections (baseline)', out.healthz64, out.healthz64),
    row(
      `${out.writes} report submissions, one region (one chain), 64 connections`,
      out.writeOne,
      out.healthz64,
    ),
    row(
      `${out.writes} report submissions spread over ${REGIONS} regions, 64 connections`,
      out.writeSpread,
      out.healthz64,
    ),
    row('mix 90 % reads / 10 % writes, 64 connections (all)', out.mixed, out.healthz64),
    row('mix, writes by unit heads (each reaches the office), 64 connections', out.mixedHeads, out.healthz64),
    '',
    `Spread over one region: ${f(out.writeSpread.rps / out.writeOne.rps, 2)}×. Mix: ${mixLine('reads', out.mixed.kinds.read)}, ${mixLine('writes', out.mixed.kinds.write)}. With the heads' writes: ${mixLine('reads', out.mixedHeads.kinds.read)}, ${mixLine('writes', out.mixedHeads.kinds.write)}. Before it, each of the ${out.mixWarm.pages} pages it reads built once, one at a time (after the spread writes changed every region): ${f(out.mixWarm.seconds)} s in all, median ${f(out.mixWarm.medianMs)} ms, worst ${f(out.mixWarm.maxMs)} ms (load ${out.mixWarm.load}).`,
    '',
    '| read, one request at a time | first (cold) ms | median ms | worst ms | load average |',
    '| --- | ---: | ---: | ---: | --- |',
    `| battle map of one region | ${f(out.coldPages.dashboard.firstMs)} | | | ${out.coldPages.dashboard.load} |`,
    `| ledger of one region | ${f(out.coldPages.ledger.firstMs)} | | | ${out.coldPages.ledger.load} |`,
    `| city roll-up (${out.cityRegions} regions) | ${f(out.cityRollup.firstMs)} | ${f(out.cityRollup.medianMs)} | ${f(out.cityRollup.maxMs)} | ${out.cityRollup.load} |`,
    `| province roll-up (${REGIONS} regions, ${out.provinceTasks} tasks) | ${f(out.provinceRollup.firstMs)} | ${f(out.provinceRollup.medianMs)} | ${f(out.provinceRollup.maxMs)} | ${out.provinceRollup.load} |`,
  ].join('\n'),
);
