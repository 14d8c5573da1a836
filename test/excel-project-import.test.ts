/**
 * The key-project sheet read back (issue 12 §2): our own export re-imported changes nothing; an office's
 * own sheet updates and creates the right projects and months; bad rows are all listed and nothing written.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { multipart, ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';
import { columnOf, loadXlsx, rowWith, XLSX_MIME, xlsxBytes } from './helpers/xlsx.js';

interface Detail {
  name: string;
  stage: string;
  nature: string;
  totalInvestment: number;
  reports: { month: string; investment: number; status: string }[];
}

interface Preview {
  applied: boolean;
  created: { row: number; name: string; months: number }[];
  updated: {
    row: number;
    name: string;
    projectId: string;
    changes: { field: string; after: string; month?: string }[];
  }[];
  skipped: { row: number; name: string; reason: string; month?: string }[];
  errors: { row: number; column: string; code: string; value: string }[];
}

describe.each(dialects)('key-project sheet import on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2']);
  const url = () => `/api/regions/${s.w.regionA}/projects.xlsx/import`;

  async function project(name: string, months: [string, number][], confirm: boolean) {
    const id = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/regions/${s.w.regionA}/projects`,
        payload: {
          name,
          stage: 'started',
          stageDate: '2026-02-10',
          nature: 'continued',
          level: 'district',
          totalInvestment: 8000,
          yearPlan: 3000,
          planYear: 2026,
          leadUnitId: s.w.units.dept2,
        },
      })
    ).json<{ id: string }>().id;
    for (const [month, investment] of months) {
      const report = (
        await ok(s.w.app, s.cookies.reporter2, {
          method: 'POST',
          url: `/api/projects/${id}/reports`,
          payload: { month, investment },
        })
      ).json<{ id: string }>();
      if (confirm)
        await ok(s.w.app, s.cookies.office, {
          method: 'POST',
          url: `/api/project-reports/${report.id}/confirm`,
        });
    }
    return id;
  }

  const detail = async (id: string) =>
    (await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/projects/${id}` })).json<Detail>();
  const list = async () =>
    (
      await ok(s.w.app, s.cookies.office, {
        method: 'GET',
        url: `/api/regions/${s.w.regionA}/projects?limit=200`,
      })
    ).body;

  async function upload(bytes: Buffer, apply: boolean) {
    return send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `${url()}?apply=${apply}`,
      ...multipart('重点项目.xlsx', bytes, XLSX_MIME),
    });
  }

  /** Laid out as an office lays it out: a title row, its own column names, months as N月完成投资. */
  async function officeSheet(rows: (string | number | null)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目表');
    ws.addRow(['测试区2026年市级重点项目推进情况表']);
    ws.addRow([
      '序号',
      '项目名称',
      '项目性质',
      '总投资(万元)',
      '年度计划投资',
      '责任单位',
      ...Array.from({ length: 7 }, (_, i) => `${i + 1}月完成投资`),
    ]);
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
    return xlsxBytes(wb);
  }

  it('re-imports its own export with zero changes', async () => {
    await project(
      '光伏组件扩产项目',
      [
        ['2026-01', 500.25],
        ['2026-03', 1200],
      ],
      true,
    );
    await project('物流园二期', [['2026-05', 300.5]], false);
    const exported = await ok(s.w.app, s.cookies.office, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/projects.xlsx?month=2026-06`,
    });
    const before = await list();
    const dry = await upload(exported.rawPayload, false);
    expect(dry.statusCode, dry.body).toBe(200);
    const preview = dry.json<Preview>();
    expect(preview.errors).toEqual([]);
    expect(preview.created).toEqual([]);
    expect(preview.updated).toEqual([]);
    expect(preview.skipped.length).toBeGreaterThanOrEqual(2);
    expect(preview.skipped.every((x) => x.reason === 'unchanged')).toBe(true);
    const applied = await upload(exported.rawPayload, true);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json<Preview>().applied).toBe(true);
    expect(await list()).toBe(before);

    // Two cells edited in the export: a rename (found by the hidden id) and a month's figure.
    const wb = await loadXlsx(exported.rawPayload);
    const ws = wb.worksheets[0]!;
    const header = rowWith(ws, 2, '项目');
    const row = rowWith(ws, 2, '光伏组件扩产项目');
    ws.getCell(row, 2).value = '光伏组件扩产项目（一期）';
    ws.getCell(row, columnOf(ws, header + 1, '2月')).value = 66;
    const edited = (await upload(await xlsxBytes(wb), true)).json<Preview>();
    expect(edited.errors).toEqual([]);
    expect(edited.created).toEqual([]);
    expect(edited.updated).toHaveLength(1);
    expect(edited.updated[0]!.changes).toEqual([
      expect.objectContaining({ field: 'name', after: '光伏组件扩产项目（一期）' }),
      expect.objectContaining({ field: 'month', month: '2026-02', after: '66' }),
    ]);
    const renamed = await detail(edited.updated[0]!.projectId);
    expect(renamed.name).toBe('光伏组件扩产项目（一期）');
    expect(renamed.reports.map((r) => [r.month, r.investment, r.status])).toEqual([
      ['2026-01', 500.25, 'confirmed'],
      ['2026-02', 66, 'confirmed'],
      ['2026-03', 1200, 'confirmed'],
    ]);
  });

  it('updates and creates the projects and months of an office’s own sheet', async () => {
    const road = await project('滨江道路改造', [], true);
    const park = await project('智慧园区建设', [['2026-03', 2000]], false);
    const sheet = await officeSheet([
      ['滨江道路改造', '续建', 9500, 3000, '', 120, 0, null, null, null, null, null],
      ['智慧园区建设', '', '', '', '', null, null, 2500, null, null, null, null],
      ['垃圾焚烧发电项目', '新建', 42000, 6000, '区发展和改革局', null, null, null, 80.5, null, null, null],
    ]);
    const dry = (await upload(sheet, false)).json<Preview>();
    expect(dry.errors).toEqual([]);
    expect(dry.updated).toEqual([
      expect.objectContaining({
        row: 3,
        name: '滨江道路改造',
        changes: [
          expect.objectContaining({ field: 'totalInvestment', after: '9500' }),
          expect.objectContaining({ field: 'month', after: '120', month: '2026-01' }),
        ],
      }),
    ]);
    expect(dry.skipped).toEqual([
      { row: 4, name: '智慧园区建设', reason: 'unit_report_pending', month: '2026-03' },
    ]);
    expect(dry.created).toEqual([{ row: 5, name: '垃圾焚烧发电项目', months: 1 }]);
    expect((await detail(road)).totalInvestment).toBe(8000);

    const applied = await upload(sheet, true);
    expect(applied.statusCode, applied.body).toBe(200);
    const roadNow = await detail(road);
    expect(roadNow.totalInvestment).toBe(9500);
    expect(roadNow.reports.map((r) => [r.month, r.investment, r.status])).toEqual([
      ['2026-01', 120, 'confirmed'],
    ]);
    // The unit's pending March report is its word until the office confirms it.
    expect((await detail(park)).reports.map((r) => [r.month, r.investment, r.status])).toEqual([
      ['2026-03', 2000, 'submitted'],
    ]);
    const items = JSON.parse(await list()) as { items: { id: string; name: string }[] };
    const created = items.items.find((i) => i.name === '垃圾焚烧发电项目')!;
    const burner = await detail(created.id);
    expect(burner).toMatchObject({ stage: 'planning', nature: 'new', totalInvestment: 42000 });
    expect(burner.reports.map((r) => [r.month, r.investment, r.status])).toEqual([
      ['2026-04', 80.5, 'confirmed'],
    ]);

    const again = (await upload(sheet, false)).json<Preview>();
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
  });

  it('lists every bad row and writes nothing', async () => {
    await project('污水处理厂提标', [], true);
    const sheet = await officeSheet([
      ['污水处理厂提标', '改建', -5, '', '', null, null, null, null, null, null, 10],
      ['新建学校项目', '新建', 3000, '', '不存在的局', null, null, null, null, null, null, null],
      ['体育中心', '', 'abc', '', '', null, null, null, null, null, null, null],
    ]);
    const before = await list();
    const dry = (await upload(sheet, false)).json<Preview>();
    expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'C', 'nature_unknown'],
      [3, 'D', 'negative'],
      [3, 'M', 'month_future'],
      [5, 'D', 'number_invalid'],
      [4, 'F', 'lead_unit_unknown'],
    ]);
    const applied = await upload(sheet, true);
    expect(applied.statusCode).toBe(422);
    expect(applied.json()).toMatchObject({ error: { reason: 'xlsx.has_errors' } });
    expect(await list()).toBe(before);
  });

  it('is the office’s: a unit’s staff is refused', async () => {
    const sheet = await officeSheet([['某项目', '新建', 1, '', '区教育局']]);
    const res = await send(s.w.app, s.cookies.reporter2, {
      method: 'POST',
      url: url(),
      ...multipart('重点项目.xlsx', sheet, XLSX_MIME),
    });
    expect(res.statusCode).toBe(403);
  });
});
