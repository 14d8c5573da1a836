import { describe, expect, it } from 'vitest';
import { rankUnits, scoreUnit, type Rankable, type UnitAssessmentInput } from './assessment.js';

// A department's 2025-Q1, assessed on 2025-04-10: three monthly reports due 02-05, 03-05, 04-05.
function unit(overrides: Partial<UnitAssessmentInput> = {}): UnitAssessmentInput {
  return {
    unitId: 'u1',
    unitKind: 'department',
    quarter: '2025-Q1',
    asOf: '2025-04-10',
    reports: [
      { period: '2025-01', submittedOn: '2025-02-03', rating: 5 },
      { period: '2025-02', submittedOn: '2025-03-05', rating: 5 },
      { period: '2025-03', submittedOn: '2025-04-01', rating: 5 },
    ],
    milestones: [{ dueDate: '2025-02-15', doneDate: '2025-02-15' }],
    notices: [],
    experiences: [],
    accountability: [],
    ...overrides,
  };
}

describe('scoreUnit', () => {
  it.each<[string, Partial<UnitAssessmentInput>, number, Partial<Record<string, number>>]>([
    ['perfect quarter', {}, 100, { timeliness: 30, milestones: 40, quality: 20, supervision: 10, bonus: 0 }],
    [
      'one late, one missing report',
      {
        reports: [
          { period: '2025-01', submittedOn: '2025-02-03' },
          { period: '2025-02', submittedOn: '2025-03-06' },
          { period: '2025-03', submittedOn: null },
        ],
      },
      85,
      { timeliness: 15, quality: 20 },
    ],
    [
      'report not yet due is left out, not missing',
      {
        asOf: '2025-04-05',
        reports: [
          { period: '2025-01', submittedOn: '2025-02-05' },
          { period: '2025-03', submittedOn: null },
        ],
      },
      100,
      { timeliness: 30 },
    ],
    [
      'reports of other quarters ignored',
      {
        reports: [
          { period: '2024-12', submittedOn: null },
          { period: '2025-04', submittedOn: null },
        ],
      },
      100,
      { timeliness: 30 },
    ],
    [
      'quarterly report of the quarter counts',
      { reports: [{ period: '2025-Q1', submittedOn: null }] },
      70,
      { timeliness: 0 },
    ],
    [
      'milestones: on time, late, open-overdue, open-not-due, other quarter',
      {
        asOf: '2025-03-25',
        reports: [],
        milestones: [
          { dueDate: '2025-01-10', doneDate: '2025-01-09' },
          { dueDate: '2025-02-10', doneDate: '2025-02-11' },
          { dueDate: '2025-03-01', doneDate: null },
          { dueDate: '2025-03-31', doneDate: null },
          { dueDate: '2025-04-02', doneDate: '2025-04-01' },
        ],
      },
      73.3,
      { milestones: 13.3 },
    ],
    [
      'nothing due scores full marks',
      { reports: [], milestones: [] },
      100,
      { timeliness: 30, milestones: 40, quality: 20 },
    ],
    [
      'quality is the mean rating',
      {
        reports: [
          { period: '2025-01', submittedOn: '2025-02-01', rating: 4 },
          { period: '2025-02', submittedOn: '2025-03-01', rating: 5 },
          { period: '2025-03', submittedOn: '2025-04-01', rating: null },
        ],
      },
      98,
      { quality: 18 },
    ],
    [
      'supervise −2, listed −5, reminders free',
      {
        notices: [
          { kind: 'reminder', issuedOn: '2025-01-05' },
          { kind: 'urge', issuedOn: '2025-01-06' },
          { kind: 'supervise', issuedOn: '2025-02-01' },
          { kind: 'listed', issuedOn: '2025-03-01' },
          { kind: 'listed', issuedOn: '2025-04-01' },
        ],
      },
      93,
      { supervision: 3 },
    ],
    [
      'supervision floors at 0',
      { notices: [1, 2, 3].map(() => ({ kind: 'listed' as const, issuedOn: '2025-02-01' })) },
      90,
      { supervision: 0 },
    ],
    [
      '容错免责 removes a notice deduction',
      { notices: [{ kind: 'listed', issuedOn: '2025-02-01', exempted: true }] },
      100,
      { supervision: 10 },
    ],
    [
      'experience bonus +2 each',
      {
        experiences: [
          { acceptedOn: '2025-01-20' },
          { acceptedOn: '2025-03-31' },
          { acceptedOn: '2025-04-01' },
        ],
      },
      104,
      { bonus: 4 },
    ],
    [
      'experience bonus capped at +6',
      { experiences: Array.from({ length: 5 }, () => ({ acceptedOn: '2025-02-01' })) },
      106,
      { bonus: 6 },
    ],
    [
      'accountability deduction per record',
      { accountability: [{ kind: 'matter', decidedOn: '2025-02-01', exempted: false, deduction: 3 }] },
      97,
      { accountability: -3 },
    ],
    [
      '容错免责 removes the accountability deduction',
      { accountability: [{ kind: 'person', decidedOn: '2025-02-01', exempted: true, deduction: 3 }] },
      100,
      { accountability: 0 },
    ],
  ])('%s', (_name, overrides, total, parts) => {
    const s = scoreUnit(unit(overrides));
    expect(s.total).toBe(total);
    expect(s.parts).toMatchObject(parts);
  });

  it('flags accountability other than 就事论事, unless exempted', () => {
    const s = scoreUnit(
      unit({
        accountability: [
          { kind: 'matter', decidedOn: '2025-01-10', exempted: false },
          { id: 'a2', kind: 'person', decidedOn: '2025-01-11', exempted: false },
          { kind: 'integrity', decidedOn: '2025-03-31', exempted: false },
          { kind: 'integrity', decidedOn: '2025-02-01', exempted: true },
          { kind: 'person', decidedOn: '2024-12-31', exempted: false },
        ],
      }),
    );
    expect(s.flags).toEqual([
      { kind: 'accountability', accountability: 'person', recordId: 'a2' },
      { kind: 'accountability', accountability: 'integrity' },
    ]);
    expect(s.total).toBe(100); // flagged, not deducted: no default deduction
    expect(s.basis.exemptions).toBe(1);
  });

  it('applies region rules', () => {
    const s = scoreUnit(
      unit({
        reports: [{ period: '2025-01', submittedOn: '2025-02-06', rating: 4 }],
        accountability: [{ kind: 'matter', decidedOn: '2025-01-10', exempted: false }],
      }),
      { lateReportCredit: 0, ratingMax: 5, accountabilityDeduction: 2 },
    );
    expect(s.parts).toMatchObject({ timeliness: 0, quality: 16, accountability: -2 });
    expect(s.total).toBe(64);
  });

  it('never goes below zero', () => {
    const s = scoreUnit(
      unit({
        reports: [],
        milestones: [],
        accountability: [{ kind: 'matter', decidedOn: '2025-01-10', exempted: false, deduction: 500 }],
      }),
    );
    expect(s.total).toBe(0);
  });

  it('parts add up to the total', () => {
    const s = scoreUnit(
      unit({
        asOf: '2025-03-25',
        milestones: [
          { dueDate: '2025-01-10', doneDate: '2025-01-09' },
          { dueDate: '2025-02-10', doneDate: null },
          { dueDate: '2025-03-01', doneDate: null },
        ],
      }),
    );
    const p = s.parts;
    expect(s.total).toBeCloseTo(
      p.timeliness + p.milestones + p.quality + p.supervision + p.bonus + p.accountability,
      10,
    );
    expect(s.parts.milestones).toBe(13.3);
  });
});

