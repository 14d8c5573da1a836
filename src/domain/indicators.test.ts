import { describe, expect, it } from 'vitest';
import {
  countIndicators,
  indicatorStatus,
  indicatorStatusText,
  indicatorWording,
  isRateMeasure,
  periodElapsed,
  periodFitsCadence,
  periodStartDate,
  type IndicatorResult,
  type IndicatorTarget,
} from './indicators.js';

const growth: IndicatorTarget = {
  measure: 'growth',
  comparator: '~',
  value: 6,
  cadence: 'monthly',
  cumulative: true,
};
const level: IndicatorTarget = {
  measure: 'level',
  comparator: '>=',
  value: 1200,
  cadence: 'monthly',
  cumulative: true,
};
const cap: IndicatorTarget = {
  measure: 'share',
  comparator: '<=',
  value: 5.5,
  cadence: 'monthly',
  cumulative: true,
};

describe('序时进度 of a period', () => {
  it.each([
    ['2026-03', 25],
    ['2026-12', 100],
    ['2026-Q2', 50],
    ['2026', 100],
    ['2026-13', null],
    ['2026-Q5', null],
  ])('%s', (period, elapsed) => {
    expect(periodElapsed(period)?.elapsed ?? null).toBe(elapsed);
  });

  it('takes only periods of the indicator’s cadence', () => {
    expect(periodFitsCadence('2026-03', 'monthly')).toBe(true);
    expect(periodFitsCadence('2026-Q1', 'monthly')).toBe(false);
    expect(periodFitsCadence('2026-Q1', 'quarterly')).toBe(true);
    expect(periodFitsCadence('2026', 'yearly')).toBe(true);
    expect(periodFitsCadence('2026-03', 'yearly')).toBe(false);
  });
});

describe('growth targets compare rates', () => {
  it('is on pace mid-year at or above the target, and met only at the year’s end', () => {
    expect(indicatorStatus(growth, [{ period: '2026-03', value: 6.2 }], '2026-03').status).toBe('on_pace');
    expect(indicatorStatus(growth, [{ period: '2026-12', value: 6.2 }], '2026-12').status).toBe('met');
  });
  it('accepts 左右 within its tolerance, and no further', () => {
    expect(indicatorStatus(growth, [{ period: '2026-06', value: 5.7 }], '2026-06').status).toBe('on_pace');
    const r = indicatorStatus(growth, [{ period: '2026-06', value: 5.6 }], '2026-06');
    expect([r.status, r.gap]).toEqual(['behind', 0.4]);
    expect(indicatorStatusText(r, true)).toBe('低于目标 0.4 个百分点');
  });
  it('misses at the year’s end when short', () => {
    const r = indicatorStatus(
      { ...growth, comparator: '>=' },
      [{ period: '2026-12', value: 5.9 }],
      '2026-12',
    );
    expect([r.status, r.gap]).toEqual(['missed', 0.1]);
  });
  it('judges the latest value at or before asOf, of asOf’s year only', () => {
    const values = [
      { period: '2025-12', value: 9 },
      { period: '2026-02', value: 4 },
      { period: '2026-05', value: 7 },
    ];
    expect(indicatorStatus(growth, values, '2026-04')).toMatchObject({ status: 'behind', period: '2026-02' });
    expect(indicatorStatus(growth, values, '2026-05')).toMatchObject({
      status: 'on_pace',
      period: '2026-05',
    });
    expect(indicatorStatus(growth, values, '2027-01').status).toBe('no_data');
  });
});

describe('level targets compare cumulative values with 序时', () => {
  it('cumulative: the latest value is the year to date', () => {
    const r = indicatorStatus(
      level,
      [
        { period: '2026-05', value: 400 },
        { period: '2026-06', value: 540 },
      ],
      '2026-06',
    );
    expect(r).toMatchObject({ status: 'behind', completion: 45, elapsed: 50, gap: 5, actual: 540 });
    expect(indicatorStatusText(r, false)).toBe('低于序时进度 5 个百分点');
  });
  it('single-period: the periods are summed', () => {
    const single = { ...level, cumulative: false };
    const r = indicatorStatus(
      single,
      [
        { period: '2026-05', value: 400 },
        { period: '2026-06', value: 240 },
      ],
      '2026-06',
    );
    expect(r).toMatchObject({ status: 'on_pace', actual: 640, completion: 53.3, gap: 0 });
  });
  it('exactly at 序时 is on pace', () => {
    expect(indicatorStatus(level, [{ period: '2026-06', value: 600 }], '2026-06').status).toBe('on_pace');
  });
  it('is met as soon as the year’s value is reached, and missed at the year’s end short of it', () => {
    expect(indicatorStatus(level, [{ period: '2026-09', value: 1200 }], '2026-09').status).toBe('met');
    expect(indicatorStatus(level, [{ period: '2026-12', value: 1100 }], '2026-12')).toMatchObject({
      status: 'missed',
      gap: 8.3,
    });
  });
  it('quarterly: the quarter’s share of the year is 序时', () => {
    const q = { ...level, cadence: 'quarterly' as const };
    expect(indicatorStatus(q, [{ period: '2026-Q3', value: 850 }], '2026-Q3')).toMatchObject({
      status: 'behind',
      elapsed: 75,
      gap: 4.2,
    });
  });
});

