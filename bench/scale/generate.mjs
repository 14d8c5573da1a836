// Builds a province on the project's schema (migrations first): one province, its cities (10 regions each),
// `regions` districts of 300 tasks, 60 units, 36 months of reports with their audit chain, notices, targets and
// measurements (province-rows.mjs), plus one control region outside the tree whose plan takes the single-chain
// write benchmark. Rows are written in multi-row inserts, one transaction per region.
//   node bench/scale/generate.mjs 15                        SQLite file in a temp folder (kept, path printed)
//   DATABASE_URL=postgres://…/db node bench/scale/generate.mjs 150
// Runs the built server code: `npm run build` first.
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { historyMonths, LEAD_UNITS, regionRows } from './province-rows.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('build first: npm run build');
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { openStorage, migrateToLatest } = await dist('db/connection.js');
const { eventHash } = await dist('db/audit-chain.js');
const { hashPassword } = await dist('services/passwords.js');

export const PASSWORD = 'bench-password-1';
export const REGIONS_PER_CITY = 10;
const CITY_NAMES = [
  '东湖',
  '西岭',
  '南江',
  '北川',
  '青州',
  '云岭',
  '临海',
  '安平',
  '永宁',
  '长宁',
  '汉川',
  '丰城',
  '宜山',
  '平阳',
  '兴安',
];
const DISTRICT_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const pad = (n, w) => String(n).padStart(w, '0');

/** The ids and usernames a benchmark needs to find its way around the generated province. */
export function provinceLayout(regions) {
  const cities = Math.ceil(regions / REGIONS_PER_CITY);
  return {
    province: { id: 'rgn_prov', office: 'prov.office' },
    cities: Array.from({ length: cities }, (_, c) => ({
      id: `rgn_c${pad(c, 2)}`,
      office: `c${pad(c, 2)}.office`,
      regions: Math.min(REGIONS_PER_CITY, regions - c * REGIONS_PER_CITY),
    })),
    regions: Array.from({ length: regions }, (_, r) => {
      const tag = `r${pad(r, 3)}`;
      return {
        id: `rgn_${tag}`,
        planId: `pln_${tag}`,
        office: `${tag}.office`,
        /** The reporter of lead unit u (1 … LEAD_UNITS) and the tasks it leads. */
        reporter: (u) => `${tag}.u${pad(u, 2)}.reporter`,
        /** The head of lead unit u: a head's report goes straight to the office. */
        head: (u) => `${tag}.u${pad(u, 2)}.head`,
        tasksLedBy: (u, tasks = 300) =>
          Array.from({ length: tasks }, (_, i) => i)
            .filter((i) => 1 + (i % LEAD_UNITS) === u)
            .map((i) => `tsk_${tag}_${pad(i, 3)}`),
      };
    }),
    control: { id: 'rgn_ctrl', planId: 'pln_ctrl', office: 'ctrl.office', reporter: 'ctrl.reporter' },
  };
}

async function insertMany(trx, table, rows) {
  if (rows.length === 0) return;
  // Under both dialects' limits on bound parameters per statement.
  const per = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + per))
      .execute();
}

function account(id, regionId, username, role, unitId, passwordHash, at) {
  return {
    id,
    region_id: regionId,
    username,
    display_name: username,
    password_hash: passwordHash,
    role,
    unit_id: unitId,
    active: 1,
    created_at: at,
  };
}

