/**
 * The round trip on real data: the largest demo plan exported, re-imported unchanged (zero changes), then
 * with five cells edited as a person would in Excel (a due date, a lead unit, a progress note among them)
 * giving exactly the five task changes — the progress note is the unit's report and changes nothing.
 */
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
import { dialects } from './helpers/storage.js';
import { columnOf, loadXlsx, xlsxBytes } from './helpers/xlsx.js';

const NOW = new Date('2026-11-21T02:00:00Z');

describe.each(dialects)('the largest demo plan’s ledger round trip on $name', (dialect) => {
  let storage: Storage;
  let ctx: ServiceContext;
  let office: Actor;
  let plan: { id: string; region_id: string; tasks: number };

  beforeAll(async () => {
    vi.stubEnv('TAIZHANG_SEEDS_DIR', undefined);
    storage = await dialect.open();
    ctx = { storage, filesDir: mkdtempSync(join(tmpdir(), 'taizhang-xlsx-')), now: () => NOW };
    await loadDemoWorkspace(ctx, { password: 'demo-password-1' });
    const counts = await storage.db
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select(['plans.id', 'plans.region_id'])
      .select((eb) => eb.fn.countAll<number>().as('tasks'))
      .groupBy(['plans.id', 'plans.region_id'])
      .execute();
    const largest = counts.sort((a, b) => b.tasks - a.tasks)[0]!;
    plan = { id: largest.id, region_id: largest.region_id, tasks: largest.tasks };
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

  it('changes nothing unchanged, and exactly the five edited cells', async () => {
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
    ws.getCell(c, col('具体举措')).value = '按季度召开推进会';
    ws.getCell(d, col('成果形式')).value = '形成制度文件';
    ws.getCell(d, col('3月', 4)).value = '已召开推进会（进展说明）';
    const edited = await dryRun(await xlsxBytes(wb));
    expect(edited.errors).toEqual([]);
    expect(edited.created).toEqual([]);
    const changes = edited.updated.flatMap((u) => u.changes.map((ch) => `${u.row}:${ch.field}:${ch.after}`));
    expect(changes.sort()).toEqual(
      [
        `${a}:due_date:2026-10-31`,
        `${b}:lead_unit_id:${newLead}`,
        `${c}:leader_name:测试副区长`,
        `${c}:implementation_plan:按季度召开推进会`,
        `${d}:work_standard:形成制度文件`,
      ].sort(),
    );
  });
});
