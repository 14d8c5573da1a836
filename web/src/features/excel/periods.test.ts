import { describe, expect, it } from 'vitest';
import { recentPeriods } from './periods';

describe('recentPeriods', () => {
  it('goes back across the new year, in China time', () => {
    expect(recentPeriods(new Date('2026-02-10T00:00:00Z'))).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
      '2025-10',
      '2025-09',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
    ]);
    expect(recentPeriods(new Date('2026-06-30T17:00:00Z'))[0]).toBe('2026-07');
  });
});
