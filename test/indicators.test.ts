import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// The world's clock stands at 2026-06-15: June is this month, July the future.

interface Measurement {
  period: string;
  value: number;
  status: string;
  estimate: number | null;
}
interface Indicator {
  id: string;
  indicator: string;
  result: { status: string; gap: number; text: string; completion: number | null };
  measurements: Measurement[];
  can: { reportValue: boolean; confirmValue: boolean };
}
interface Summary {
  indicators: { counts: { total: number; behind: number; onPace: number }; laggards: { targetId: string }[] };
}

describe.each(dialects)('indicators on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2', 'reporter1', 'officeB']);

  async function newTarget(body: Record<string, unknown>): Promise<string> {
    const res = await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/plans/${s.w.planId}/targets`,
      payload: { unitId: s.w.units.dept2, ...body },
    });
    return res.json<{ id: string }>().id;
  }
  const page = async (cookie: string, asOf = '2026-06') =>
    (
      await ok(s.w.app, cookie, { method: 'GET', url: `/api/plans/${s.w.planId}/indicators?asOf=${asOf}` })
    ).json<{
      indicators: Indicator[];
    }>().indicators;
  const report = (cookie: string, id: string, payload: Record<string, unknown>) =>
    send(s.w.app, cookie, { method: 'POST', url: `/api/targets/${id}/values`, payload });
  const confirm = (cookie: string, id: string, payload: Record<string, unknown>) =>
    send(s.w.app, cookie, { method: 'POST', url: `/api/targets/${id}/values/confirm`, payload });

  it('a unit reports, the office confirms with the statistics bureau’s figure, both kept, and the status follows', async () => {
    const id = await newTarget({
      indicator: '固定资产投资额',
      measure: 'level',
      comparator: '>=',
      value: 120,
      unit: '亿元',
    });
    expect(
      (await report(s.cookies.reporter2, id, { period: '2026-05', value: 50, unit: '亿元' })).statusCode,
    ).toBe(200);
    // A reported figure alone is not the record: the page still judges on confirmed figures only.
    let mine = (await page(s.cookies.reporter2)).find((i) => i.id === id)!;
    expect(mine.result.status).toBe('no_data');
    expect(mine.can).toEqual({ reportValue: true, confirmValue: false });
    const confirmed = await confirm(s.cookies.office, id, { period: '2026-05', value: 48 });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<Measurement[]>()).toMatchObject([
      { period: '2026-05', value: 48, estimate: 50, status: 'confirmed' },
    ]);
    mine = (await page(s.cookies.office, '2026-05')).find((i) => i.id === id)!;
    // 48 / 120 = 40% against 序时 41.7%.
    expect(mine.result).toMatchObject({
      status: 'behind',
      completion: 40,
      gap: 1.7,
      text: '低于序时进度 1.7 个百分点',
    });
    // Confirmed is final for the unit.
    const again = await report(s.cookies.reporter2, id, { period: '2026-05', value: 60 });
    expect([again.statusCode, again.json().error.reason]).toEqual([409, 'measurement.confirmed']);
  });

  it('refuses bad figures and changes nothing', async () => {
    const id = await newTarget({
      indicator: '城镇调查失业率',
      measure: 'share',
      comparator: '<=',
      value: 5.5,
      unit: '%',
    });
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['wrong unit', { period: '2026-05', value: 5, unit: '万人' }, 400, 'measurement.unit_mismatch'],
      ['a month in the future', { period: '2026-07', value: 5 }, 400, 'measurement.period_future'],
      [
        'a quarter for a monthly indicator',
        { period: '2026-Q1', value: 5 },
        400,
        'measurement.wrong_cadence',
      ],
      ['a malformed period', { period: '2026-13', value: 5 }, 400, 'measurement.period_malformed'],
    ];
    for (const [what, body, status, reason] of cases) {
      const res = await report(s.cookies.reporter2, id, body);
      expect([what, res.statusCode, res.json().error.reason]).toEqual([what, status, reason]);
    }
    const nothing = await confirm(s.cookies.office, id, { period: '2026-04' });
    expect(nothing.json().error.reason).toBe('measurement.not_reported');
    expect((await page(s.cookies.office)).find((i) => i.id === id)!.measurements).toEqual([]);
  });

  it('lets only the responsible unit report, and keeps other regions out', async () => {
    const id = await newTarget({
      indicator: '新增市场主体',
      measure: 'count',
      comparator: '>=',
      value: 1000,
      unit: '户',
    });
    expect((await report(s.cookies.reporter1, id, { period: '2026-05', value: 10 })).statusCode).toBe(403);
    expect((await report(s.cookies.office, id, { period: '2026-05', value: 10 })).statusCode).toBe(403);
    expect((await report(s.cookies.officeB, id, { period: '2026-05', value: 10 })).statusCode).toBe(403);
    expect((await confirm(s.cookies.reporter2, id, { period: '2026-05' })).statusCode).toBe(403);
  });

  it('the summary counts the region’s indicators and names the laggards', async () => {
    const id = await newTarget({
      indicator: '一般公共预算收入增长',
      measure: 'growth',
      comparator: '>=',
      value: 8,
      unit: '%',
    });
    await report(s.cookies.reporter2, id, { period: '2026-06', value: 6.5 });
    await confirm(s.cookies.office, id, { period: '2026-06' });
    const summary = (
      await ok(s.w.app, s.cookies.reporter1, {
        method: 'GET',
        url: `/api/regions/${s.w.regionA}/progress-summary?month=2026-06`,
      })
    ).json<Summary>();
    expect(summary.indicators.counts.total).toBeGreaterThanOrEqual(1);
    expect(summary.indicators.laggards.map((l) => l.targetId)).toContain(id);
    const other = await send(s.w.app, s.cookies.officeB, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/progress-summary`,
    });
    expect(other.statusCode).toBe(403);
  });
});
