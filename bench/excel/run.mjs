// Excel 台账 speed and memory on a 5,000-row ledger: export, the dry run of re-importing the export, and
// applying an office sheet of 5,000 new tasks, each against a baseline measured in the same run (ExcelJS
// writing / reading the same cells with none of our work). Bar: each < 3 s, memory < 300 MB.
//   npm run bench:excel [-- --rows 5000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { register } from 'tsx/esm/api';

register();
const ExcelJS = (await import('exceljs')).default;
const { openStorage, migrateToLatest } = await import('../../src/db/connection.ts');
const { SYSTEM_ACTOR } = await import('../../src/services/actor.ts');
const { createRegion } = await import('../../src/services/region-service.ts');
const { createUnit } = await import('../../src/services/unit-service.ts');
const { createPlan } = await import('../../src/services/plan-service.ts');
const { createArea } = await import('../../src/services/area-service.ts');
const { insertTasks } = await import('../../src/db/repositories/task-repository.ts');
const { exportLedger } = await import('../../src/services/excel/ledger-export.ts');
const { importLedgerSheet } = await import('../../src/services/excel/ledger-import.ts');

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 5000;
const dir = mkdtempSync(join(tmpdir(), 'taizhang-bench-excel-'));
const storage = openStorage({ url: join(dir, 'bench.db') });
await migrateToLatest(storage.db);
const ctx = { storage, filesDir: dir, now: () => new Date('2026-06-15T04:00:00Z') };
const sys = SYSTEM_ACTOR;

const region = await createRegion(ctx, sys, { name: '基准区', kind: '区' });
const units = [];
for (let i = 0; i < 30; i++)
  units.push(await createUnit(ctx, sys, region.id, { name: `基准单位${i + 1}局`, kind: 'department' }));
const plan = await createPlan(ctx, sys, region.id, {
  title: '基准区2026年改革工作要点',
  kind: 'work_points',
  year: 2026,
});
const areas = [];
for (let i = 0; i < 20; i++) areas.push(await createArea(ctx, sys, plan.id, { title: `第${i + 1}方面改革` }));
const at = new Date().toISOString();
await insertTasks(
  storage.db,
  Array.from({ length: ROWS }, (_, i) => ({
    id: `task_bench_${i}`,
    region_id: region.id,
    plan_id: plan.id,
    area_id: areas[Math.floor((i * areas.length) / ROWS)].id,
    parent_task_id: null,
    seq: i + 1,
    code: String(i + 1),
    title: `推进第${i + 1}项重点改革任务落地见效`,
    implementation_plan: '一是完善工作机制；二是细化责任分工；三是按月调度推进。',
    work_standard: '出台实施方案',
    lead_unit_id: units[i % units.length].id,
    proposed_lead_unit: null,
    leader_name: '张副区长',
    tags: '[]',
    start_date: null,
    due_date: `2026-${String((i % 12) + 1).padStart(2, '0')}-28`,
    weight: 1,
    source_start: null,
    source_end: null,
    created_at: at,
    updated_at: at,
  })),
);

const mb = (bytes) => Math.round(bytes / 1024 / 1024);
async function timed(name, work) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { name, ms, peakRss, heapDelta: process.memoryUsage().heapUsed - heapBefore, value };
}

// Baselines: ExcelJS alone writing the same cells (streaming, no styles, no merges) and reading them back.
const cells = (i) => [
  String(i + 1),
  `推进第${i + 1}项重点改革任务落地见效`,
  '一是完善工作机制；二是细化责任分工；三是按月调度推进。',
  `基准单位${(i % 30) + 1}局`,
  '',
  '张副区长',
  '2026-01-28',
  '出台实施方案',
  ...Array(12).fill(''),
  '正常推进',
  '',
  '',
  '',
  `task_bench_${i}`,
];
const writeBase = await timed('baseline: ExcelJS streaming write, same cells, no styles', async () => {
  const stream = new PassThrough();
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('台账');
  for (let i = 0; i < ROWS; i++) ws.addRow(cells(i)).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
});
const exported = await timed(`export: ledger of ${ROWS} tasks (exportLedger)`, () =>
  exportLedger(ctx, sys, plan.id, {}),
);
const bytes = exported.value.bytes;
const readBase = await timed('baseline: ExcelJS reading the exported file (workbook.xlsx.load)', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb.worksheets[0].rowCount;
});
const dry = await timed(`import dry run: the export re-imported (${ROWS} rows, update by id)`, () =>
  importLedgerSheet(ctx, sys, region.id, { bytes, filename: 'bench.xlsx' }, { apply: false }),
);
if (dry.value.updated.length !== 0 || dry.value.errors.length !== 0)
  throw new Error('round trip changed something');

// An office's own sheet: no ids, so applying it creates a draft plan of ROWS tasks in one transaction.
const office = new ExcelJS.Workbook();
const ows = office.addWorksheet('台账');
ows.addRow(['序号', '重点任务', '主要举措', '主责单位', '配合单位', '时间节点']);
for (let i = 0; i < ROWS; i++)
  ows.addRow([
    String(i + 1),
    `新任务${i + 1}`,
    '细化举措',
    `基准单位${(i % 30) + 1}局`,
    `基准单位${((i + 1) % 30) + 1}局`,
    `${(i % 12) + 1}月底前`,
  ]);
const officeBytes = Buffer.from(await office.xlsx.writeBuffer());
const applied = await timed(`import apply: an office sheet of ${ROWS} new tasks (one transaction)`, () =>
  importLedgerSheet(ctx, sys, region.id, { bytes: officeBytes, filename: 'office.xlsx' }, { apply: true }),
);
if (applied.value.created.length !== ROWS) throw new Error('not every task created');

const rows = [
  [writeBase, null],
  [exported, writeBase],
  [readBase, null],
  [dry, readBase],
  [applied, readBase],
];
console.log(`rows=${ROWS}  node ${process.version}  ${new Date().toISOString().slice(0, 10)}`);
console.log('| step | ms | ratio to baseline | peak RSS MB | heap Δ MB | bar |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const [r, base] of rows) {
  const bar = base ? (r.ms < 3000 && r.peakRss < 300 * 1024 * 1024 ? 'met' : '**not met**') : '—';
  console.log(
    `| ${r.name} | ${Math.round(r.ms)} | ${base ? (r.ms / base.ms).toFixed(2) : '1.00'} | ${mb(r.peakRss)} | ${mb(r.heapDelta)} | ${bar} |`,
  );
}
await storage.close();
rmSync(dir, { recursive: true, force: true });
