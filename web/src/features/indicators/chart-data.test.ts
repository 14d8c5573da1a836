import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../api/types';
import { chartSeries } from './chart-data';

const base = {
  measure: 'level',
  value: 200,
  cumulative: false,
  measurements: [
    { period: '2026-01', value: 10, note: '', status: 'confirmed', estimate: null },
    { period: '2026-02', value: 30, note: '', status: 'confirmed', estimate: null },
    { period: '2026-03', value: 99, note: '', status: 'reported', estimate: null },
  ],
} as unknown as Indicator;

describe('indicator chart lines', () => {
  it('sums single-period values of a level target into shares against 序时, confirmed values only', () => {
    expect(chartSeries(base)).toEqual({
      periods: ['2026-01', '2026-02'],
      actual: [5, 20],
      target: [100, 100],
      pace: [8.3, 16.7],
      asShare: true,
    });
  });
  it('draws a rate against its target without 序时', () => {
    const rate = { ...base, measure: 'growth', value: 6 } as Indicator;
    expect(chartSeries(rate)).toMatchObject({ actual: [10, 30], target: [6, 6], pace: [], asShare: false });
  });
});
