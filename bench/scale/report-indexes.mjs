// What the digest's two indexes on `reports` cost the writes that do not serve the digest. A reporter's submission
// (a report awaiting the unit's head) and a draft are most of a unit's writes; since migration
// 20261213_0900_report_received_indexes the digest's indexes hold only the reports the office received and those
// claiming completion, so such a write no longer adds an entry to them. This benchmark writes such reports into
// a plan with a report history, with the indexes as they were (over every report) and as they are (partial),
// alternated in one run on one database, and counts committed writes per second. Each write is one report in a
// transaction of its own; the digest's triggers fire as on the server. On SQLite the log is not flushed at each
// commit (the server flushes it once for a whole batch of writes, group-commit.ts), so what is counted is the
// write's own work; on PostgreSQL each commit is durable, as the server's are.
//   npx tsc -p tsconfig.build.json && node bench/scale/report-indexes.mjs             (SQLite, one connection)
//   DATABASE_URL=postgres://… node bench/scale/report-indexes.mjs                     (PostgreSQL, pgbench)
// BENCH_TASKS (2000), BENCH_HISTORY (36 reports per task), BENCH_ROUNDS (3 of each), BENCH_SECONDS (8),
// BENCH_CONNECTIONS (64, PostgreSQL). PostgreSQL needs `pgbench` (Debian's postgresql-client) on the PATH.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { machineBusyCentiseconds } from '../api/http-kit.mjs';
import { sql } from 'kysely';
import { analyze, periods, reportRow } from './report-history.mjs';
import { scratchDatabase } from './scratch-database.mjs';

const dist = new URL('../../dist/', import.meta.url);
const { openStorage, migrateToLatest } = await import(new URL('db/connection.js', dist).href);
const { SYSTEM_ACTOR } = await import(new URL('services/actor.js', dist).href);
const { createRegion } = await import(new URL('services/region-service.js', dist).href);
const { createUnit } = await import(new URL('services/unit-service.js', dist).href);
const { createPlan, publishPlan } = await import(new URL('services/plan-service.js', dist).href);
const { createTask } = await import(new URL('services/task-service.js', dist).href);

const TASKS = Number(process.env.BENCH_TASKS ?? 2000);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 36);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const postgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;

// The two index sets, as the migration's up() and down() leave them.
const INDEX_SETS = {
  'over every report': {
    drop: ['reports_task_received_updated', 'reports_task_completion_claims'],
    create: [
      'CREATE INDEX reports_task_status_updated ON reports (task_id, status, updated_at)',
      'CREATE INDEX reports_task_completion ON reports (task_id, claims_completion)',
    ],
  },
  partial: {
    drop: ['reports_task_status_updated', 'reports_task_completion'],
    create: [
      "CREATE INDEX reports_task_received_updated ON reports (task_id, status, updated_at) WHERE status = 'submitted' OR status = 'accepted'",
      'CREATE INDEX reports_task_completion_claims ON reports (task_id, status) WHERE claims_completion = 1',
    ],
  },
};

const COLUMNS =
  'id, region_id, task_id, unit_id, period, progress, narrative, claims_completion, status, created_by, created_at, updated_at';

/**
 * A database with one index set, grown as a year of use grows it: the set in place before any report, then the
 * history month by month, every task's report of a month together (every fifth still awaiting the office). An
 * index built at once over the whole history would have full leaves that the first writes split, which the
 * installation's indexes, grown report by report, do not have.
 */
async function seed(url, indexSet) {
  const storage = openStorage({ url });
  await migrateToLatest(storage.db);
  await useIndexSet((statement) => sql.raw(statement).execute(storage.db), indexSet);
  const ctx = {
    storage,
    filesDir: join(tmpdir(), 'bench-files'),
    now: () => new Date('2026-06-15T04:00:00Z'),
  };
  const region = await createRegion(ctx, SYSTEM_ACTOR, { name: '测速区', kind: '区' });
  const unit = await createUnit(ctx, SYSTEM_ACTOR, region.id, { name: '区发展和改革局', kind: 'department' });
  const plan = await createPlan(ctx, SYSTEM_ACTOR, region.id, {
    title: '测速计划',
    kind: 'work_points',
    year: 2026,
  });
  const tasks = [];
  for (let i = 0; i < TASKS; i++)
    tasks.push(
      await createTask(ctx, SYSTEM_ACTOR, plan.id, {
        title: `任务${i + 1}`,
        leadUnitId: unit.id,
        dueDate: '2026-12-31',
      }),
    );
  await publishPlan(ctx, SYSTEM_ACTOR, plan.id, undefined);
  for (const [i, period] of periods(HISTORY).reverse().entries()) {
    const values = tasks.map((task, t) =>
      reportRow(region, unit, task, period, Math.min(100, 2 * (i + 1)), (i + t) % 5 === 4),
    );
    await storage.db.transaction().execute(async (trx) => {
      for (let j = 0; j < values.length; j += 200)
        await trx
          .insertInto('reports')
          .values(values.slice(j, j + 200))
          .execute();
    });
  }
  await analyze(storage);
  await storage.close();
  return { url, region, unit, tasks };
}

