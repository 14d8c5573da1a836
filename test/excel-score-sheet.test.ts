/**
 * 考核得分表 as .xlsx on both dialects: read back with the project's own reader, every unit, score, bonus,
 * deduction, total, rank, grade and 一票否决 equals the round's score table from the API; a unit gets the
 * file only once the results are published (公示), as the page shows them.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../src/documents/xlsx/workbook-reader.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';
import { XLSX_MIME } from './helpers/xlsx.js';

interface RoundOut {
  period: string;
  scheme: { title: string; groups: { code: string; name: string }[] };
  indicators: { id: string; code: string; name: string; points: number; groupCodes: string[] }[];
  rows:
    | {
        unitName: string;
        groupCode: string;
        cells: { indicatorId: string; score: number | null }[];
        bonus: number;
        deduction: number;
        total: number;
        rank: number;
        grade: string;
        vetoed: boolean;
        vetoes: { reason: string }[];
      }[]
    | null;
}

const GRADE: Readonly<Record<string, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

describe.each(dialects)('assessment score table as .xlsx on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'viewer', 'reporter2', 'officeB']);
  let roundId = '';
  const xlsx = (cookie: string) =>
    send(s.w.app, cookie, { method: 'GET', url: `/api/assessment-rounds/${roundId}/scores.xlsx` });
  const advance = () =>
    ok(s.w.app, s.cookies.office, { method: 'POST', url: `/api/assessment-rounds/${roundId}/advance` });
  const adjust = async (payload: object) => {
    const item = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-rounds/${roundId}/adjustments`,
        payload,
      })
    ).json<{ id: string; status: string }>();
    if (item.status === 'proposed')
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-adjustments/${item.id}/decide`,
        payload: { approve: true },
      });
  };

  it('is refused to a unit before 公示 and to another region, given to region-wide readers', async () => {
    const scheme = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/regions/${s.w.regionA}/assessment-schemes`,
        payload: {
          year: 2026,
          title: '2026年度全面深化改革工作考核方案',
          docNo: '测改办〔2026〕8号',
          vetoes: [{ code: 'V1', text: '发生重大安全生产责任事故', proposedBy: '区应急管理局' }],
        },
      })
    ).json<{ id: string }>();
    const g5 = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${scheme.id}/indicators`,
        payload: {
          code: 'G5',
          category: 'specific',
          name: '营商环境改革成效',
          points: 10,
          method: 'manual',
          groupCodes: ['department'],
        },
      })
    ).json<{ id: string }>().id;
    roundId = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${scheme.id}/rounds`,
        payload: { period: '2026-Q2' },
      })
    ).json<{ id: string }>().id;
    await ok(s.w.app, s.cookies.reporter2, {
      method: 'PUT',
      url: `/api/assessment-rounds/${roundId}/units/${s.w.units.dept2}/scores`,
      payload: { stage: 'self', items: [{ indicatorId: g5, score: 8.5, basis: '完成改革试点并形成经验' }] },
    });
    await advance();
    await adjust({
      unitId: s.w.units.dept2,
      kind: 'bonus',
      points: 1.5,
      reason: '改革经验获市级推广',
      evidence: '市委改革办简报',
    });
    await adjust({
      unitId: s.w.units.town1,
      kind: 'veto',
      points: 0,
      reason: '发生重大安全生产责任事故',
      evidence: '应急局通报',
      vetoCode: 'V1',
    });

    const early = await xlsx(s.cookies.reporter2);
    expect([early.statusCode, early.json<{ error: { reason: string } }>().error.reason]).toEqual([
      403,
      'assessment.results_hidden',
    ]);
    expect((await xlsx(s.cookies.officeB)).statusCode).toBe(403);
    const viewer = await xlsx(s.cookies.viewer);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.headers['content-type']).toContain(XLSX_MIME);
    expect(viewer.headers['content-disposition']).toContain('.xlsx');
  });

  it('holds every figure of the score table, group by group, once published', async () => {
    await advance();
    await advance();
    const res = await xlsx(s.cookies.reporter2);
    expect(res.statusCode).toBe(200);
    const round = (
      await ok(s.w.app, s.cookies.reporter2, { method: 'GET', url: `/api/assessment-rounds/${roundId}` })
    ).json<RoundOut>();
    const rows = round.rows!;
    expect(rows.length).toBeGreaterThanOrEqual(3);

    const [grid] = await readWorkbook(res.rawPayload);
    expect(grid!.rows[0]![0]).toBe('2026年度全面深化改革工作考核 2026年第二季度 得分表');
    const header = grid!.rows.findIndex((r) => r.includes('单位') && r.includes('等次'));
    const head = grid!.rows[header]!;
    const at = (name: string) => head.indexOf(name);
    const indicatorAt = (code: string) => head.findIndex((h) => h.startsWith(`${code} `));
    for (const ind of round.indicators)
      expect(head[indicatorAt(ind.code)]).toBe(`${ind.code} ${ind.name}\n(${ind.points}分)`);

    // The body: a band row per group, then its units numbered 1, 2 … in rank order.
    const body = grid!.rows.slice(header + 1);
    let group = '';
    const seen: string[] = [];
    const number = (v: string) => (v === '' ? null : Number(v));
    for (const line of body) {
      const band = round.scheme.groups.find((g) => line[0]!.startsWith(`${g.name}（`));
      if (band) {
        group = band.code;
        continue;
      }
      const row = rows.find((r) => r.unitName === line[at('单位')] && r.groupCode === group);
      expect(row, line.join('|')).toBeDefined();
      seen.push(row!.unitName);
      const members = rows.filter((r) => r.groupCode === group).sort((a, b) => a.rank - b.rank);
      expect(Number(line[at('序号')])).toBe(members.indexOf(row!) + 1);
      for (const ind of round.indicators) {
        const cell = line[indicatorAt(ind.code)]!;
        const applies = ind.groupCodes.length === 0 || ind.groupCodes.includes(group);
        if (!applies) expect(cell).toBe('—');
        else expect(number(cell)).toBe(row!.cells.find((c) => c.indicatorId === ind.id)?.score ?? null);
      }
      expect(Number(line[at('加分')])).toBe(row!.bonus);
      expect(Number(line[at('减分')])).toBe(row!.deduction);
      expect(Number(line[at('总分')])).toBe(row!.total);
      expect(Number(line[at('名次')])).toBe(row!.rank);
      const grade = GRADE[row!.grade]!;
      expect(line[at('等次')]).toBe(
        row!.vetoed ? `${grade}（一票否决：${row!.vetoes.map((v) => v.reason).join('；')}）` : grade,
      );
    }
    expect(seen.sort()).toEqual(rows.map((r) => r.unitName).sort());

    const dept2 = rows.find((r) => r.groupCode === 'department' && r.bonus === 1.5)!;
    expect(dept2.cells.some((c) => c.score === 8.5)).toBe(true);
    const vetoed = rows.filter((r) => r.vetoed);
    expect(vetoed).toHaveLength(1);
    expect(body.some((l) => l[at('等次')]!.includes('一票否决：发生重大安全生产责任事故'))).toBe(true);
  });
});
