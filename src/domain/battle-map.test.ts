import { describe, expect, it } from 'vitest';
import { compareUnitStanding, isRankedUnit, TREND_MONTHS, trendMonthEnds } from './battle-map.js';
import { rollUp } from './rollup.js';
import type { TaskStatus } from './task-status.js';

const units = (...statuses: [TaskStatus, number][]) =>
  rollUp(statuses.map(([status, progress]) => ({ status, progress })));

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