/** One report awaiting the head per transaction, as fast as one connection commits them, for SECONDS. */
function sqliteRound(file, { region, unit, tasks }, round) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    `INSERT INTO reports (${COLUMNS}) VALUES (?, ?, ?, ?, '2026-06', 40, '进展', 0, 'awaiting_head', 'bench', ?, ?)`,
  );
  const one = db.transaction((n) => {
    const at = new Date().toISOString();
    insert.run(`b${round}-${n}`, region.id, tasks[n % tasks.length].id, unit.id, at, at);
  });
  const cpu0 = process.cpuUsage();
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  while (performance.now() < end) one(n++);
  const cpu = process.cpuUsage(cpu0);
  db.close();
  return { writesPerSecond: n / SECONDS, cpuMicrosPerWrite: (cpu.user + cpu.system) / n };
}

async function pgbenchRound(url, dir, walPosition) {
  const { hostname, port, username, pathname } = new URL(url);
  const before = machineBusyCentiseconds();
  const walBefore = await walPosition();
  const run = spawnSync(
    'pgbench',
    [
      ...['-h', hostname, '-p', port || '5432', '-U', decodeURIComponent(username || 'postgres')],
      ...['-n', '-M', 'prepared', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS)],
      ...['-D', `ntasks=${TASKS}`, '-f', 'write.sql', pathname.slice(1)],
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
  const walBytes = (await walPosition()) - walBefore;
  const writes = Number(/number of transactions actually processed: (\d+)/.exec(run.stdout)?.[1]);
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(run.stdout)?.[1]);
  return {
    writesPerSecond: tps,
    walBytesPerWrite: Math.round(walBytes / writes),
    latencyMs: latency,
    machineBusyCores: (machineBusyCentiseconds() - before) / 100 / SECONDS,
  };
}

async function useIndexSet(exec, name) {
  const set = INDEX_SETS[name];
  for (const index of set.drop) await exec(`DROP INDEX IF EXISTS ${index}`);
  for (const statement of set.create)
    await exec(statement.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
}

/** A database of its own for one index set, seeded, with what its rounds need. */
async function prepare(indexSet) {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-report-indexes-'));
  const database = await scratchDatabase(`report_indexes_${randomBytes(4).toString('hex')}`, dir);
  const t0 = performance.now();
  const seeded = await seed(database.url, indexSet);
  console.log(
    `${indexSet}: ${TASKS} tasks × ${HISTORY} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const drop = async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  if (!postgres) {
    const db = new Database(database.url);
    return {
      round: (round) => {
        db.pragma('wal_checkpoint(TRUNCATE)');
        return sqliteRound(database.url, seeded, round);
      },
      close: async () => {
        db.close();
        await drop();
      },
    };
  }
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const walPosition = async () =>
    Number((await client.query("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') AS b")).rows[0].b);
  await client.query('CREATE TABLE bench_tasks (n integer PRIMARY KEY, id text NOT NULL)');
  await client.query(
    'INSERT INTO bench_tasks SELECT ordinality, id FROM unnest($1::text[]) WITH ORDINALITY AS t(id)',
    [seeded.tasks.map((task) => task.id)],
  );
  writeFileSync(
    join(dir, 'write.sql'),
    `\\set t random(1, :ntasks)
INSERT INTO reports (${COLUMNS})
  SELECT 'b' || :client_id || '-' || random(), '${seeded.region.id}', id, '${seeded.unit.id}', '2026-06', 40, '进展', 0,
    'awaiting_head', 'bench', now()::text, now()::text FROM bench_tasks WHERE n = :t;
`,
  );
  return {
    round: async () => {
      await client.query('CHECKPOINT');
      return pgbenchRound(database.url, dir, walPosition);
    },
    close: async () => {
      await client.end();
      await drop();
    },
  };
}

const sets = {};
try {
  for (const name of Object.keys(INDEX_SETS)) sets[name] = await prepare(name);
  const rows = [];
  for (let round = 1; round <= ROUNDS; round++)
    for (const name of round % 2 ? Object.keys(INDEX_SETS) : Object.keys(INDEX_SETS).reverse()) {
      const result = await sets[name].round(`${round}`);
      const row = { round, indexes: name, ...result, load: loadavg()[0] };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  // The rate follows the machine; the write's own cost (CPU on SQLite, log volume on PostgreSQL) is steadier.
  const cost = postgres ? 'walBytesPerWrite' : 'cpuMicrosPerWrite';
  for (const key of ['writesPerSecond', cost]) {
    const of = (name) => median(rows.filter((r) => r.indexes === name).map((r) => r[key]));
    const [before, after] = [of('over every report'), of('partial')];
    console.log(
      `${postgres ? 'PostgreSQL' : 'SQLite'} median ${key}: ${before.toFixed(0)} over every report, ${after.toFixed(0)} partial: ${(after / before).toFixed(2)}×`,
    );
  }
} finally {
  for (const set of Object.values(sets)) await set.close();
}
