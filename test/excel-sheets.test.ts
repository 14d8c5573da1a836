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

interface IndicatorOut {
  id: string;
  indicator: string;
  unit: string;
  measurements: { period: string; value: number; status: string }[];
  result: { elapsed: number; text: string };
}

describe.each(dialects)('indicator table on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2', 'viewer']);

  async function target(body: Record<string, unknown>, values: [string, number][]) {
    const id = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/plans/${s.w.planId}/targets`,
        payload: { unitId: s.w.units.dept2, ...body },
      })
    ).json<{ id: string }>().id;
    for (const [period, value] of values) {
      await ok(s.w.app, s.cookies.reporter2, {
        method: 'POST',
        url: `/api/targets/${id}/values`,
        payload: { period, value },
      });
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/targets/${id}/values/confirm`,
        payload: { period, value },
      });
    }
    return id;
  }

  it('holds each indicator’s confirmed months, 序时 and status as the indicator page gives them', async () => {
    await target(
      { indicator: '固定资产投资额', measure: 'level', comparator: '>=', value: 120, unit: '亿元' },
      [
        ['2026-02', 18.5],
        ['2026-04', 41],
        ['2026-05', 52.25],
      ],
    );
    await target(
      {
        indicator: '城镇调查失业率',
        measure: 'share',
        comparator: '<=',
        value: 5.5,
        unit: '%',
        cadence: 'quarterly',
      },
      [['2026-Q1', 5.1]],
    );
    // A reported figure the office has not confirmed is not in the table, as the page does not judge on it.
    const reportedOnly = await target(
      { indicator: '社会消费品零售总额', measure: 'level', comparator: '>=', value: 300, unit: '亿元' },
      [],
    );
    await ok(s.w.app, s.cookies.reporter2, {
      method: 'POST',
      url: `/api/targets/${reportedOnly}/values`,
      payload: { period: '2026-03', value: 70 },
    });

    const res = await send(s.w.app, s.cookies.viewer, {
      method: 'GET',
      url: `/api/plans/${s.w.planId}/indicators.xlsx?asOf=2026-05`,
    });
    expect(res.statusCode).toBe(200);
    const [grid] = await readWorkbook(res.rawPayload);
    const header = grid!.rows.findIndex((r) => r.includes('指标') && r.includes('状态'));
    const sub = grid!.rows[header + 1]!;
    const at = (name: string) => {
      const c = grid!.rows[header]!.indexOf(name);
      return c >= 0 ? c : sub.indexOf(name);
    };
    const rows = grid!.rows.slice(header + 2).filter((r) => r[at('指标')]);
    const page = (
      await ok(s.w.app, s.cookies.viewer, {
        method: 'GET',
        url: `/api/plans/${s.w.planId}/indicators?asOf=2026-05`,
      })
    ).json<{ indicators: IndicatorOut[] }>().indicators;
    expect(rows.map((r) => r[at('指标')])).toEqual(page.map((i) => i.indicator));
    const endMonth = (p: string) => (p.includes('Q') ? Number(p.slice(6)) * 3 : Number(p.slice(5)));
    for (const ind of page) {
      const row = rows.find((r) => r[at('指标')] === ind.indicator)!;
      expect(row[at('单位')]).toBe(ind.unit);
      expect(Number(row[at('序时(%)')])).toBe(ind.result.elapsed);
      expect(row[at('状态')]).toBe(ind.result.text);
      for (let m = 1; m <= 12; m++) {
        const v = ind.measurements.find(
          (x) => x.status === 'confirmed' && endMonth(x.period) === m && m <= 5,
        );
        expect(row[at(`${m}月`)] === '' ? null : Number(row[at(`${m}月`)])).toBe(v ? v.value : null);
      }
    }
    const invest = rows.find((r) => r[at('指标')] === '固定资产投资额')!;
    expect(invest[at('年度目标')]).toBe('≥120');
    expect(invest[at('5月')]).toBe('52.25');
    expect(rows.find((r) => r[at('指标')] === '城镇调查失业率')![at('3月')]).toBe('5.1');
    expect(rows.find((r) => r[at('指标')] === '社会消费品零售总额')![at('3月')]).toBe('');
  });
});
