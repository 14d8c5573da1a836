/**
 * Excel 台账 through the API on both dialects: the ledger exported as offices lay it out, re-imported
 * unchanged (nothing changes) and with five cells edited (exactly five changes); an office's own sheet
 * imported as a draft plan; a unit's template filled in as draft reports; the notices sheet; and bad
 * files refused with nothing changed.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { multipart, ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { CURRENT_PERIOD } from './helpers/report-task.js';
import { worldSuite } from './helpers/world.js';
import { columnOf, loadXlsx, rowWith, XLSX_MIME, xlsxBytes } from './helpers/xlsx.js';

interface Preview {
  applied: boolean;
  mode: string;
  planId: string | null;
  created: { row: number; code: string; title: string }[];
  updated: { taskId: string; changes: { field: string; column: string; before: string; after: string }[] }[];
  skipped: unknown[];
  errors: { sheet: string; row: number; column: string; code: string; value: string }[];
  unknownUnits: { name: string; rows: number[] }[];
  columns: { key: string; column: string }[];
}

describe.each(dialects)('Excel ledger on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2', 'reporter1', 'viewer', 'head1']);

  const exportLedger = async (query = '') => {
    const res = await ok(s.w.app, s.cookies.office, {
      method: 'GET',
      url: `/api/plans/${s.w.planId}/ledger.xlsx${query}`,
    });
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    return res.rawPayload;
  };
  const importLedger = async (bytes: Buffer, apply = false, name = '台账.xlsx') =>
    send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/ledger-imports${apply ? '?apply=true' : ''}`,
      ...multipart(name, bytes, XLSX_MIME),
    });
  const preview = async (bytes: Buffer, apply = false): Promise<Preview> => {
    const res = await importLedger(bytes, apply);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Preview>();
  };
  const changesIn = (p: Preview) => p.updated.flatMap((u) => u.changes);

  it('exports the ledger as offices lay it out', async () => {
    const wb = await loadXlsx(await exportLedger());
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('测试区2026年重点改革任务推进台账');
    expect(ws.getCell('A2').text).toContain('填报单位');
    expect(ws.getCell('I3').value).toBe('进展情况');
    expect(ws.getCell('I4').value).toBe('1月');
    expect(ws.getCell('A5').value).toBe('一、深化经济体制改革');
    expect(ws.getRow(6).getCell(2).value).toBe('推进投资审批制度改革');
    expect(ws.getRow(6).getCell(1).value).toBe('1');
    expect(ws.getRow(6).getCell(4).value).toBe('区发展和改革局');
    expect(ws.getRow(7).getCell(5).value).toBe('区发展和改革局');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:4' });
  });

  it('follows the ledger page’s filters and sort', async () => {
    const one = (await loadXlsx(await exportLedger(`?unit=${s.w.units.dept2}`))).worksheets[0]!;
    const titles = (ws: ExcelJS.Worksheet) =>
      Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(i + 5).getCell(2).text);
    expect(titles(one)).toEqual(['一、深化经济体制改革', '深化教育评价改革']);
    const sorted = (await loadXlsx(await exportLedger('?sort=dueDate&order=asc'))).worksheets[0]!;
    expect(titles(sorted)[0]).toBe('深化教育评价改革');
    expect(titles(sorted)).not.toContain('一、深化经济体制改革');
  });

  it('re-imports an unchanged export with zero changes, then exactly the six cells edited', async () => {
    const bytes = await exportLedger();
    const same = await preview(bytes);
    expect(same).toMatchObject({ mode: 'update', planId: s.w.planId, created: [], updated: [], errors: [] });
    expect(same.skipped).toHaveLength(3);

    const wb = await loadXlsx(bytes);
    const ws = wb.worksheets[0]!;
    const title = columnOf(ws, 3, '任务(大项)');
    const r1 = rowWith(ws, title, '推进投资审批制度改革');
    const r3 = rowWith(ws, title, '推进基层治理改革');
    ws.getCell(r1, columnOf(ws, 3, '完成时限')).value = '2026年9月30日';
    ws.getCell(r1, columnOf(ws, 3, '责任领导')).value = '王副区长';
    ws.getCell(r3, columnOf(ws, 3, '牵头单位')).value = '区教育局';
    ws.getCell(r3, columnOf(ws, 3, '具体举措')).value = '完善网格化管理';
    ws.getCell(r3, columnOf(ws, 3, '责任单位')).value = '区发展和改革局、东城街道';
    // A progress cell is the unit's report: the office's edit becomes its own ledger note for March.
    ws.getCell(r1, columnOf(ws, 4, '3月')).value = '已完成调研';
    const edited = await xlsxBytes(wb);
    const dry = await preview(edited);
    expect(dry.errors).toEqual([]);
    expect(
      changesIn(dry)
        .map((c) => `${c.field}:${c.after}`)
        .sort(),
    ).toEqual(
      [
        'due_date:2026-09-30',
        'leader_name:王副区长',
        'lead_unit_id:区教育局',
        'implementation_plan:完善网格化管理',
        'co_units:区发展和改革局、东城街道',
        'ledger_note:已完成调研',
      ].sort(),
    );
    const task = await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/tasks/${s.w.tasks.dept1}` });
    expect(task.json()).toMatchObject({ dueDate: '2026-12-31' });

    const applied = await preview(edited, true);
    expect(applied.applied).toBe(true);
    const after = await ok(s.w.app, s.cookies.office, {
      method: 'GET',
      url: `/api/tasks/${s.w.tasks.dept1}`,
    });
    expect(after.json()).toMatchObject({ dueDate: '2026-09-30', leaderName: '王副区长' });
    const t3 = (
      await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/tasks/${s.w.tasks.town1}` })
    ).json<{ leadUnit: { id: string }; coUnits: { id: string }[]; implementationPlan: string }>();
    expect(t3.leadUnit.id).toBe(s.w.units.dept2);
    expect(t3.coUnits.map((u) => u.id).sort()).toEqual([s.w.units.dept1, s.w.units.town1].sort());
    expect(t3.implementationPlan).toBe('完善网格化管理');

    // And the new state exports and re-imports as unchanged again.
    const again = await preview(await exportLedger());
    expect(again.updated).toEqual([]);
  });

  it('imports an office’s own sheet as a draft plan: merged header, area rows, four date forms, units joined with 、', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2026年台账');
    ws.mergeCells('A1:H1');
    ws.getCell('A1').value = '测试区2026年全面深化改革任务台账';
    ws.getCell('A2').value = '填报单位：区委改革办';
    const header = [
      '序号',
      '重点任务',
      '主要举措',
      '主责单位',
      '配合单位',
      '领衔领导',
      '时间节点',
      '进展情况',
    ];
    header.forEach((h, i) => {
      ws.getCell(3, i + 1).value = h;
      if (i < 7) ws.mergeCells(3, i + 1, 4, i + 1);
    });
    ws.getCell(4, 8).value = '1月';
    ws.mergeCells('A5:H5');
    ws.getCell('A5').value = '一、优化营商环境';
    const rows: (string | Date)[][] = [
      ['1', '深化“一件事”改革', '梳理事项清单', '区发展和改革局', '区教育局、东城街道', '李四', '2026.6.30'],
      ['2', '推进信用体系建设', '建立信用档案', '发展和改革局', '区财政局', '', '2026/9/30'],
      ['3', '建设智慧政务', '上线办事平台', '区委改革办', '', '', '2026年10月31日'],
    ];
    rows.forEach((r, i) => {
      r.forEach((v, c) => (ws.getCell(6 + i, c + 1).value = v));
    });
    ws.mergeCells('A9:H9');
    ws.getCell('A9').value = '二、改善民生';
    ws.getCell('A10').value = '4';
    ws.getCell('B10').value = '推进教育集团化';
    ws.getCell('C10').value = '组建三个集团';
    ws.getCell('D10').value = '区教育局';
    ws.getCell('G10').value = '年底前';
    ws.getCell('C11').value = '完善集团章程';
    ws.getCell('E11').value = '区发展和改革局';
    ws.mergeCells('A10:A11');
    ws.mergeCells('B10:B11');
    ws.mergeCells('D10:D11');
    ws.mergeCells('G10:G11');
    ws.getCell('A12').value = '5';
    ws.getCell('B12').value = '常态化开展志愿服务';
    ws.getCell('D12').value = '东城街道';
    ws.getCell('G12').value = '长期坚持';
    ws.getCell('A13').value = '6';
    ws.getCell('B13').value = '推进数字乡村';
    ws.getCell('D13').value = '区农业农村局';
    ws.getCell('G13').value = new Date(Date.UTC(2026, 11, 15));
    const bytes = await xlsxBytes(wb);

    const dry = await preview(bytes);
    expect(dry.errors).toEqual([]);
    expect(dry.mode).toBe('new_plan');
    expect(dry.created.map((c) => c.title)).toEqual([
      '深化“一件事”改革',
      '推进信用体系建设',
      '建设智慧政务',
      '推进教育集团化',
      '常态化开展志愿服务',
      '推进数字乡村',
    ]);
    expect(dry.unknownUnits).toEqual([
      { name: '区财政局', rows: [7] },
      { name: '区农业农村局', rows: [13] },
    ]);
    const applied = await preview(bytes, true);
    const planId = applied.planId!;
    const tasks = (
      await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/plans/${planId}/tasks` })
    ).json<
      {
        title: string;
        dueDate: string | null;
        leadUnit: { name: string } | null;
        coUnits: { name: string }[];
        leaderName: string | null;
      }[]
    >();
    const byTitle = new Map(tasks.map((t) => [t.title, t]));
    expect(byTitle.get('深化“一件事”改革')).toMatchObject({
      dueDate: '2026-06-30',
      leadUnit: { name: '区发展和改革局' },
      leaderName: '李四',
    });
    expect(
      byTitle
        .get('深化“一件事”改革')!
        .coUnits.map((u) => u.name)
        .sort(),
    ).toEqual(['东城街道', '区教育局']);
    expect(byTitle.get('推进信用体系建设')).toMatchObject({
      dueDate: '2026-09-30',
      leadUnit: { name: '区发展和改革局' },
    });
    expect(byTitle.get('建设智慧政务')).toMatchObject({
      dueDate: '2026-10-31',
      leadUnit: { name: '区委改革办' },
    });
    expect(byTitle.get('推进教育集团化')).toMatchObject({
      dueDate: '2026-12-31',
      leadUnit: { name: '区教育局' },
    });
    expect(byTitle.get('推进教育集团化')!.coUnits.map((u) => u.name)).toEqual(['区发展和改革局']);
    expect(byTitle.get('常态化开展志愿服务')).toMatchObject({
      dueDate: null,
      leadUnit: { name: '东城街道' },
    });
    expect(byTitle.get('推进数字乡村')).toMatchObject({ dueDate: '2026-12-15', leadUnit: null });
    const plan = (await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/plans/${planId}` })).json<{
      plan: { status: string; title: string };
      areas: { title: string }[];
    }>();
    expect(plan.plan).toMatchObject({ status: 'draft', title: '测试区2026年全面深化改革任务台账' });
    expect(plan.areas.map((a) => a.title)).toEqual(['优化营商环境', '改善民生']);
  });

  it('lists every bad cell by sheet, row and column and refuses to apply them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ['序号', '任务', '牵头单位', '完成时限'].forEach((h, i) => (ws.getCell(1, i + 1).value = h));
    ws.addRow(['1', '任务甲', '区教育局', '2026-02-30']);
    ws.addRow(['2', '任务乙', '区教育局', '尽快']);
    ws.addRow(['3', '', '区教育局', '2026-03-01']);
    const bytes = await xlsxBytes(wb);
    const dry = await preview(bytes);
    expect(dry.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['台账', 2, 'D', 'date_unreadable'],
      ['台账', 3, 'D', 'date_unreadable'],
      ['台账', 4, 'B', 'title_missing'],
    ]);
    const before = await s.storage.dataVersion();
    const res = await importLedger(bytes, true);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { reason: 'xlsx.has_errors' } });
    expect(await s.storage.dataVersion()).toBe(before);
  });

  it('lets only the office import a ledger, and never into another region', async () => {
    const bytes = await exportLedger();
    const res = await send(s.w.app, s.cookies.reporter2, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/ledger-imports`,
      ...multipart('台账.xlsx', bytes, XLSX_MIME),
    });
    expect(res.statusCode).toBe(403);
    const other = await importLedger(bytes, false);
    expect(other.statusCode).toBe(200);
    const foreign = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionB}/ledger-imports`,
      ...multipart('台账.xlsx', bytes, XLSX_MIME),
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('gives a unit its blank template and takes it back filled in as draft reports', async () => {
    const res = await ok(s.w.app, s.cookies.reporter2, {
      method: 'GET',
      url: `/api/units/${s.w.units.dept2}/report-template.xlsx?period=${CURRENT_PERIOD}`,
    });
    const wb = await loadXlsx(res.rawPayload);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').text).toContain('区教育局2026年6月');
    const title = columnOf(ws, 3, '任务');
    const row = rowWith(ws, title, '2 深化教育评价改革');
    ws.getCell(row, columnOf(ws, 3, '本期进度(%)')).value = 60;
    ws.getCell(row, columnOf(ws, 3, '进展情况')).value = '完成评价方案初稿';
    ws.getCell(row, columnOf(ws, 3, '存在问题')).value = '经费未落实';
    ws.getCell(row, columnOf(ws, 3, '下步打算')).value = '七月底前报区政府审定';
    const filled = await xlsxBytes(wb);
    const url = `/api/regions/${s.w.regionA}/report-imports`;
    const dry = await send(s.w.app, s.cookies.reporter2, {
      method: 'POST',
      url,
      ...multipart('报送.xlsx', filled, XLSX_MIME),
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      period: CURRENT_PERIOD,
      errors: [],
      created: [{ taskId: s.w.tasks.dept2 }],
    });
    const notOwn = await send(s.w.app, s.cookies.reporter1, {
      method: 'POST',
      url,
      ...multipart('报送.xlsx', filled, XLSX_MIME),
    });
    expect(notOwn.json<Preview>().errors.map((e) => e.code)).toEqual(['task_not_own']);
    const applied = await send(s.w.app, s.cookies.reporter2, {
      method: 'POST',
      url: `${url}?apply=true`,
      ...multipart('报送.xlsx', filled, XLSX_MIME),
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const reports = (
      await ok(s.w.app, s.cookies.reporter2, { method: 'GET', url: `/api/tasks/${s.w.tasks.dept2}/reports` })
    ).json<{ period: string; status: string; progress: number; narrative: string; nextSteps: string }[]>();
    expect(reports.find((r) => r.period === CURRENT_PERIOD)).toMatchObject({
      status: 'draft',
      progress: 60,
      narrative: '完成评价方案初稿',
      nextSteps: '七月底前报区政府审定',
    });
    const again = await send(s.w.app, s.cookies.reporter2, {
      method: 'POST',
      url,
      ...multipart('报送.xlsx', filled, XLSX_MIME),
    });
    expect(again.json(), again.body).toMatchObject({
      created: [],
      updated: [],
      skipped: expect.arrayContaining([expect.objectContaining({ reason: 'unchanged' })]),
    });
  });

  it('exports the latest report’s 下步打算, which the office’s sheet cannot rewrite', async () => {
    // The unit head's own report goes straight to the office.
    const made = await send(s.w.app, s.cookies.head1, {
      method: 'POST',
      url: `/api/tasks/${s.w.tasks.dept1}/reports`,
      payload: {
        period: '2026-05',
        progress: 40,
        narrative: '完成审批流程梳理',
        problems: '系统对接进度慢',
        nextSteps: '六月底前上线并联审批系统',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ nextSteps: '六月底前上线并联审批系统', status: 'submitted' });
    const wb = await loadXlsx(await exportLedger());
    const ws = wb.worksheets[0]!;
    const row = rowWith(ws, columnOf(ws, 3, '任务(大项)'), '推进投资审批制度改革');
    expect(ws.getCell(row, columnOf(ws, 3, '下步打算')).text).toBe('六月底前上线并联审批系统');
    expect(ws.getCell(row, columnOf(ws, 3, '存在问题')).text).toBe('系统对接进度慢');
    ws.getCell(row, columnOf(ws, 3, '下步打算')).value = '改由区政务局推进';
    const dry = await preview(await xlsxBytes(wb));
    expect(dry.updated).toEqual([]);
  });

  it('exports the notices (督办件)', async () => {
    const res = await ok(s.w.app, s.cookies.viewer, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/notices.xlsx`,
    });
    const ws = (await loadXlsx(res.rawPayload)).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('测试区督办事项台账');
    expect(
      ['编号', '事项', '来源', '承办单位', '时限', '状态', '反馈'].map(
        (h, i) => ws.getCell(3, i + 1).value === h,
      ),
    ).toEqual(Array(7).fill(true));
  });
});
