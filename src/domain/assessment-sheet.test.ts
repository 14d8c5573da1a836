import { describe, expect, it } from 'vitest';
import { autoScore, type LedgerEvent } from './assessment-auto.js';
import {
  computeSheet,
  DEFAULT_GRADE_BANDS,
  gradeOf,
  rankAndGrade,
  type SheetIndicator,
  type SheetInput,
} from './assessment-sheet.js';
import { isPublished, mayWriteColumn, nextStage } from './assessment-workflow.js';

const ev = (kind: LedgerEvent['kind'], sourceId: string, points: number | null = null): LedgerEvent => ({
  kind,
  unitId: 'u1',
  sourceKind: kind.startsWith('milestone')
    ? 'milestone'
    : kind === 'report_on_time' || kind === 'report_late' || kind === 'report_rating'
      ? 'report'
      : 'notice',
  sourceId,
  date: '2026-02-10',
  points,
});

describe('autoScore', () => {
  it.each<[string, Parameters<typeof autoScore>[0], number, LedgerEvent[], number, number]>([
    ['timeliness: nothing due is full marks', 'timeliness', 30, [], 30, 0],
    [
      'timeliness: on time, late, missing',
      'timeliness',
      30,
      [ev('report_on_time', 'r1'), ev('report_late', 'r2'), ev('report_missing', 'n1')],
      15,
      3,
    ],
    [
      'milestones: one of two on time',
      'milestones',
      40,
      [ev('milestone_on_time', 'm1'), ev('milestone_late', 'm2')],
      20,
      2,
    ],
    [
      'quality: mean rating',
      'quality',
      20,
      [ev('report_rating', 'r1', 5), ev('report_rating', 'r2', 3)],
      16,
      2,
    ],
    ['quality: unrated is full marks', 'quality', 20, [], 20, 0],
    [
      'supervision: −2 per 督办, −5 per 挂牌',
      'supervision',
      10,
      [ev('supervise', 'n1'), ev('listed', 'n2')],
      3,
      2,
    ],
    [
      'supervision: floor 0',
      'supervision',
      10,
      [ev('listed', 'n1'), ev('listed', 'n2'), ev('listed', 'n3')],
      0,
      3,
    ],
  ])('%s', (_name, kind, points, events, score, links) => {
    const got = autoScore(kind, points, events, [], []);
    expect(got.score).toBe(score);
    expect(got.basis).toHaveLength(links);
  });

  it('an exemption removes the deduction it names and leaves its note in the basis', () => {
    const got = autoScore(
      'supervision',
      10,
      [ev('supervise', 'n1'), ev('listed', 'n2')],
      [{ unitId: 'u1', sourceKind: 'notice', sourceId: 'n2', note: '容错免责：先行先试' }],
      [],
    );
    expect(got.score).toBe(8);
    expect(got.basis.find((b) => b.sourceId === 'n2')).toMatchObject({
      exempted: true,
      effect: 0,
      note: '容错免责：先行先试',
    });
  });

  it('experience: +2 each, at most +6, each linked', () => {
    const xs = ['x1', 'x2', 'x3', 'x4'].map((id) => ({
      unitId: 'u1',
      experienceId: id,
      acceptedAt: '2026-02-01T00:00:00Z',
    }));
    const got = autoScore('experience', 6, [], [], xs);
    expect(got.score).toBe(6);
    expect(got.basis.map((b) => b.effect)).toEqual([2, 2, 2, 0]);
  });
});

const manual = (
  id: string,
  points: number,
  category: SheetIndicator['category'] = 'common',
): SheetIndicator => ({
  id,
  category,
  auto: null,
  rule: { method: 'manual', points, params: {} },
});

function sheet(over: Partial<SheetInput>): SheetInput {
  return {
    unitId: 'u1',
    indicators: [],
    cells: {},
    events: [],
    exemptions: [],
    experiences: [],
    adjustments: [],
    ...over,
  };
}

