/**
 * The round trip on real data: the largest demo plan exported, re-imported unchanged (zero changes), then
 * with five cells edited as a person would in Excel (a due date, a lead unit, a leader, a progress note and
 * a 备注) giving exactly those five changes. The progress note becomes the office's ledger note for that
 * month, never the unit's report; applied, it is exported in the month's cell and re-imports unchanged.
 */
import type ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { loadDemoWorkspace } from '../src/demo/load-demo.js';
import type { Actor } from '../src/services/actor.js';
import type { ServiceContext } from '../src/services/context.js';
import { exportLedger } from '../src/services/excel/ledger-export.js';
import { importLedgerSheet } from '../src/services/excel/ledger-import.js';
import { NOTE_MARK } from '../src/domain/ledger-progress.js';
import { dialects } from './helpers/storage.js';
import { columnOf, loadXlsx, xlsxBytes } from './helpers/xlsx.js';

const NOW = new Date('2026-11-21T02:00:00Z');

describe.each(dialects)('the largest demo plan’s ledger round trip on $name', (dialect) => {
  let storage: Storage;
  let ctx: ServiceContext;
  let office: Actor;
  let plan: { id: string; region_id: string; year: number; tasks: number };

  beforeAll(async () => {
    vi.stubEnv('TAIZHANG_SEEDS_DIR', undefined);
    storage = await dialect.open();
    ctx = { storage, filesDir: mkdtempSync(join(tmpdir(), 'taizhang-xlsx-')), now: () => NOW };
    await loadDemoWorkspace(ctx, { password: 'demo-password-1' });
    const counts = await storage.db
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select(['plans.id', 'plans.region_id', 'plans.year'])
      .select((eb) => eb.fn.countAll<number>().as('tasks'))
      .groupBy(['plans.id', 'plans.region_id', 'plans.year'])
      .execute();
    const largest = counts.sort((a, b) => b.tasks - a.tasks)[0]!;
    plan = { id: largest.id, region_id: largest.region_id, year: largest.year, tasks: largest.tasks };
    const account = await storage.db
      .selectFrom('accounts')
      .selectAll()
      .where('region_id', '=', plan.region_id)
      .where('role', '=', 'office')
      .executeTakeFirstOrThrow();
    office = {
      accountId: account.id,
      username: account.username,
      displayName: account.display_name,
      role: 'office',
      regionId: plan.region_id,
      unitId: account.unit_id,
    };
  }, 240_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await storage.close();
  });

  it('changes nothing unchanged, and exactly the five edited cells', { timeout: 120_000 }, async () => {
    expect(plan.tasks).toBeGreaterThan(34);
    const file = await exportLedger(ctx, office, plan.id, {});
    const dryRun = (bytes: Buffer) =>
      importLedgerSheet(ctx, office, plan.region_id, { bytes, filename: file.filename }, { apply: false });
    const same = await dryRun(file.bytes);
    expect(same.errors).toEqual([]);
    expect(same.created).toEqual([]);
    expect(same.updated).toEqual([]);
    expect(same.skipped).toHaveLength(plan.tasks);

    const wb = await loadXlsx(file.bytes);
    const ws = wb.worksheets[0]!;
    const col = (name: string, row = 3) => columnOf(ws, row, name);
    const taskRows: number[] = [];
    for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, col('系统编号(勿改)')).value) taskRows.push(r);
    const units = await storage.db
      .selectFrom('units')
      .select('name')
      .where('region_id', '=', plan.region_id)
      .where('active', '=', 1)
      .execute();
    const [a, b, c, d] = [taskRows[1]!, taskRows[7]!, taskRows[20]!, taskRows[33]!];
    ws.getCell(a, col('完成时限')).value = '2026年10月31日';
    const currentLead = ws.getCell(b, col('牵头单位')).text;
    const newLead = units.find((u) => u.name !== currentLead)!.name;
    ws.getCell(b, col('牵头单位')).value = newLead;
    ws.getCell(c, col('责任领导')).value = '测试副区长';
    ws.getCell(c, col('备注')).value = '列入区委深改委重点督办';
    // The office adds a line under the unit's own words for March, as it would in Excel.
    const march = ws.getCell(d, col('3月', 4));
    const narrative = march.text;
    march.value = `${narrative}\n区督查室已现场核实`;
    const taskD = ws.getCell(d, col('系统编号(勿改)')).text;
    const edited = await dryRun(await xlsxBytes(wb));
    expect(edited.errors).toEqual([]);
    expect(edited.created).toEqual([]);
    const changes = edited.updated.flatMap((u) => u.changes.map((ch) => `${u.row}:${ch.field}:${ch.after}`));
    expect(changes.sort()).toEqual(
      [
        `${a}:due_date:2026-10-31`,
        `${b}:lead_unit_id:${newLead}`,
        `${c}:leader_name:测试副区长`,
        `${c}:office_note:列入区委深改委重点督办`,
        `${d}:ledger_note:区督查室已现场核实`,
      ].sort(),
    );

    const reportsBefore = await storage.db
      .selectFrom('reports')
      .select(['id', 'narrative', 'version'])
      .where('task_id', '=', taskD)
      .orderBy('id')
      .execute();
    const applied = await importLedgerSheet(
      ctx,
      office,
      plan.region_id,
      { bytes: await xlsxBytes(wb), filename: file.filename },
      { apply: true },
    );
    expect(applied.applied).toBe(true);
    const notes = await storage.db
      .selectFrom('ledger_notes')
      .selectAll()
      .where('task_id', '=', taskD)
      .execute();
    expect(notes.map((n) => [n.period, n.note, n.updated_by])).toEqual([
      [`${plan.year}-03`, '区督查室已现场核实', office.accountId],
    ]);
    // The unit's reports are untouched: the note sits beside them.
    const reportsAfter = await storage.db
      .selectFrom('reports')
      .select(['id', 'narrative', 'version'])
      .where('task_id', '=', taskD)
      .orderBy('id')
      .execute();
    expect(reportsAfter).toEqual(reportsBefore);
    const audited = await storage.db
      .selectFrom('audit_events')
      .select(['action', 'account_id'])
      .where('entity_id', '=', taskD)
      .where('action', '=', 'task.ledger_note')
      .execute();
    expect(audited).toEqual([{ action: 'task.ledger_note', account_id: office.accountId }]);

    // Exported again, the cell holds the unit's words and the office's note under its mark, and the
    // sheet re-imports with no change at all.
    const again = await exportLedger(ctx, office, plan.id, {});
    const ws2 = (await loadXlsx(again.bytes)).worksheets[0]!;
    const row2 = findRow(ws2, taskD);
    const cell2 = ws2.getCell(row2, columnOf(ws2, 4, '3月')).text;
    expect(cell2).toBe(
      narrative ? `${narrative}\n${NOTE_MARK}区督查室已现场核实` : `${NOTE_MARK}区督查室已现场核实`,
    );
    expect(ws2.getCell(row2, columnOf(ws2, 3, '备注')).text).toBe('');
    const unchanged = await dryRun(again.bytes);
    expect(unchanged.errors).toEqual([]);
    expect(unchanged.updated).toEqual([]);
  });

  it('exports an ongoing task as 长期坚持 and reads it back as ongoing', async () => {
    const file = await exportLedger(ctx, office, plan.id, {});
    const wb = await loadXlsx(file.bytes);
    const ws = wb.worksheets[0]!;
    const idCol = columnOf(ws, 3, '系统编号(勿改)');
    const rows: number[] = [];
    for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, idCol).value) rows.push(r);
    const row = rows[2]!;
    const taskId = ws.getCell(row, idCol).text;
    ws.getCell(row, columnOf(ws, 3, '完成时限')).value = '长期坚持';
    const result = await importLedgerSheet(
      ctx,
      office,
      plan.region_id,
      { bytes: await xlsxBytes(wb), filename: file.filename },
      { apply: true },
    );
    expect(result.updated.flatMap((u) => u.changes.map((c) => `${c.field}:${c.after}`))).toEqual([
      'due_date:长期坚持',
    ]);
    const task = await storage.db
      .selectFrom('tasks')
      .select(['due_date', 'ongoing'])
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ due_date: null, ongoing: 1 });
    const again = await exportLedger(ctx, office, plan.id, {});
    const ws2 = (await loadXlsx(again.bytes)).worksheets[0]!;
    const r2 = findRow(ws2, taskId);
    expect(ws2.getCell(r2, columnOf(ws2, 3, '完成时限')).text).toBe('长期坚持');
    const unchanged = await importLedgerSheet(
      ctx,
      office,
      plan.region_id,
      { bytes: again.bytes, filename: again.filename },
      { apply: false },
    );
    expect(unchanged.updated).toEqual([]);
  });
});

function findRow(ws: ExcelJS.Worksheet, taskId: string): number {
  const idCol = columnOf(ws, 3, '系统编号(勿改)');
  for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, idCol).text === taskId) return r;
  throw new Error(`no row for ${taskId}`);
}
