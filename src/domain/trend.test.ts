import { describe, expect, it } from 'vitest';
import { TREND_MONTHS, trendMonthEnds } from './trend.js';

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