describe('computeSheet', () => {
  it('takes the latest stage’s score and adds bonuses and deductions', () => {
    const s = computeSheet(
      sheet({
        indicators: [manual('g1', 60), manual('g2', 40)],
        cells: { g1: { self: 60, first: 55 }, g2: { self: 40, first: 38, final: 35 } },
        adjustments: [
          { id: 'a1', kind: 'bonus', points: 10, reason: '上级考核第一' },
          { id: 'a2', kind: 'deduction', points: 3, reason: '通报批评' },
        ],
      }),
    );
    expect(s.cells.map((c) => [c.score, c.source])).toEqual([
      [55, 'first'],
      [35, 'final'],
    ]);
    expect(s.itemsTotal).toBe(90);
    expect(s.total).toBe(97);
  });

  it('may exceed the base', () => {
    const s = computeSheet(
      sheet({
        indicators: [manual('g1', 100)],
        cells: { g1: { final: 100 } },
        adjustments: [{ id: 'a', kind: 'bonus', points: 10, reason: '' }],
      }),
    );
    expect(s.total).toBe(110);
  });

  it('an item without a target for the unit drops out and the rest scale', () => {
    const ratio: SheetIndicator = {
      id: 'g2',
      category: 'specific',
      auto: null,
      rule: { method: 'ratio', points: 20, params: {} },
      target: null,
    };
    const s = computeSheet(sheet({ indicators: [manual('g1', 80), ratio], cells: { g1: { final: 72 } } }));
    expect(s.cells[1]!.score).toBeNull();
    expect(s.itemsTotal).toBe(90);
  });

  it('computes a measured item by its method', () => {
    const ratio: SheetIndicator = {
      id: 'g2',
      category: 'specific',
      auto: null,
      rule: { method: 'ratio', points: 20, params: {} },
      target: 200,
    };
    const s = computeSheet(sheet({ indicators: [ratio], cells: { g2: { measured: { actual: 150 } } } }));
    expect(s.cells[0]).toMatchObject({ score: 15, source: 'computed' });
  });

  it('an exempted deduction item is kept visible with its note but deducts nothing', () => {
    const s = computeSheet(
      sheet({
        indicators: [manual('g1', 100)],
        cells: { g1: { final: 90 } },
        adjustments: [{ id: 'a2', kind: 'deduction', points: 5, reason: '通报批评' }],
        exemptions: [{ unitId: 'u1', sourceKind: 'assessment_item', sourceId: 'a2', note: '容错免责' }],
      }),
    );
    expect(s.total).toBe(90);
    expect(s.adjustmentBasis[0]).toMatchObject({ exempted: true, note: '容错免责' });
  });

  it('a 一票否决 keeps the score and flags the sheet', () => {
    const s = computeSheet(
      sheet({
        indicators: [manual('g1', 100)],
        cells: { g1: { final: 95 } },
        adjustments: [{ id: 'v', kind: 'veto', points: 0, reason: '安全生产' }],
      }),
    );
    expect([s.total, s.vetoed]).toEqual([95, true]);
  });

  it('the experience bonus sits among the 综合加减分 items', () => {
    const bonus: SheetIndicator = {
      id: 'b1',
      category: 'adjustment',
      auto: 'experience',
      rule: { method: 'manual', points: 6, params: {} },
    };
    const s = computeSheet(
      sheet({
        indicators: [manual('g1', 100), bonus],
        cells: { g1: { final: 80 } },
        experiences: [{ unitId: 'u1', experienceId: 'x', acceptedAt: '2026-02-01' }],
      }),
    );
    expect([s.itemsTotal, s.bonus, s.total]).toEqual([80, 2, 82]);
  });
});

describe('rankAndGrade', () => {
  it('ranks within each group, ties share a rank (1, 1, 3)', () => {
    const out = rankAndGrade(
      [
        { unitId: 'a', group: 'dept', total: 92, vetoed: false },
        { unitId: 'b', group: 'dept', total: 92, vetoed: false },
        { unitId: 'c', group: 'dept', total: 85, vetoed: false },
        { unitId: 't', group: 'town', total: 70, vetoed: false },
      ],
      DEFAULT_GRADE_BANDS,
    );
    expect(out.map((r) => [r.unitId, r.rank, r.groupSize, r.grade])).toEqual([
      ['a', 1, 3, 'excellent'],
      ['b', 1, 3, 'excellent'],
      ['c', 3, 3, 'good'],
      ['t', 1, 1, 'pass'],
    ]);
  });

  it.each<[string, number, number, boolean, string]>([
    ['90 以上 includes the bound', 90, 1, false, 'excellent'],
    ['just below 90', 89.99, 1, false, 'good'],
    ['60 以下 excludes the bound', 59.99, 1, false, 'fail'],
    ['优秀 only within the top 2', 95, 3, false, 'good'],
    ['一票否决 forces the lowest grade', 99, 1, true, 'fail'],
  ])('%s', (_name, total, rank, vetoed, grade) => {
    const bands = [{ grade: 'excellent' as const, min: 90, topN: 2 }, ...DEFAULT_GRADE_BANDS.slice(1)];
    expect(gradeOf(total, rank, vetoed, bands)).toBe(grade);
  });
});

describe('workflow', () => {
  it('walks 自评 → 初评 → 复核 → 公示 → 定等次 and stops', () => {
    const seen: (string | null)[] = ['self'];
    let s = nextStage('self');
    while (s) {
      seen.push(s);
      s = nextStage(s);
    }
    expect(seen).toEqual(['self', 'first', 'final', 'publicity', 'finalized']);
  });
  it('opens each column only in its stage and publishes from 公示', () => {
    expect([
      mayWriteColumn('self', 'self'),
      mayWriteColumn('first', 'self'),
      isPublished('final'),
      isPublished('publicity'),
    ]).toEqual([true, false, false, true]);
  });
});
