/**
 * Assessment (考核) through the API on both dialects: a scheme with both groups and a 一票否决 list, a
 * quarter walked 自评 → 初评 → 复核 → 公示 → 定等次, the automatic items linked to the ledger, bad input
 * refused without a trace, and a locked result changed only by a recorded correction.
 */
import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

interface Cell {
  indicatorId: string;
  code: string;
  score: number | null;
  source: string;
  self: { score: number | null; basis: string | null };
  first: { score: number | null };
  final: { score: number | null };
  links: { sourceKind: string; sourceId: string; effect: number }[];
  writable: boolean;
}
interface Sheet {
  version: number;
  total: number;
  rank: number | null;
  grade: string | null;
  vetoed: boolean;
  cells: Cell[];
}
interface Row {
  unitId: string;
  groupCode: string;
  total: number;
  rank: number;
  grade: string;
  vetoed: boolean;
}
interface Round {
  id: string;
  stage: string;
  version: number;
  rows: Row[] | null;
  objections: { id: string; reply: string | null }[];
  corrections: { toScore: number; reason: string }[];
}

describe.each(dialects)('assessment on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'leader', 'viewer', 'reporter1', 'reporter2', 'head2', 'officeB']);
  let schemeId = '';
  let roundId = '';
  let g5 = '';
  let g6 = '';

  const get = async <T>(cookie: string, url: string): Promise<T> =>
    (await ok(s.w.app, cookie, { method: 'GET', url })).json();
  const sheetUrl = (unit: string) => `/api/assessment-rounds/${roundId}/units/${unit}`;
  const sheet = (unit: string, cookie = s.cookies.office) => get<Sheet>(cookie, sheetUrl(unit));
  const round = (cookie = s.cookies.office) => get<Round>(cookie, `/api/assessment-rounds/${roundId}`);
  const score = (cookie: string, unit: string, payload: object, version?: number) =>
    send(s.w.app, cookie, {
      method: 'PUT',
      url: `${sheetUrl(unit)}/scores`,
      payload,
      ...(version !== undefined && { headers: { 'if-match': `"${version}"` } }),
    });
  const advance = () =>
    ok(s.w.app, s.cookies.office, { method: 'POST', url: `/api/assessment-rounds/${roundId}/advance` });

  it('the office sets up a scheme with both groups, the default automatic items and its own', async () => {
    const res = await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/assessment-schemes`,
      payload: {
        year: 2026,
        title: '2026年度改革工作考核方案',
        docNo: '测改办〔2026〕5号',
        vetoes: [{ code: 'V1', text: '发生重大安全生产责任事故', proposedBy: '区应急管理局' }],
      },
    });
    const scheme = res.json();
    schemeId = scheme.id;
    expect(scheme.groups.map((g: { name: string }) => g.name)).toEqual(['区直单位', '镇街']);
    expect(scheme.indicators.map((i: { code: string }) => i.code)).toEqual(['G1', 'G2', 'G3', 'G4', 'B1']);

    g5 = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${schemeId}/indicators`,
        payload: {
          code: 'G5',
          category: 'specific',
          name: '教育评价改革成效',
          points: 10,
          standard: '按改革成效评分，须写明依据',
          method: 'manual',
          scoringUnitId: s.w.units.dept1,
          groupCodes: ['department'],
        },
      })
    ).json().id;
    g6 = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${schemeId}/indicators`,
        payload: {
          code: 'G6',
          category: 'specific',
          name: '审批事项压减',
          points: 10,
          method: 'ratio',
          unitTargets: { [s.w.units.dept1]: 20 },
          measureUnit: '项',
        },
      })
    ).json().id;
  });

  it('refuses an indicator naming an unknown group or another region’s unit, and a taken code', async () => {
    const add = (payload: object) =>
      send(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${schemeId}/indicators`,
        payload,
      });
    const base = { category: 'common', name: '某指标', points: 5, method: 'manual' };
    expect((await add({ ...base, code: 'X1', groupCodes: ['nope'] })).json().error.reason).toBe(
      'assessment.unknown_group',
    );
    expect((await add({ ...base, code: 'X1', scoringUnitId: s.w.units.deptB })).json().error.reason).toBe(
      'unit.unknown',
    );
    expect((await add({ ...base, code: 'G5' })).json().error.reason).toBe('assessment.code_taken');
    const detail = await get<{ indicators: unknown[] }>(
      s.cookies.office,
      `/api/assessment-schemes/${schemeId}`,
    );
    expect(detail.indicators).toHaveLength(7);
  });

  it('opens a quarter with a sheet for each department and town, and links automatic points to the ledger', async () => {
    const notice = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/tasks/${s.w.tasks.dept2}/notices`,
        payload: { kind: 'supervise', body: '请加快进度' },
      })
    ).json();
    const bad = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-schemes/${schemeId}/rounds`,
      payload: { period: '2026-06' },
    });
    expect(bad.json().error.reason).toBe('assessment.period_quarter');
    roundId = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${schemeId}/rounds`,
        payload: { period: '2026-Q2' },
      })
    ).json().id;
    const r = await round();
    expect(r.stage).toBe('self');
    expect(r.rows!.map((x) => x.groupCode).sort()).toEqual(['department', 'department', 'town']);
    const g4 = (await sheet(s.w.units.dept2)).cells.find((c) => c.code === 'G4')!;
    expect(g4).toMatchObject({ score: 8, source: 'auto' });
    expect(g4.links).toEqual([
      expect.objectContaining({ sourceKind: 'notice', sourceId: notice.id, effect: -2 }),
    ]);
  });

  it('a unit self-assesses its own sheet; bad input changes nothing', async () => {
    const before = await sheet(s.w.units.dept2, s.cookies.reporter2);
    const okRes = await score(
      s.cookies.reporter2,
      s.w.units.dept2,
      { stage: 'self', items: [{ indicatorId: g5, score: 9, basis: '出台评价改革方案并试点' }] },
      before.version,
    );
    expect(okRes.statusCode).toBe(200);
    const after = okRes.json<Sheet>();
    expect(after.cells.find((c) => c.code === 'G5')!.self).toEqual({
      score: 9,
      basis: '出台评价改革方案并试点',
    });

    const cases: [object, number | undefined, number, string][] = [
      [
        { stage: 'self', items: [{ indicatorId: g5, score: 10.5, basis: '超出' }] },
        undefined,
        400,
        'assessment.score_above_cap',
      ],
      [
        { stage: 'self', items: [{ indicatorId: 'asi_nope', score: 1 }] },
        undefined,
        400,
        'assessment.unknown_indicator',
      ],
      [
        { stage: 'self', items: [{ indicatorId: g5, score: 8 }] },
        undefined,
        400,
        'assessment.basis_required',
      ],
      [
        { stage: 'first', items: [{ indicatorId: g5, score: 8, basis: '初评' }] },
        undefined,
        409,
        'assessment.stage_closed',
      ],
      [
        { stage: 'self', items: [{ indicatorId: g5, score: 7, basis: '旧表单' }] },
        before.version,
        412,
        'version.stale',
      ],
    ];
    for (const [payload, version, status, reason] of cases) {
      // The scoring unit (dept1) tries 初评 while 自评 is still open; the others are dept2's own.
      const who = status === 409 ? s.cookies.reporter1 : s.cookies.reporter2;
      const res = await score(who, s.w.units.dept2, payload, version);
      expect([res.statusCode, res.json().error?.reason]).toEqual([status, reason]);
    }
    const auto = (await sheet(s.w.units.dept2)).cells.find((c) => c.code === 'G1')!;
    const res = await score(s.cookies.office, s.w.units.dept2, {
      stage: 'self',
      items: [{ indicatorId: auto.indicatorId, score: 1 }],
    });
    expect(res.statusCode).toBe(403);
    expect((await sheet(s.w.units.dept2)).cells.find((c) => c.code === 'G5')!.self.score).toBe(9);
  });

  it('before 公示 no unit reads another’s self-assessment; the scoring unit sees only the cells it scores', async () => {
    expect(
      (await send(s.w.app, s.cookies.reporter2, { method: 'GET', url: sheetUrl(s.w.units.dept1) }))
        .statusCode,
    ).toBe(404);
    const seen = await sheet(s.w.units.dept2, s.cookies.reporter1);
    expect(seen.cells.map((c) => c.code)).toEqual(['G5']);
    expect(seen.rank).toBeNull();
    expect((await round(s.cookies.reporter2)).rows).toBeNull();
    expect(
      (await send(s.w.app, s.cookies.officeB, { method: 'GET', url: sheetUrl(s.w.units.dept2) })).statusCode,
    ).toBe(403);
    expect((await round(s.cookies.leader)).rows).toHaveLength(3);
  });

  it('walks 初评, 复核 with items approved by the office, 公示 with an answered objection, and 定等次', async () => {
    await score(s.cookies.reporter1, s.w.units.dept1, {
      stage: 'self',
      items: [
        { indicatorId: g5, score: 10, basis: '全部完成' },
        { indicatorId: g6, actual: 15 },
      ],
    });
    await advance();
    // The scoring unit (dept1) gives 初评 on G5 for dept2; dept2 may not.
    expect(
      (
        await score(s.cookies.reporter2, s.w.units.dept2, {
          stage: 'first',
          items: [{ indicatorId: g5, score: 10, basis: '自己' }],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await score(s.cookies.reporter1, s.w.units.dept2, {
          stage: 'first',
          items: [{ indicatorId: g5, score: 8, basis: '试点覆盖面不足' }],
        })
      ).statusCode,
    ).toBe(200);
    const bonus = (
      await ok(s.w.app, s.cookies.reporter2, {
        method: 'POST',
        url: `/api/assessment-rounds/${roundId}/adjustments`,
        payload: {
          unitId: s.w.units.dept2,
          kind: 'bonus',
          points: 5,
          reason: '上级考核第二名',
          evidence: '市考核通报',
        },
      })
    ).json();
    expect(bonus.status).toBe('proposed');
    await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-adjustments/${bonus.id}/decide`,
      payload: { approve: true },
    });
    const unknownVeto = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-rounds/${roundId}/adjustments`,
      payload: {
        unitId: s.w.units.town1,
        kind: 'veto',
        points: 0,
        reason: '事故',
        evidence: '通报',
        vetoCode: 'V9',
      },
    });
    expect(unknownVeto.json().error.reason).toBe('assessment.unknown_veto');
    await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-rounds/${roundId}/adjustments`,
      payload: {
        unitId: s.w.units.town1,
        kind: 'veto',
        points: 0,
        reason: '发生重大安全生产责任事故',
        evidence: '应急局通报',
        vetoCode: 'V1',
      },
    });
    await advance();
    await score(s.cookies.office, s.w.units.dept1, {
      stage: 'final',
      items: [{ indicatorId: g5, score: 9, basis: '复核' }],
    });
    await advance();

    let r = await round(s.cookies.reporter2);
    expect(r.stage).toBe('publicity');
    // From 公示 on every unit of the region sees the others' sheets.
    expect((await sheet(s.w.units.dept1, s.cookies.reporter2)).cells.length).toBeGreaterThan(1);
    const objection = (
      await ok(s.w.app, s.cookies.reporter2, {
        method: 'POST',
        url: `/api/assessment-rounds/${roundId}/objections`,
        payload: { unitId: s.w.units.dept2, indicatorId: g5, body: '试点已覆盖全部学校，请复核' },
      })
    ).json();
    const early = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-rounds/${roundId}/advance`,
    });
    expect(early.json().error.reason).toBe('assessment.objections_open');
    await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-objections/${objection.id}/reply`,
      payload: { reply: '经核实，覆盖率为八成，维持初评' },
    });
    await advance();

    r = await round(s.cookies.reporter2);
    expect(r.stage).toBe('finalized');
    expect(r.objections[0]!.reply).toBe('经核实，覆盖率为八成，维持初评');
    const rows = new Map(r.rows!.map((x) => [x.unitId, x]));
    const d2 = rows.get(s.w.units.dept2)!;
    // G1–G3 full (nothing due), G4 8, G5 8 (初评), G6 not assessed for dept2 → the 110 points kept scale to 120, +5 bonus.
    expect(d2.total).toBeCloseTo(Math.round((30 + 40 + 20 + 8 + 8) * (120 / 110) * 100) / 100 + 5, 2);
    const d1 = rows.get(s.w.units.dept1)!;
    expect(d1.total).toBeCloseTo(30 + 40 + 20 + 10 + 9 + 7.5, 2);
    expect([d1.rank, d2.rank].sort()).toEqual([1, 2]);
    expect(rows.get(s.w.units.town1)).toMatchObject({ rank: 1, vetoed: true, grade: 'fail' });
  });

  it('a locked result and its scheme refuse edits; a recorded correction changes the score', async () => {
    const detail = await get<{ version: number; locked: boolean }>(
      s.cookies.office,
      `/api/assessment-schemes/${schemeId}`,
    );
    expect(detail.locked).toBe(true);
    const patch = await send(s.w.app, s.cookies.office, {
      method: 'PATCH',
      url: `/api/assessment-schemes/${schemeId}`,
      headers: { 'if-match': `"${detail.version}"` },
      payload: { title: '改名' },
    });
    expect([patch.statusCode, patch.json().error.reason]).toEqual([409, 'assessment.scheme_locked']);
    const late = await score(s.cookies.office, s.w.units.dept2, {
      stage: 'final',
      items: [{ indicatorId: g5, score: 9, basis: '再改' }],
    });
    expect(late.json().error.reason).toBe('assessment.locked');
    const over = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-rounds/${roundId}/corrections`,
      payload: { unitId: s.w.units.dept2, indicatorId: g5, score: 11, reason: '误' },
    });
    expect(over.json().error.reason).toBe('assessment.score_above_cap');
    await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/assessment-rounds/${roundId}/corrections`,
      payload: { unitId: s.w.units.dept2, indicatorId: g5, score: 9, reason: '复查后认定覆盖率达九成' },
    });
    const r = await round();
    expect(r.corrections).toEqual([
      expect.objectContaining({
        toScore: 9,
        reason: '复查后认定覆盖率达九成',
        correctedBy: s.w.usernames.office,
      }),
    ]);
    expect((await sheet(s.w.units.dept2)).cells.find((c) => c.code === 'G5')!.score).toBe(9);
    // The frozen automatic cell keeps its link to the notice.
    const g4 = (await sheet(s.w.units.dept2, s.cookies.viewer)).cells.find((c) => c.code === 'G4')!;
    expect(g4.links[0]).toMatchObject({ sourceKind: 'notice', effect: -2 });
  });

  it('every step is in the audit log', async () => {
    const actions = await s.w.ctx.storage.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'assessment.%')
      .execute();
    const set = new Set(actions.map((a) => a.action));
    for (const a of [
      'assessment.scheme_create',
      'assessment.round_open',
      'assessment.score_self',
      'assessment.score_first',
      'assessment.score_final',
      'assessment.stage_publicity',
      'assessment.objection_reply',
      'assessment.stage_finalized',
      'assessment.correct',
    ])
      expect(set.has(a), a).toBe(true);
  });
});
