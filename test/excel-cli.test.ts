/**
 * The terminal's Excel 台账: `taizhang export ledger PLAN FILE.xlsx` writes the sheet, and `taizhang import
 * ledger REGION FILE.xlsx` previews (writing nothing) until `--apply` writes the one edited cell.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStorage, type Storage } from '../src/db/connection.js';
import { runCli } from './helpers/cli.js';
import { buildWorld, type World } from './helpers/world.js';
import { columnOf, loadXlsx, rowWith, xlsxBytes } from './helpers/xlsx.js';

describe('taizhang export/import ledger on sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-excel-cli-'));
  const databaseUrl = join(dir, 'taizhang.db');
  let storage: Storage;
  let w: World;

  beforeAll(async () => {
    storage = openStorage({ url: databaseUrl });
    await migrateToLatest(storage.db);
    w = await buildWorld(storage);
    await w.app.close();
    await storage.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports, previews and applies one edited cell', async () => {
    const env = { DATABASE_URL: databaseUrl, TAIZHANG_DATA_DIR: dir };
    const file = join(dir, '台账.xlsx');
    const exported = await runCli(['export', 'ledger', w.planId, file], env, 60_000);
    expect(exported.stderr).toContain('100%');
    expect(exported.code, exported.stderr).toBe(0);

    const wb = await loadXlsx(readFileSync(file));
    const ws = wb.worksheets[0]!;
    const row = rowWith(ws, columnOf(ws, 3, '任务(大项)'), '推进投资审批制度改革');
    ws.getCell(row, columnOf(ws, 3, '完成时限')).value = '2026年11月30日';
    writeFileSync(file, await xlsxBytes(wb));

    const dry = await runCli(['import', 'ledger', '测试区', file], env, 60_000);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('预览');
    expect(dry.stdout).toContain('更新 updated 1');
    expect(dry.stdout).toContain('due_date: 2026-12-31 → 2026-11-30');

    const applied = await runCli(['import', 'ledger', '测试区', file, '--apply'], env, 60_000);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('已导入');
    const again = await runCli(['import', 'ledger', '测试区', file], env, 60_000);
    expect(again.stdout).toContain('更新 updated 0');
  });
  it('previews and applies an office’s key-project sheet', async () => {
    const env = { DATABASE_URL: databaseUrl, TAIZHANG_DATA_DIR: dir };
    const file = join(dir, '重点项目.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目');
    ws.addRow(['项目名称', '建设性质', '总投资(万元)', '牵头单位', '1月']);
    ws.addRow(['城东污水管网改造', '新建', 5600, '区教育局', 210]);
    writeFileSync(file, await xlsxBytes(wb));

    const dry = await runCli(['import', 'projects', '测试区', file], env, 60_000);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('预览');
    expect(dry.stdout).toContain('新建 created 1');
    const applied = await runCli(['import', 'projects', '测试区', file, '--apply'], env, 60_000);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('已导入');
    const again = await runCli(['import', 'projects', '测试区', file], env, 60_000);
    expect(again.stdout).toContain('新建 created 0 · 更新 updated 0');
  });
});
