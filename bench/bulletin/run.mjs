// Bulletin (通报) generation for a 300-task region: the quarter's bulletin to .docx must take < 2 s; the
// PDF conversion (LibreOffice) is timed beside it. Ratios are against baselines measured in the same run:
// the region's battle map (the same tasks evaluated once) and a plain .docx of the same text (the docx
// package with no layout). `npm run build` first (this reads dist/).
//
//   node bench/bulletin/run.mjs            BENCH_RUNS=5 by default
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { migrateToLatest, openStorage } from '../../dist/db/connection.js';
import { insertReports } from '../../dist/db/repositories/report-repository.js';
import { newId } from '../../dist/db/ids.js';
import { SYSTEM_ACTOR } from '../../dist/services/actor.js';
import { createRegion } from '../../dist/services/region-service.js';
import { createUnit } from '../../dist/services/unit-service.js';
import { createPlan, publishPlan } from '../../dist/services/plan-service.js';
import { createTask } from '../../dist/services/task-service.js';
import { regionDashboard } from '../../dist/services/dashboard-service.js';
import { bulletinDocx, bulletinPdf, createBulletin } from '../../dist/services/bulletin-service.js';

const TASKS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NOW = new Date('2026-09-20T02:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'taizhang-bench-bulletin-'));
const storage = openStorage({ url: join(dir, 'bench.db') });
await migrateToLatest(storage.db);
const early = { storage, filesDir: dir, now: () => new Date('2026-01-05T01:00:00Z') };
const ctx = { storage, filesDir: dir, now: () => NOW };
const sys = SYSTEM_ACTOR;

const region = await createRegion(early, sys, { name: '基准区', kind: '区' });
await createUnit(early, sys, region.id, { name: '区委改革办', kind: 'office' });
const units = [];
for (let i = 0; i < 30; i++)
  units.push(
    await createUnit(early, sys, region.id, {
      name: i < 20 ? `区第${i + 1}局` : `第${i - 19}街道`,
      kind: i < 20 ? 'department' : 'town',
    }),
  );
const plan = await createPlan(early, sys, region.id, {
  title: '2026年改革工作要点',
  kind: 'work_points',
  year: 2026,
});
const tasks = [];
for (let i = 0; i < TASKS; i++) {
  const due = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][i % 4];
  tasks.push(
    await createTask(early, sys, plan.id, {
      title: `推进第${i + 1}项改革任务落地见效，形成可复制推广的制度成果`,
      leadUnitId: units[i % units.length].id,
      coUnitIds: [units[(i + 7) % units.length].id],
      dueDate: due,
    }),
  );
}
await publishPlan(early, sys, plan.id, undefined);
const at = '2026-09-05T02:00:00.000Z';
await insertReports(
  storage.db,
  tasks
    .filter((_, i) => i % 5 !== 0)
    .map((t, i) => ({
      id: newId('rpt'),
      region_id: region.id,
      task_id: t.id,
      unit_id: t.lead_unit_id,
      period: '2026-08',
      progress: (i * 37) % 101,
      narrative: '已完成调研和方案起草，正在征求相关部门意见，按计划推进。',
      problems: i % 3 === 0 ? '跨部门协调难度较大' : '',
      coordination: '',
      claims_completion: i % 9 === 0 ? 1 : 0,
      status: i % 2 === 0 ? 'accepted' : 'submitted',
      return_reason: null,
      rating: null,
      created_by: 'bench',
      created_at: at,
      updated_at: at,
      submitted_at: at,
      approved_at: at,
      reviewed_at: i % 2 === 0 ? at : null,
    })),
);

async function time(fn) {
  const times = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    out = await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1), out };
}

const dashboard = await time(() => regionDashboard(ctx, sys, region.id));
const create = await time(() =>
  createBulletin(ctx, sys, region.id, { period: '2026-Q3', template: 'tracking' }),
);
const lastId = create.out.row.id;
// The bar: the quarter's bulletin generated to .docx (figures gathered from the database, text, tables).
const docx = await time(async () => (await bulletinDocx(ctx, sys, lastId)).docx);
const text = docx.out.length;
// The docx package's own floor: a bare table of the same shape (300 rows × 9 cells) with no layout at all.
const plain = await time(async () => {
  const rows = tasks.map(
    (t) =>
      new TableRow({
        children: Array.from({ length: 9 }, () => new TableCell({ children: [new Paragraph(t.title)] })),
      }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows })] }] }));
});
const pdfRuns = Math.min(RUNS, 2);
const pdfTimes = [];
let pages = 0;
for (let i = 0; i < pdfRuns; i++) {
  const t0 = performance.now();
  const { pdf } = await bulletinPdf(ctx, sys, lastId);
  pdfTimes.push(performance.now() - t0);
  pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
pdfTimes.sort((a, b) => a - b);
const pdfMedian = pdfTimes[Math.floor(pdfTimes.length / 2)];
const f = (ms) => `${Math.round(ms)}`;
console.log(
  `bulletin bench: ${TASKS} tasks, ${units.length} units, ${RUNS} runs (median ms), load average ${(await import('node:os')).loadavg()[0].toFixed(1)}\n`,
);
console.log('| step | median ms | min–max ms | ratio to battle map | bar |');
console.log('| --- | ---: | ---: | ---: | --- |');
console.log(
  `| battle map of the region (baseline) | ${f(dashboard.median)} | ${f(dashboard.min)}–${f(dashboard.max)} | 1.00 | — |`,
);
console.log(
  `| bare 300 × 9 table .docx (docx package floor) | ${f(plain.median)} | ${f(plain.min)}–${f(plain.max)} | ${(plain.median / dashboard.median).toFixed(2)} | — |`,
);
console.log(
  `| new draft (figures gathered, 文号 taken) | ${f(create.median)} | ${f(create.min)}–${f(create.max)} | ${(create.median / dashboard.median).toFixed(2)} | — |`,
);
console.log(
  `| quarterly bulletin to .docx (${Math.round(text / 1024)} KB) | ${f(docx.median)} | ${f(docx.min)}–${f(docx.max)} | ${(docx.median / dashboard.median).toFixed(2)} | < 2000 ms: ${docx.median < 2000 ? 'met' : 'NOT met'} |`,
);
console.log(
  `| .docx → PDF (LibreOffice, ${pages} pages, ${pdfRuns} runs) | ${f(pdfMedian)} | ${f(pdfTimes[0])}–${f(pdfTimes.at(-1))} | ${(pdfMedian / dashboard.median).toFixed(2)} | reported |`,
);
await storage.close();