describe('rankUnits', () => {
  const scores: (Rankable & { name: string })[] = [
    { unitId: 'd1', unitKind: 'department', total: 90, name: '发改局' },
    { unitId: 't1', unitKind: 'town', total: 95, name: '城关镇' },
    { unitId: 'd2', unitKind: 'department', total: 98.5, name: '财政局' },
    { unitId: 'd3', unitKind: 'department', total: 90, name: '教育局' },
    { unitId: 'd4', unitKind: 'department', total: 80, name: '卫健局' },
    { unitId: 't2', unitKind: 'town', total: 96, name: '新区街道' },
    { unitId: 'o1', unitKind: 'office', total: 100, name: '改革办' },
  ];

  it('ranks departments and towns apart, ties share a rank', () => {
    expect(rankUnits(scores).map((r) => [r.group, r.unitId, r.rank, r.groupSize])).toEqual([
      ['department', 'd2', 1, 4],
      ['department', 'd1', 2, 4],
      ['department', 'd3', 2, 4],
      ['department', 'd4', 4, 4],
      ['town', 't2', 1, 2],
      ['town', 't1', 2, 2],
      ['other', 'o1', 1, 1],
    ]);
  });

  it('keeps the caller’s fields', () => {
    expect(rankUnits(scores)[0]?.name).toBe('财政局');
  });

  it('compares at one decimal', () => {
    const ranked = rankUnits([
      { unitId: 'a', unitKind: 'town', total: 90.04 },
      { unitId: 'b', unitKind: 'town', total: 90.01 },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('handles no units', () => {
    expect(rankUnits([])).toEqual([]);
  });
});
