// The key-project list of a region with 1,000 projects × 36 months of reports, 16 connections, against
// the near-empty /healthz measured in the same run. SQLite by default; DATABASE_URL=postgres://… runs it on
// PostgreSQL (in a database of its own, made and dropped here). Writes its table into bench/README.md.
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { call, loginAs, serverCpuSeconds, spawnServer, waitFor } from './http-kit.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;
const PROJECTS = 1000;
const MONTHS = 36;
const PASSWORD = 'bench-password-1';
const login = (base, username) => loginAs(base, username, PASSWORD);
const STAGES = ['planning', 'reserve', 'signed', 'started', 'operating'];
const MILESTONES = ['立项', '用地', '规划许可', '施工许可', '开工', '主体封顶', '竣工', '投产'];

if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('build first: npm run build');
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { openStorage } = await dist('db/connection.js');
const repo = await dist('db/repositories/project-repository.js');

async function run(pid, opts) {
  const before = serverCpuSeconds(pid);
  const result = await new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
  result.serverCpu = (serverCpuSeconds(pid) - before) / DURATION;
  return result;
}

/** The 36 months up to this one, oldest first. */
function monthsBack(n) {
  const now = new Date(Date.now() + 8 * 3600_000);
  const out = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/** 1,000 projects of every stage, each with its roadmap and a report for each of 36 months. */
async function seed(url, regionId, unitIds) {
  const storage = openStorage({ url });
  const at = new Date().toISOString();
  const months = monthsBack(MONTHS);
  const year = Number(months.at(-1).slice(0, 4));
  const projects = [];
  const milestones = [];
  const reports = [];
  for (let i = 0; i < PROJECTS; i++) {
    const id = `prj_bench_${i}`;
    projects.push({
      id,
      region_id: regionId,
      parent_id: null,
      name: `基准项目${String(i).padStart(4, '0')}`,
      stage: STAGES[i % STAGES.length],
      nature: 'new',
      level: ['province', 'city', 'district'][i % 3],
      category: ['产业项目', '基础设施', '社会民生'][i % 3],
      industry: '',
      town: `镇街${i % 12}`,
      park: '',
      location: '',
      content: '',
      capacity: '',
      start_year: year - 2,
      end_year: year + 1,
      planned_start: null,
      actual_start: null,
      planned_end: null,
      actual_end: null,
      total_investment: 50000,
      funding: '',
      plan_year: year,
      year_plan: i % 10 === 0 ? null : 12000,
      year_goal: '',
      in_statistics: 1,
      leader: '',
      lead_unit_id: unitIds[i % unitIds.length],
      lead_contact: '',
      owner_company: '',
      owner_contact: '',
      invested_before: 0,
      created_at: at,
    });
    for (const [seq, name] of MILESTONES.entries())
      milestones.push({
        id: `pms_bench_${i}_${seq}`,
        region_id: regionId,
        project_id: id,
        seq,
        name,
        due_date: `${year}-${String(seq + 3).padStart(2, '0')}-28`,
        done_date: seq < 3 ? `${year}-${String(seq + 3).padStart(2, '0')}-20` : null,
      });
    for (const [m, month] of months.entries())
      reports.push({
        id: `prp_bench_${i}_${m}`,
        region_id: regionId,
        project_id: id,
        month,
        investment: 800 + ((i + m) % 7) * 50,
        progress: '主体施工',
        next_plan: '',
        coordination: '',
        status: 'confirmed',
        created_by: 'bench',
        created_at: at,
        confirmed_by: 'bench',
        confirmed_at: at,
      });
  }
  await storage.db.transaction().execute(async (trx) => {
    await repo.insertProjects(trx, projects);
    await repo.insertProjectMilestones(trx, milestones);
    await repo.insertProjectReports(trx, reports);
  });
  await storage.close();
}

const pgUrl = process.env.DATABASE_URL;
const dialect = pgUrl ? 'postgres' : 'sqlite';
const dataDir = mkdtempSync(join(tmpdir(), 'taizhang-bench-projects-'));
let url = join(dataDir, 'taizhang.db');
let dropDb = null;
if (pgUrl) {
  const name = `taizhang_bench_projects_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  url = u.toString();
  dropDb = async () => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.end();
  };
}

const { server, base } = await spawnServer(root, {
  TAIZHANG_DATA_DIR: dataDir,
  DATABASE_URL: url,
  TAIZHANG_DEMO: '0',
  TAIZHANG_ADMIN_PASSWORD: PASSWORD,
});
let results;
let coldMs = 0;
try {
  await waitFor(`${base}/healthz`, 120_000);
  const admin = await login(base, 'admin');
  const region = await call(base, admin, 'POST', '/api/regions', { name: '基准区', kind: '区' });
  const unitIds = [];
  for (let u = 0; u < 20; u++)
    unitIds.push(
      (
        await call(base, admin, 'POST', `/api/regions/${region.id}/units`, {
          name: `单位${u}`,
          kind: 'department',
        })
      ).id,
    );
  const t0 = Date.now();
  await seed(url, region.id, unitIds);
  console.log(`seeded ${PROJECTS} projects × ${MONTHS} months in ${Date.now() - t0} ms (${dialect})`);
  const list = `${base}/api/regions/${region.id}/projects`;
  // The first read after a change computes the list; later reads of the same data version are cached.
  const tCold = performance.now();
  const check = await call(base, admin, 'GET', '/api/regions/' + region.id + '/projects');
  coldMs = performance.now() - tCold;
  if (check.totals.count !== PROJECTS) throw new Error(`list shows ${check.totals.count} projects`);
  // Warm-up, not reported: the first seconds after a bulk load pay for the JIT and the WAL.
  await run(server.pid, { url: list, duration: 2, headers: { cookie: admin, 'accept-encoding': 'gzip' } });
  results = {
    healthz: await run(server.pid, { url: `${base}/healthz` }),
    list: await run(server.pid, { url: list, headers: { cookie: admin, 'accept-encoding': 'gzip' } }),
    filtered: await run(server.pid, {
      url: `${list}?stage=started&level=city`,
      headers: { cookie: admin, 'accept-encoding': 'gzip' },
    }),
  };
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  if (process.env.BENCH_KEEP) console.log(`kept ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
  if (dropDb) await dropDb();
}

const rows = [
  ['`GET /healthz` (baseline)', results.healthz],
  ['`GET /api/regions/:id/projects` (1,000 projects, first page of 50, totals over all)', results.list],
  ['`GET /api/regions/:id/projects?stage=started&level=city` (filtered)', results.filtered],
];
const base1 = results.healthz.requests.average;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${CONNECTIONS} connections, ${DURATION} s each, ${PROJECTS} projects × ${MONTHS} months of reports, autocannon on the same machine (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores). The first read after a change (computing the list, uncached) took ${Math.round(coldMs)} ms.`,
  '',
  '| route | req/s | ratio to baseline | p50 ms | p99 ms | non-2xx | server CPU (cores) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    ([name, r]) =>
      `| ${name} | ${Math.round(r.requests.average)} | ${(r.requests.average / base1).toFixed(2)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${r.serverCpu.toFixed(2)} |`,
  ),
];
console.log(lines.join('\n'));
const readme = join(root, 'bench/README.md');
const marker = `projects-${dialect}`;
const text = readFileSync(readme, 'utf8');
const start = `<!-- ${marker}:start -->`;
const end = `<!-- ${marker}:end -->`;
if (text.includes(start)) {
  const before = text.slice(0, text.indexOf(start) + start.length);
  const after = text.slice(text.indexOf(end));
  writeFileSync(readme, `${before}\n\n${lines.join('\n')}\n\n${after}`);
}
