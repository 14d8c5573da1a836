import { describe, expect, it } from 'vitest';
import { isMeasurementPeriod, planPeriod, plansWindow } from './plans.js';

describe('planPeriod', () => {
  it.each([
    [2026, undefined, undefined, { start: '2026-01-01', end: '2026-12-31' }],
    [2026, '2026-03-01', undefined, { start: '2026-03-01', end: '2026-12-31' }],
    [2026, undefined, '2026-06-30', { start: '2026-01-01', end: '2026-06-30' }],
    [2026, '2026-05-01', '2026-05-01', { start: '2026-05-01', end: '2026-05-01' }],
    [2026, '2026-07-01', '2026-06-30', null],
    [2026, '2027-01-01', undefined, null],
  ])('year %s from %s to %s', (year, start, end, expected) => {
    expect(planPeriod(year, start, end)).toEqual(expected);
  });
});

describe('isMeasurementPeriod', () => {
  it.each([
    ['2025', true],
    ['2025-Q1', true],
    ['2025-03', true],
    ['2025-13', false],
    ['2025-Q5', false],
    ['25', false],
    ['2025年', false],
    ['', false],
  ])('%s → %s', (period, expected) => {
    expect(isMeasurementPeriod(period)).toBe(expected);
  });
});

describe('plansWindow', () => {
  const plan = (period_start: string, period_end: string) => ({ period_start, period_end });
  it('spans the earliest start to the latest end', () => {
    expect(
      plansWindow([plan('2026-03-01', '2026-12-31'), plan('2026-01-01', '2026-06-30')], '2026-05-01'),
    ).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });
  it('is the one day asOf with no plan', () => {
    expect(plansWindow([], '2026-05-01')).toEqual({ start: '2026-05-01', end: '2026-05-02' });
  });
});
