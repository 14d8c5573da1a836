// Is a region's page as fast in a province of 150 regions as in one of 15? Two servers, one on each
// generated database, measured in alternation (A, B, A, B, …) so that a shared machine's load falls on both
// alike: one region's battle map, its ledger and /healthz, 16 connections, as the region's office.
//   node bench/scale/pages-ab.mjs 15 150                                               SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/scale/pages-ab.mjs 15 150
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loginAs, spawnServer, waitFor } from '../api/http-kit.mjs';
import { generateProvince, PASSWORD } from './generate.mjs';
import { scratchDatabase } from './scratch-database.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scales = process.argv.slice(2).map(Number);
if (scales.length < 2) scales.splice(0, scales.length, 15, 150);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const adminUrl = process.env.DATABASE_URL;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const sides = [];
try {
  for (const regions of scales) {
    const dir = mkdtempSync(join(tmpdir(), `taizhang-pages-${regions}-`));
    const { url, drop } = await scratchDatabase(`taizhang_pages_${regions}_${process.pid}`, dir);
    const gen = await generateProvince({ url, regions, writeTasks: 0, log: () => undefined }).catch(
      async (error) => {
        await drop();
        rmSync(dir, { recursive: true, force: true });
        throw error;
      },
    );
    const { server, base } = await spawnServer(root, {
      TAIZHANG_DATA_DIR: dir,
      DATABASE_URL: url,
      TAIZHANG_DEMO: '0',
      TAIZHANG_ADMIN_PASSWORD: PASSWORD,
    });
    sides.push({
      regions,
      dir,
      drop,
      server,
      base,
      region: gen.layout.regions[0],
      rounds: [],
    });
  }
  for (const side of sides) {
    await waitFor(`${side.base}/healthz`, 120_000);
    side.cookie = await loginAs(side.base, side.region.office, PASSWORD);
  }
  const hit = (side, path, headers = {}) =>
    new Promise((resolve, reject) =>
      autocannon({ url: `${side.base}${path}`, connections: 16, duration: SECONDS, headers }, (err, r) =>
        err ? reject(err) : resolve(r),
      ),
    );
  for (let round = 0; round <= ROUNDS; round++)
    for (const side of sides) {
      const headers = { cookie: side.cookie, 'accept-encoding': 'gzip, deflate, br' };
      const load = loadavg()[0];
      const healthz = await hit(side, '/healthz');
      const map = await hit(side, `/api/regions/${side.region.id}/dashboard`, headers);
      const ledger = await hit(side, `/api/plans/${side.region.planId}/tasks`, headers);
      // Round 0 warms both servers up and is not counted.
      if (round > 0) side.rounds.push({ load, healthz, map, ledger });
    }
} finally {
  for (const side of sides) {
    side.server.kill('SIGTERM');
    await new Promise((r) => side.server.once('exit', r));
    rmSync(side.dir, { recursive: true, force: true });
    await side.drop();
  }
}

console.log(
  `\nMedians of ${ROUNDS} alternating rounds, ${SECONDS} s each, 16 connections (${adminUrl ? 'PostgreSQL' : 'SQLite'}).\n`,
);
console.log(
  '| regions | battle map p99 ms | × /healthz | ledger p99 ms | × /healthz | /healthz req/s | load average |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const s of sides) {
  const r = s.rounds;
  const loads = r.map((x) => x.load);
  console.log(
    `| ${s.regions} | ${median(r.map((x) => x.map.latency.p99))} | ${median(r.map((x) => x.map.requests.average / x.healthz.requests.average)).toFixed(2)} | ${median(r.map((x) => x.ledger.latency.p99))} | ${median(r.map((x) => x.ledger.requests.average / x.healthz.requests.average)).toFixed(2)} | ${Math.round(median(r.map((x) => x.healthz.requests.average)))} | ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} |`,
  );
}
