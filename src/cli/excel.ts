// `taizhang export ledger PLAN FILE.xlsx` and `taizhang import ledger|projects REGION FILE.xlsx [--apply]`:
// the Excel 台账 and the key-project sheet from the terminal, as the operator (the audit log names the system).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { migrateToLatest } from '../db/connection.js';
import { SYSTEM_ACTOR } from '../services/actor.js';
import { AppError } from '../services/errors.js';
import { exportLedger } from '../services/excel/ledger-export.js';
import { importLedgerSheet, type LedgerImportResult } from '../services/excel/ledger-import.js';
import { importProjectSheet, type ProjectImportResult } from '../services/excel/project-import.js';
import { regionsFor } from '../services/region-service.js';
import type { ServiceContext } from '../services/context.js';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { openConfiguredStorage } from './storage.js';
import { progressBar } from './progress.js';
import type { CliCommand } from './command.js';

async function withContext(work: (ctx: ServiceContext) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const storage = openConfiguredStorage(config);
  try {
    await migrateToLatest(storage.db);
    return await work({ storage, filesDir: join(config.dataDir, 'files'), now: () => new Date() });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`\n错误 ${error.reason}: ${error.message}\n`);
    return 1;
  } finally {
    await storage.close();
  }
}

export const exportCommand: CliCommand = {
  summary: 'ledger PLAN FILE.xlsx  导出改革任务台账 / export a plan’s ledger as .xlsx',
  async run([what, planId, file]) {
    if (what !== 'ledger' || !planId || !file) {
      process.stderr.write('usage: taizhang export ledger PLAN FILE.xlsx\n');
      return 2;
    }
    return withContext(async (ctx) => {
      const bar = progressBar();
      bar.update(0.1, '读取台账 reading the ledger');
      const sheet = await exportLedger(ctx, SYSTEM_ACTOR, planId, {});
      bar.update(0.9, '写入文件 writing the file');
      await writeFile(file, sheet.bytes);
      bar.update(1, '完成 done');
      bar.done();
      process.stdout.write(`已导出 ${file} (${sheet.bytes.length} bytes)\n`);
      return 0;
    });
  },
};

function summary(r: LedgerImportResult): string {
  const lines = [
    `${r.applied ? '已导入' : '预览（未写入，加 --apply 写入）'} ${r.mode === 'update' ? `更新计划 ${r.planTitle}` : `新建草稿计划 ${r.planTitle}`}`,
    `新建 created ${r.created.length} · 更新 updated ${r.updated.length} · 未变 unchanged ${r.skipped.length} · 错误 errors ${r.errors.length}`,
  ];
  for (const u of r.updated)
    for (const c of u.changes)
      lines.push(`  ~ 第${u.row}行 ${c.column}列 ${c.field}: ${c.before} → ${c.after}`);
  for (const e of r.errors) lines.push(`  ! ${e.sheet} 第${e.row}行 ${e.column}列 ${e.code}: ${e.value}`);
  for (const u of r.unknownUnits) lines.push(`  ? 未知单位 ${u.name}（第${u.rows.join('、')}行）`);
  if (r.applied && r.planId) lines.push(`plan ${r.planId}`);
  return `${lines.join('\n')}\n`;
}

type Importer = (
  ctx: ServiceContext,
  regionId: string,
  file: { bytes: Buffer; filename: string },
  apply: boolean,
) => Promise<{ errors: readonly unknown[]; text: string }>;

const IMPORTERS: Readonly<Record<string, Importer>> = {
  ledger: async (ctx, regionId, file, apply) => {
    const r = await importLedgerSheet(ctx, SYSTEM_ACTOR, regionId, file, { apply });
    return { errors: r.errors, text: summary(r) };
  },
  projects: async (ctx, regionId, file, apply) => {
    const r = await importProjectSheet(ctx, SYSTEM_ACTOR, regionId, file, { apply });
    return { errors: r.errors, text: projectSummary(r) };
  },
};

export const importCommand: CliCommand = {
  summary:
    'ledger|projects REGION FILE.xlsx [--apply]  导入Excel台账或重点项目表（默认仅预览）/ import a ledger or key-project sheet (dry run unless --apply)',
  async run(args) {
    const apply = args.includes('--apply');
    const [what, region, file] = args.filter((a) => a !== '--apply');
    const importer = what === undefined ? undefined : IMPORTERS[what];
    if (!importer || !region || !file) {
      process.stderr.write('usage: taizhang import ledger|projects REGION FILE.xlsx [--apply]\n');
      return 2;
    }
    return withContext(async (ctx) => {
      const bar = progressBar();
      const size = (await stat(file)).size;
      bar.update(0.05, `读取文件 reading ${Math.round(size / 1024)} KB`);
      const bytes = await readFile(file);
      const regions = await regionsFor(ctx, SYSTEM_ACTOR);
      const regionId = regions.find((r) => r.id === region || r.name === region)?.id ?? region;
      bar.update(0.3, '核对表格 checking the sheet');
      const sheet = { bytes, filename: basename(file) };
      let result = await importer(ctx, regionId, sheet, false);
      if (apply && result.errors.length === 0) {
        bar.update(0.7, '写入 writing in one transaction');
        result = await importer(ctx, regionId, sheet, true);
      }
      bar.update(1, '完成 done');
      bar.done();
      process.stdout.write(result.text);
      return result.errors.length > 0 ? 1 : 0;
    });
  },
};

function projectSummary(r: ProjectImportResult): string {
  const lines = [
    `${r.applied ? '已导入' : '预览（未写入，加 --apply 写入）'} 重点项目 ${r.year}年`,
    `新建 created ${r.created.length} · 更新 updated ${r.updated.length} · 跳过 skipped ${r.skipped.length} · 错误 errors ${r.errors.length}`,
  ];
  for (const c of r.created) lines.push(`  + 第${c.row}行 ${c.name}`);
  for (const u of r.updated)
    for (const c of u.changes)
      lines.push(`  ~ 第${u.row}行 ${c.column}列 ${c.month ?? c.field}: ${c.before} → ${c.after}`);
  for (const k of r.skipped)
    if (k.reason !== 'unchanged') lines.push(`  - 第${k.row}行 ${k.name} ${k.month ?? ''} ${k.reason}`);
  for (const e of r.errors) lines.push(`  ! ${e.sheet} 第${e.row}行 ${e.column}列 ${e.code}: ${e.value}`);
  return `${lines.join('\n')}\n`;
}
