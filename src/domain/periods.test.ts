import { describe, expect, it } from 'vitest';
import {
  cadenceOf,
  comparePeriods,
  isPeriodKey,
  isReportOverdue,
  lastDuePeriod,
  nextPeriod,
  periodLabel,
  periodOf,
  periodRange,
  periodsBetween,
  previousPeriod,
  reportDueDate,
} from './periods.js';

describe('periodOf', () => {
  it.each([
    ['monthly', '2025-03-15', '2025-03'],
    ['monthly', '2025-12-31', '2025-12'],
    ['monthly', '2024-02-29', '2024-02'],
    ['quarterly', '2025-01-01', '2025-Q1'],
    ['quarterly', '2025-03-31', '2025-Q1'],
    ['quarterly', '2025-04-01', '2025-Q2'],
    ['quarterly', '2025-09-30', '2025-Q3'],
    ['quarterly', '2024-12-31', '2024-Q4'],
  ] as const)('%s %s → %s', (cadence, date, key) => {
    expect(periodOf(cadence, date)).toBe(key);
  });
});

describe('periodRange and reportDueDate', () => {
  it.each([
    ['2025-03', '2025-03-01', '2025-03-31', '2025-04-05'],
    ['2024-02', '2024-02-01', '2024-02-29', '2024-03-05'],
    ['2025-02', '2025-02-01', '2025-02-28', '2025-03-05'],
    ['2024-12', '2024-12-01', '2024-12-31', '2025-01-05'],
    ['2025-Q1', '2025-01-01', '2025-03-31', '2025-04-05'],
    ['2025-Q2', '2025-04-01', '2025-06-30', '2025-07-05'],
    ['2024-Q4', '2024-10-01', '2024-12-31', '2025-01-05'],
  ])('%s: %s..%s, due %s', (key, start, end, due) => {
    expect(periodRange(key)).toEqual({ start, end });
    expect(reportDueDate(key)).toBe(due);
  });

  it('takes a custom grace', () => {
    expect(reportDueDate('2025-03', 10)).toBe('2025-04-10');
    expect(reportDueDate('2025-03', 0)).toBe('2025-03-31');
  });
});

describe('isReportOverdue', () => {
  it.each([
    ['2025-03', '2025-04-05', false], // due day itself is still on time
    ['2025-03', '2025-04-06', true],
    ['2024-Q4', '2025-01-05', false],
    ['2024-Q4', '2025-01-06', true],
  ])('%s on %s → %s', (key, today, overdue) => {
    expect(isReportOverdue(key, today)).toBe(overdue);
  });
});

describe('previousPeriod / nextPeriod', () => {
  it.each([
    ['2025-03', '2025-02', '2025-04'],
    ['2025-01', '2024-12', '2025-02'],
    ['2025-12', '2025-11', '2026-01'],
    ['2025-Q1', '2024-Q4', '2025-Q2'],
    ['2025-Q4', '2025-Q3', '2026-Q1'],
  ])('%s: prev %s, next %s', (key, prev, next) => {
    expect(previousPeriod(key)).toBe(prev);
    expect(nextPeriod(key)).toBe(next);
  });
});

describe('periodsBetween', () => {
  it.each([
    ['monthly', '2024-11-15', '2025-02-01', ['2024-11', '2024-12', '2025-01', '2025-02']],
    ['monthly', '2025-03-01', '2025-03-31', ['2025-03']],
    ['monthly', '2025-04-01', '2025-03-31', []],
    ['quarterly', '2024-08-01', '2025-04-01', ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']],
    ['quarterly', '2024-11', '2025-02', ['2024-Q4', '2025-Q1']], // keys stand for their range
    ['monthly', '2024-Q4', '2025-01', ['2024-10', '2024-11', '2024-12', '2025-01']],
  ] as const)('%s %s..%s', (cadence, from, to, expected) => {
    expect(periodsBetween(cadence, from, to)).toEqual(expected);
  });
});

describe('lastDuePeriod', () => {
  it.each([
    ['monthly', '2025-04-05', '2025-02'], // March report due today: not yet missing
    ['monthly', '2025-04-06', '2025-03'],
    ['monthly', '2025-04-30', '2025-03'],
    ['monthly', '2025-01-06', '2024-12'],
    ['monthly', '2024-03-06', '2024-02'],
    ['quarterly', '2025-01-05', '2024-Q3'],
    ['quarterly', '2025-01-06', '2024-Q4'],
    ['quarterly', '2025-03-31', '2024-Q4'],
  ] as const)('%s on %s → %s', (cadence, today, expected) => {
    expect(lastDuePeriod(cadence, today)).toBe(expected);
  });

  it('walks back over several periods when the grace is long', () => {
    expect(lastDuePeriod('monthly', '2025-04-06', 40)).toBe('2025-01');
  });

  it('is null when that period ended before notBefore', () => {
    expect(lastDuePeriod('monthly', '2025-04-06', 5, '2025-04-01')).toBeNull();
    expect(lastDuePeriod('monthly', '2025-04-06', 5, '2025-03-31')).toBe('2025-03');
  });
});

describe('isPeriodKey / cadenceOf / labels', () => {
  it.each([
    ['2025-03', true],
    ['2025-12', true],
    ['2025-Q1', true],
    ['2025-Q4', true],
    ['2025-13', false],
    ['2025-00', false],
    ['2025-Q5', false],
    ['2025-3', false],
    ['2025-03-01', false],
    ['2025q1', false],
  ])('%s → %s', (s, ok) => {
    expect(isPeriodKey(s)).toBe(ok);
  });

  it.each([
    ['2025-03', 'monthly', '2025年3月', 'Mar 2025'],
    ['2025-12', 'monthly', '2025年12月', 'Dec 2025'],
    ['2025-Q1', 'quarterly', '2025年第一季度', 'Q1 2025'],
    ['2024-Q4', 'quarterly', '2024年第四季度', 'Q4 2024'],
  ])('%s', (key, cadence, zh, en) => {
    expect(cadenceOf(key)).toBe(cadence);
    expect(periodLabel(key, 'zh')).toBe(zh);
    expect(periodLabel(key, 'en')).toBe(en);
  });

  it('throws on a bad key', () => {
    expect(() => periodRange('2025-13')).toThrow(RangeError);
  });

  it('compares periods, also across cadences', () => {
    expect(['2025-01', '2024-12', '2025-10'].sort(comparePeriods)).toEqual(['2024-12', '2025-01', '2025-10']);
    expect(comparePeriods('2025-Q1', '2025-02')).toBeLessThan(0);
    expect(comparePeriods('2025-01', '2025-Q1')).toBe(0);
  });
});
