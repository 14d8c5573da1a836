// Writes spread over many regions against writes in one region, on PostgreSQL, in one run: each write is a
// real service write (a unit created by the region's office: the row and its audit event in one transaction).
// With one chain per region, writes of different regions take different locks; writes of one region queue on
// its chain's lock, which is what the whole installation did before. DATABASE_URL=postgres://… required.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { machineBusyCentiseconds } from '../api/http-kit.mjs';

const dist = new URL('../../dist/', import.meta.url);
const { openStorage, migrateToLatest } = await import(new URL('db/connection.js', dist).href);
const { SYSTEM_ACTOR } = await import(new URL('services/actor.js', dist).href);
const { createRegion } = await import(new URL('services/region-service.js', dist).href);
const { createUnit } = await import(new URL('services/unit-service.js', dist).href);

const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL=postgres://… is required');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WORKERS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SPREAD = Number(process.env.BENCH_REGIONS ?? 16);

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const storage = openStorage({ url, schema });
try {
  await migrateToLatest(storage.db);
  const ctx = { storage, filesDir: '/nonexistent', now: () => new Date() };
  const regions = [];
  for (let i = 0; i < SPREAD; i++)
    regions.push((await createRegion(ctx, SYSTEM_ACTOR, { name: `测速区${i}`, kind: '区' })).id);
  const officeOf = (regionId) => ({
    accountId: 'bench',
    username: 'bench',
    displayName: '测速',
    role: 'office',
    regionId,
    unitId: null,
  });

  async function scenario(label, regionCount) {
    const latencies = [];
    const cpuBefore = process.cpuUsage();
    const busyBefore = machineBusyCentiseconds();
    let n = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        while (performance.now() < until) {
          const regionId = regions[(w + n) % regionCount];
          const t0 = performance.now();
          await createUnit(ctx, officeOf(regionId), regionId, {
            name: `单位${w}-${n++}-${label}`,
            kind: 'department',
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
    const { user, system } = process.cpuUsage(cpuBefore);
    return {
      label,
      regions: regionCount,
      writesPerSecond: Math.round(latencies.length / SECONDS),
      p50: q(0.5),
      p99: q(0.99),
      // This process (the services, Kysely, the driver) per write; the machine's busy cores include PostgreSQL's.
      nodeMicrosecondsPerWrite: Math.round((user + system) / latencies.length),
      machineBusyCores: Number(((machineBusyCentiseconds() - busyBefore) / 100 / SECONDS).toFixed(2)),
    };
  }

  const single = await scenario('one region (one chain, as the whole installation was)', 1);
  const spread = await scenario(`${SPREAD} regions`, SPREAD);
  console.log(JSON.stringify(single));
  console.log(JSON.stringify(spread));
  console.log(
    `\n| writes | regions | writes/s | p50 ms | p99 ms | × one region | this process µs/write | machine busy (cores) |`,
  );
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const r of [single, spread])
    console.log(
      `| ${r.label} | ${r.regions} | ${r.writesPerSecond} | ${r.p50} | ${r.p99} | ${(r.writesPerSecond / single.writesPerSecond).toFixed(2)} | ${r.nodeMicrosecondsPerWrite} | ${r.machineBusyCores} |`,
    );
} finally {
  await storage.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
