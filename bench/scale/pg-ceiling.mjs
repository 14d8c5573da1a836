// What PostgreSQL alone gives on this machine for a write of the shape every audited write has (take the
// region's chain head, insert the row, append the event and move the head, commit), driven by pgbench: a C
// client with prepared statements, no HTTP, no session, no checks, no JavaScript. It is the ceiling that any
// server on the same cores stays under, measured with one chain (as the whole installation was) and with
// writes spread over many chains, as issue 15's bar for spread writes is stated.
//   DATABASE_URL=postgres://… node bench/scale/pg-ceiling.mjs
// BENCH_SECONDS (10), BENCH_CONNECTIONS (64, comma-separated for several), BENCH_REGIONS (150). Needs
// `pgbench` (Debian's postgresql-client) on the PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { machineBusyCentiseconds } from '../api/http-kit.mjs';

const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL=postgres://… is required');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '64').split(',').map(Number);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 150);

// The write, statement by statement as the server sends it on PostgreSQL (audit-repository.ts): the head
// locked first and held through the commit, then the row, then the event and the head's move in one statement.
const SCRIPT = `\\set r random(1, :nchains)
\\set n random(1, 2000000000)
BEGIN;
SELECT seq, hash FROM heads WHERE chain = 'r' || :r FOR UPDATE;
INSERT INTO units (id, region_id, name, created_at) VALUES ('u' || :client_id || '-' || :n || '-' || random(), 'r' || :r, '单位' || :n, now()::text);
WITH moved AS (UPDATE heads SET seq = seq + 1, hash = md5(random()::text) WHERE chain = 'r' || :r RETURNING seq)
  INSERT INTO events (chain, chain_seq, region_id, action, entity, entity_id, data, at, prev_hash, hash)
  SELECT 'r' || :r, seq, 'r' || :r, 'unit.create', 'unit', 'u', '{"name":"单位"}', now()::text, repeat('0', 64), md5(random()::text) FROM moved;
COMMIT;
`;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

execFileSync('pgbench', ['--version']);
const schema = `ceiling_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const dir = mkdtempSync(join(tmpdir(), 'taizhang-pg-ceiling-'));
try {
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path = ${schema}`);
  await admin.query(`CREATE TABLE heads (chain text PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL)`);
  await admin.query(
    `CREATE TABLE units (id text PRIMARY KEY, region_id text NOT NULL, name text NOT NULL, created_at text NOT NULL)`,
  );
  await admin.query(`CREATE INDEX ON units (region_id)`);
  await admin.query(`CREATE TABLE events (id bigserial PRIMARY KEY, chain text NOT NULL, chain_seq bigint NOT NULL,
    region_id text, action text NOT NULL, entity text NOT NULL, entity_id text, data text NOT NULL, at text NOT NULL,
    prev_hash text NOT NULL, hash text NOT NULL, UNIQUE (chain, chain_seq))`);
  await admin.query(
    `INSERT INTO heads SELECT 'r' || g, 0, repeat('0', 64) FROM generate_series(1, ${REGIONS}) g`,
  );
  writeFileSync(join(dir, 'write.sql'), SCRIPT);
  const { hostname, port, username, pathname } = new URL(url);
  const rows = [];
  for (const connections of CONNECTIONS)
    for (const chains of [1, REGIONS]) {
      for (const file of readdirSync(dir)) if (file.startsWith('pgbench_log')) rmSync(join(dir, file));
      const before = machineBusyCentiseconds();
      const run = spawnSync(
        'pgbench',
        [
          ...['-h', hostname, '-p', port || '5432', '-U', decodeURIComponent(username || 'postgres')],
          ...['-n', '-M', 'prepared', '-c', String(connections), '-j', '2', '-T', String(SECONDS)],
          ...['-D', `nchains=${chains}`, '-f', 'write.sql', '-l', pathname.slice(1)],
        ],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` } },
      );
      if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
      const busyCores = (machineBusyCentiseconds() - before) / 100 / SECONDS;
      // Each line of pgbench's log: client, transaction, latency in µs, …
      const latencies = readdirSync(dir)
        .filter((file) => file.startsWith('pgbench_log'))
        .flatMap((file) => readFileSync(join(dir, file), 'utf8').trim().split('\n'))
        .map((line) => Number(line.split(' ')[2]) / 1000)
        .sort((a, b) => a - b);
      const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
      rows.push({
        connections,
        chains,
        tps,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        busyCores,
      });
      console.log(JSON.stringify({ ...rows.at(-1), load: loadavg()[0].toFixed(1) }));
    }
  console.log(`\n| connections | chains | writes/s | p50 ms | p99 ms | × one chain | machine busy (cores) |`);
  console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const r of rows) {
    const one = rows.find((o) => o.connections === r.connections && o.chains === 1);
    console.log(
      `| ${r.connections} | ${r.chains} | ${Math.round(r.tps)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.tps / one.tps).toFixed(2)} | ${r.busyCores.toFixed(2)} |`,
    );
  }
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}
