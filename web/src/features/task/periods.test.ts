import { describe, expect, it } from 'vitest';
import { periodOf, recentPeriods } from './periods';

describe('reporting periods', () => {
  it('uses Beijing time', () => {
    expect(periodOf(new Date('2026-10-31T17:00:00Z'))).toBe('2026-11');
  });
  it('lists recent periods across a year end', () => {
    expect(recentPeriods(new Date('2026-02-10T00:00:00Z'))).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