/** The region's audit events as one chain starting where the legacy chain ends, and the chain's head. */
function chainOf(regionId, events, anchor) {
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let prev = anchor.hash;
  const rows = events.map((e, i) => {
    const hash = eventHash(null, prev, i + 1, e);
    const row = { ...e, chain: regionId, chain_seq: i + 1, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  return {
    rows,
    head: { chain: regionId, seq: rows.length, hash: prev, key_fingerprint: anchor.key_fingerprint },
  };
}

/**
 * Writes the province into the (empty) database at `url`. `writeTasks`: tasks of the control region's plan,
 * each taking one submission this month. Returns the layout, the rows written and the seconds it took.
 */
export async function generateProvince({ url, regions, writeTasks = 10_000, log = console.log }) {
  const t0 = performance.now();
  const storage = openStorage({ url });
  const counts = {};
  const count = (table, n) => (counts[table] = (counts[table] ?? 0) + n);
  try {
    await migrateToLatest(storage.db);
    const layout = provinceLayout(regions);
    const chinaNow = new Date(Date.now() + 8 * 3600_000).toISOString();
    const today = chinaNow.slice(0, 10);
    const months = historyMonths(chinaNow.slice(0, 7));
    const at = new Date().toISOString();
    const passwordHash = await hashPassword(PASSWORD);
    const anchor = await storage.db
      .selectFrom('audit_head')
      .select(['hash', 'key_fingerprint'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const region = (id, name, kind, parentId) => ({
      id,
      name,
      kind,
      parent_city: null,
      parent_id: parentId,
      settings: '{}',
      created_at: at,
    });

    await storage.db.transaction().execute(async (trx) => {
      const tree = [region(layout.province.id, '示范省', '省', null)];
      const accounts = [
        account(
          'acc_prov_office',
          layout.province.id,
          layout.province.office,
          'office',
          null,
          passwordHash,
          at,
        ),
      ];
      for (const [c, city] of layout.cities.entries()) {
        tree.push(region(city.id, `${CITY_NAMES[c % CITY_NAMES.length]}市`, '市', layout.province.id));
        accounts.push(
          account(`acc_c${pad(c, 2)}_office`, city.id, city.office, 'office', null, passwordHash, at),
        );
      }
      for (const [r, reg] of layout.regions.entries()) {
        const c = Math.floor(r / REGIONS_PER_CITY);
        const name = `${CITY_NAMES[c % CITY_NAMES.length]}${DISTRICT_NUMBERS[r % REGIONS_PER_CITY]}区`;
        tree.push(region(reg.id, name, '区', layout.cities[c].id));
      }
      tree.push(region(layout.control.id, '单链对照区', '区', null));
      await insertMany(trx, 'regions', tree);
      await insertMany(trx, 'accounts', accounts);
      count('regions', tree.length);
      count('accounts', accounts.length);
    });

    // Regions one transaction each; on PostgreSQL a few at once, as its server does the indexing in parallel.
    const workers = storage.dialect === 'postgres' ? 3 : 1;
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < layout.regions.length) {
          const r = next++;
          const reg = layout.regions[r];
          const tag = reg.id.slice(4);
          const officeId = `acc_${tag}_office`;
          const reporterOf = (u) => `acc_${tag}_u${pad(u, 2)}`;
          const rows = regionRows({ r, regionId: reg.id, months, today, officeId, reporterOf });
          const accounts = [
            account(officeId, reg.id, reg.office, 'office', null, passwordHash, at),
            account(`acc_${tag}_leader`, reg.id, `${tag}.leader`, 'leader', null, passwordHash, at),
            // Each lead unit's reporter and head.
            ...Array.from({ length: LEAD_UNITS }, (_, k) => [
              [reporterOf(k + 1), reg.reporter(k + 1), 'reporter', rows.units[k + 1].id],
              [`${reporterOf(k + 1)}_head`, reg.head(k + 1), 'unit_head', rows.units[k + 1].id],
            ])
              .flat()
              .map(([id, username, role, unitId]) =>
                account(id, reg.id, username, role, unitId, passwordHash, at),
              ),
          ];
          const chain = chainOf(reg.id, rows.events, anchor);
          await storage.db.transaction().execute(async (trx) => {
            const write = async (table, list) => {
              await insertMany(trx, table, list);
              count(table, list.length);
            };
            await write('units', rows.units);
            await write('accounts', accounts);
            await write('plans', [rows.plan]);
            await write('areas', rows.areas);
            await write('tasks', rows.tasks);
            await write('task_co_units', rows.coUnits);
            await write('milestones', rows.milestones);
            await write('reports', rows.reports);
            await write('audit_events', chain.rows);
            await write('audit_chain_heads', [chain.head]);
            await write('targets', rows.targets);
            await write('measurements', rows.measurements);
            await write('notices', rows.notices);
          });
          if ((r + 1) % 10 === 0 || r + 1 === layout.regions.length)
            log(
              `  ${r + 1}/${layout.regions.length} regions, ${Math.round((performance.now() - t0) / 1000)} s`,
            );
        }
      }),
    );

    // The control region: one unit and its reporter, one published plan of fresh tasks, no history.
    const ctrl = layout.control;
    await storage.db.transaction().execute(async (trx) => {
      const unitId = 'unt_ctrl_01';
      await insertMany(trx, 'units', [
        {
          id: unitId,
          region_id: ctrl.id,
          name: '区发展和改革局',
          kind: 'department',
          active: 1,
          created_at: at,
        },
      ]);
      await insertMany(trx, 'accounts', [
        account('acc_ctrl_office', ctrl.id, ctrl.office, 'office', null, passwordHash, at),
        account('acc_ctrl_reporter', ctrl.id, ctrl.reporter, 'reporter', unitId, passwordHash, at),
      ]);
      const year = Number(today.slice(0, 4));
      await insertMany(trx, 'plans', [
        {
          id: ctrl.planId,
          region_id: ctrl.id,
          title: '报送测速用任务',
          kind: 'action_plan',
          year,
          period_start: `${year}-01-01`,
          period_end: `${year}-12-31`,
          cadence: 'monthly',
          status: 'published',
          source_name: null,
          source_text: null,
          warnings: '[]',
          created_at: at,
          published_at: `${year}-01-01T00:00:00.000Z`,
        },
      ]);
      await insertMany(
        trx,
        'tasks',
        Array.from({ length: writeTasks }, (_, i) => ({
          id: `tsk_ctrl_${pad(i, 5)}`,
          region_id: ctrl.id,
          plan_id: ctrl.planId,
          area_id: null,
          parent_task_id: null,
          seq: i + 1,
          code: String(i + 1),
          title: `报送任务${i + 1}`,
          implementation_plan: '',
          work_standard: '',
          lead_unit_id: unitId,
          proposed_lead_unit: null,
          leader_name: null,
          tags: '[]',
          start_date: null,
          due_date: `${year}-12-31`,
          weight: 1,
          source_start: null,
          source_end: null,
          created_at: at,
          updated_at: at,
        })),
      );
      count('tasks', writeTasks);
    });
    const loadedS = (performance.now() - t0) / 1000;
    if (storage.dialect === 'postgres') await storage.db.executeQuery(rawSql('analyze'));
    const bytes = await databaseBytes(storage, url);
    const tables = await largestTables(storage);
    const seconds = (performance.now() - t0) / 1000;
    log(
      `generated ${regions} regions in ${seconds.toFixed(1)} s (${storage.dialect}; rows ${loadedS.toFixed(1)} s), ${(bytes / 2 ** 20).toFixed(0)} MiB`,
    );
    return { layout, counts, seconds, bytes, tables, dialect: storage.dialect, months };
  } finally {
    await storage.close();
  }
}

function rawSql(sql) {
  return { sql, parameters: [], query: { kind: 'RawNode' } };
}

/** The database's size on disk: the SQLite file after a checkpoint, or PostgreSQL's own count. */
export async function databaseBytes(storage, url) {
  if (storage.dialect === 'postgres') {
    const { rows } = await storage.db.executeQuery(
      rawSql('select pg_database_size(current_database()) as bytes'),
    );
    return Number(rows[0].bytes);
  }
  await storage.db.executeQuery(rawSql('pragma wal_checkpoint(truncate)'));
  return statSync(url).size;
}

/** The largest tables with their indexes, in MiB: where a region's bytes go. */
async function largestTables(storage) {
  const sql =
    storage.dialect === 'postgres'
      ? `select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and n.nspname = current_schema() order by bytes desc limit 8`
      : `select coalesce(i.tbl_name, d.name) as name, sum(d.pgsize) as bytes from dbstat d
         left join sqlite_schema i on i.name = d.name and i.type = 'index'
         group by 1 order by bytes desc limit 8`;
  const { rows } = await storage.db.executeQuery(rawSql(sql));
  return Object.fromEntries(rows.map((r) => [r.name, Math.round(Number(r.bytes) / 2 ** 20)]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const regions = Number(process.argv[2] ?? 15);
  const url =
    process.env.DATABASE_URL ?? join(mkdtempSync(join(tmpdir(), 'taizhang-province-')), 'taizhang.db');
  const result = await generateProvince({ url, regions });
  console.log(JSON.stringify({ url, seconds: result.seconds, bytes: result.bytes, counts: result.counts }));
}
