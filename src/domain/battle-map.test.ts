import { describe, expect, it } from 'vitest';
import { compareUnitStanding, isRankedUnit, TREND_MONTHS, trendMonthEnds } from './battle-map.js';
import { rollUp } from './rollup.js';
import type { TaskStatus } from './task-status.js';

let n = 0;
const units = (...statuses: [TaskStatus, number][]) => ({
  name: `单位${++n}`,
  rollUp: rollUp(statuses.map(([status, progress]) => ({ status, progress }))),
});

describe('the units the battle map ranks', () => {
  it.each([
    ['department', true],
    ['town', true],
    ['office', false],
    ['other', false],
  ] as const)('%s → %s', (kind, ranked) => {
    expect(isRankedUnit(kind)).toBe(ranked);
  });

  it('puts red before yellow before the least progress', () => {
    const twoRed = units(['delayed', 10], ['delayed', 10]);
    const oneRedTwoYellow = units(['delayed', 10], ['at_risk', 10], ['at_risk', 10]);
    const oneRedOneYellow = units(['delayed', 10], ['at_risk', 50]);
    const oneRedOneYellowSlow = units(['delayed', 10], ['at_risk', 20]);
    const sorted = [oneRedOneYellow, twoRed, oneRedOneYellowSlow, oneRedTwoYellow].sort(compareUnitStanding);
    expect(sorted).toEqual([twoRed, oneRedTwoYellow, oneRedOneYellowSlow, oneRedOneYellow]);
  });

  it('never puts a town at 0 % with nothing red or yellow above one with red or yellow', () => {
    const notYetDue = { ...units(['not_started', 0], ['not_started', 0]), name: '东简街道' };
    const oneYellow = { ...units(['at_risk', 40], ['on_track', 80]), name: '民安街道' };
    const oneRed = { ...units(['delayed', 90], ['on_track', 95]), name: '硇洲镇' };
    const onTrack = { ...units(['on_track', 30]), name: '东山街道' };
    expect([notYetDue, onTrack, oneYellow, oneRed].sort(compareUnitStanding).map((u) => u.name)).toEqual([
      '硇洲镇',
      '民安街道',
      '东简街道',
      '东山街道',
    ]);
  });

  it('keeps units that stand equal in the order of their names', () => {
    const a = { ...units(['on_track', 50]), name: '乙单位' };
    const b = { ...units(['on_track', 50]), name: '甲单位' };
    expect([a, b].sort(compareUnitStanding)).toEqual(
      [...[a, b]].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN')),
    );
  });
});

describe('trendMonthEnds', () => {
  it('ends each past month on its last day and the current month today, across a year', () => {
    expect(trendMonthEnds('2026-02-10', 3)).toEqual([
      { month: '2025-12', date: '2025-12-31' },
      { month: '2026-01', date: '2026-01-31' },
      { month: '2026-02', date: '2026-02-10' },
    ]);
  });

  it('knows leap years and covers six months by default', () => {
    const ends = trendMonthEnds('2024-07-01');
    expect(ends).toHaveLength(TREND_MONTHS);
    expect(ends[0]).toEqual({ month: '2024-02', date: '2024-02-29' });
    expect(ends.at(-1)).toEqual({ month: '2024-07', date: '2024-07-01' });
  });
});
