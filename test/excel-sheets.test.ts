/**
 * The further tables offices keep in Excel, written with the sheet kit: each file is read back with the
 * project's own reader and its figures must equal what the API answers for the same view.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../src/documents/xlsx/workbook-reader.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';
import { XLSX_MIME } from './helpers/xlsx.js';

interface ListItem {
  id: string;
  name: string;
  totalInvestment: number;
  figures: { yearPlan: number | null; yearToDate: number; completion: number | null };
}

describe.each(dialects)('key-project investment table on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2', 'viewer', 'officeB']);

  async function project(name: string, yearPlan: number | null, months: [string, number, string][]) {
    const created = await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/projects`,
      payload: {
        name,
        stage: 'started',
        stageDate: '2026-02-10',
        nature: 'continued',
        level: 'district',
        totalInvestment: 48000.5,
        ...(yearPlan !== null && { yearPlan, planYear: 2026 }),
        leadUnitId: s.w.units.dept2,
      },
    });
    const id = created.json<{ id: string }>().id;
    for (const [month, investment, progress] of months)
      await ok(s.w.app, s.cookies.reporter2, {
        method: 'POST',
        url: `/api/projects/${id}/reports`,
        payload: { month, investment, progress },
      });
    return id;
  }

  it('holds the list’s projects with the figures the API gives', async () => {
    await project('新能源电池材料项目', 12000, [
      ['2026-01', 800.25, '场地平整'],
      ['2026-03', 2000, '桩基施工'],
      ['2026-05', 1500.5, '主体施工至三层'],
      ['2026-06', 900, '六月不在五月的表里'],
    ]);
    await project('城市更新片区改造', null, [['2026-04', 300, '']]);

    const res = await send(s.w.app, s.cookies.viewer, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/projects.xlsx?month=2026-05`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const [grid] = await readWorkbook(res.rawPayload);
    expect(grid!.rows[0]![0]).toContain('2026年重点项目投资进度表');
    const header = grid!.rows.findIndex((r) => r.includes('项目') && r.includes('形象进度'));
    const sub = grid!.rows[header + 1]!;
    const at = (name: string) => {
      const c = grid!.rows[header]!.indexOf(name);
      return c >= 0 ? c : sub.indexOf(name);
    };
    const rows = grid!.rows.slice(header + 2).filter((r) => r[at('项目')]);

    const list = (
      await ok(s.w.app, s.cookies.viewer, {
        method: 'GET',
        url: `/api/regions/${s.w.regionA}/projects?month=2026-05&limit=200`,
      })
    ).json<{ items: ListItem[] }>();
    expect(rows.map((r) => r[at('项目')])).toEqual(list.items.map((i) => i.name));
    for (const item of list.items) {
      const row = rows.find((r) => r[at('项目')] === item.name)!;
      const num = (name: string) => (row[at(name)] === '' ? null : Number(row[at(name)]));
      expect(num('总投资')).toBe(item.totalInvestment);
      expect(num('年度计划')).toBe(item.figures.yearPlan);
      expect(num('累计')).toBeCloseTo(item.figures.yearToDate, 2);
      expect(num('完成率(%)')).toBe(item.figures.completion);
      const detail = (
        await ok(s.w.app, s.cookies.viewer, { method: 'GET', url: `/api/projects/${item.id}?month=2026-05` })
      ).json<{ reports: { month: string; investment: number }[] }>();
      for (let m = 1; m <= 12; m++) {
        const month = `2026-${String(m).padStart(2, '0')}`;
        const reported = detail.reports
          .filter((r) => r.month === month)
          .reduce((a, r) => a + r.investment, 0);
        expect(num(`${m}月`)).toBe(m <= 5 ? reported : null);
      }
    }
    const battery = rows.find((r) => r[at('项目')] === '新能源电池材料项目')!;
    expect(battery[at('形象进度')]).toBe('主体施工至三层');
    expect(battery[at('建设性质')]).toBe('续建');
  });

  it('refuses a malformed month at the edge and another region’s office', async () => {
    const bad = await send(s.w.app, s.cookies.office, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/projects.xlsx?month=2026-13`,
    });
    expect(bad.statusCode).toBe(400);
    const other = await send(s.w.app, s.cookies.officeB, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/projects.xlsx`,
    });
    expect(other.statusCode).toBe(403);
  });
});