describe('以内 targets invert', () => {
  it('a rate under its cap is on pace, over it behind, and missed at the year’s end', () => {
    expect(indicatorStatus(cap, [{ period: '2026-06', value: 5.5 }], '2026-06').status).toBe('on_pace');
    const r = indicatorStatus(cap, [{ period: '2026-06', value: 5.8 }], '2026-06');
    expect([r.status, r.gap, r.inverted]).toEqual(['behind', 0.3, true]);
    expect(indicatorStatusText(r, true)).toBe('高于目标 0.3 个百分点');
    expect(indicatorStatus(cap, [{ period: '2026-12', value: 5.2 }], '2026-12').status).toBe('met');
    expect(indicatorStatus(cap, [{ period: '2026-12', value: 5.6 }], '2026-12').status).toBe('missed');
  });
  it('a level cap spent ahead of 序时 lags, and once broken is missed at once', () => {
    const energy: IndicatorTarget = {
      measure: 'level',
      comparator: '<',
      value: 100,
      cadence: 'monthly',
      cumulative: true,
    };
    expect(indicatorStatus(energy, [{ period: '2026-06', value: 45 }], '2026-06').status).toBe('on_pace');
    const ahead = indicatorStatus(energy, [{ period: '2026-06', value: 58 }], '2026-06');
    expect([ahead.status, ahead.gap]).toEqual(['behind', 8]);
    expect(indicatorStatusText(ahead, false)).toBe('超出序时进度 8 个百分点');
    expect(indicatorStatus(energy, [{ period: '2026-08', value: 101 }], '2026-08').status).toBe('missed');
  });
});

it('counts indicators by status', () => {
  expect(countIndicators(['met', 'behind', 'behind', 'no_data', 'on_pace', 'missed'])).toEqual({
    total: 6,
    met: 1,
    onPace: 1,
    behind: 2,
    missed: 1,
    noData: 1,
  });
});

it.each([
  ['2026-07', '2026-07-01'],
  ['2026-Q3', '2026-07-01'],
  ['2026', '2026-01-01'],
  ['2026-00', null],
])('period %s starts on %s', (period, start) => {
  expect(periodStartDate(period)).toBe(start);
});

const result = (status: IndicatorResult['status'], inverted: boolean): IndicatorResult => ({
  status,
  period: '2026-06',
  actual: 1,
  completion: 50,
  elapsed: 50,
  gap: 3,
  inverted,
});

it.each<[IndicatorResult['status'], boolean, boolean, string, string]>([
  ['met', false, false, 'met', '已完成'],
  ['on_pace', false, false, 'on_pace', '达到序时进度'],
  ['no_data', false, true, 'no_data', '暂无数据'],
  ['missed', false, false, 'short_of_target', '未完成，差 3 个百分点'],
  ['missed', true, false, 'over_target', '超出目标 3 个百分点'],
  ['behind', false, true, 'below_target', '低于目标 3 个百分点'],
  ['behind', true, true, 'above_target', '高于目标 3 个百分点'],
  ['behind', false, false, 'behind_pace', '低于序时进度 3 个百分点'],
  ['behind', true, false, 'ahead_of_pace', '超出序时进度 3 个百分点'],
])('%s (inverted %s, rate %s) is worded %s: %s', (status, inverted, rate, wording, text) => {
  expect(indicatorWording(result(status, inverted), rate)).toBe(wording);
  expect(indicatorStatusText(result(status, inverted), rate)).toBe(text);
});

it('growth and share targets are rates, levels are not', () => {
  expect([isRateMeasure('growth'), isRateMeasure('share'), isRateMeasure('level')]).toEqual([
    true,
    true,
    false,
  ]);
});
