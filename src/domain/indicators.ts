// Indicators (指标) against their targets and the time elapsed (序时进度): pure, no I/O.
//
// A growth or share target compares rates ("增长6%左右": the year-to-date growth against 6); a level or
// count target compares the cumulative value with the year's value, as a share against 序时; a 以内 target
// ('<', '<=') inverts both: staying under is good, going over is the lag.

export type IndicatorMeasure = 'level' | 'growth' | 'share' | 'count';
export type IndicatorComparator = '=' | '~' | '>' | '>=' | '<' | '<=';
export type IndicatorCadence = 'monthly' | 'quarterly' | 'yearly';
export const INDICATOR_CADENCES: readonly IndicatorCadence[] = ['monthly', 'quarterly', 'yearly'];

export type IndicatorStatus = 'met' | 'on_pace' | 'behind' | 'missed' | 'no_data';
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = [
  'met',
  'on_pace',
  'behind',
  'missed',
  'no_data',
];

/** 左右 accepts a rate this share of the target below it: "增长6%左右" is met at 5.7. */
export const ABOUT_TOLERANCE = 0.05;

export interface IndicatorTarget {
  measure: IndicatorMeasure;
  comparator: IndicatorComparator;
  value: number;
  cadence: IndicatorCadence;
  /** The values are year-to-date (累计) rather than each period's own (当期). */
  cumulative: boolean;
}

export interface IndicatorValue {
  /** '2026', '2026-Q2' or '2026-03'. */
  period: string;
  value: number;
}

export interface IndicatorResult {
  status: IndicatorStatus;
  /** The period the judgement rests on: the latest with a value, in the year, at or before `asOf`. */
  period: string | null;
  /** Year-to-date actual: the rate, or the cumulative value. */
  actual: number | null;
  /** For level/count targets, actual as a share of the year's value (0..∞, one decimal); null for rates. */
  completion: number | null;
  /** 序时进度 of `period` in percent (month/12, quarter/4, year 100). */
  elapsed: number;
  /** How far behind, in percentage points (序时 − completion, or target − rate); 0 unless behind or missed. */
  gap: number;
  /** The target counts down (以内). */
  inverted: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The year and the share of it elapsed by the end of a period key, or null for a malformed key. */
export function periodElapsed(period: string): { year: number; elapsed: number } | null {
  const m = MONTH.exec(period);
  if (m) return { year: Number(m[1]), elapsed: round1((Number(m[2]) / 12) * 100) };
  const q = QUARTER.exec(period);
  if (q) return { year: Number(q[1]), elapsed: round1((Number(q[2]) / 4) * 100) };
  const y = YEAR.exec(period);
  if (y) return { year: Number(y[1]), elapsed: 100 };
  return null;
}

/** The period's position within its year, comparable across cadences (end month). */
function endMonth(period: string): number {
  const m = MONTH.exec(period);
  if (m) return Number(m[2]);
  const q = QUARTER.exec(period);
  if (q) return Number(q[2]) * 3;
  return 12;
}

/** A value's period fits the indicator's cadence: a monthly indicator takes '2026-03', not '2026-Q1'. */
export function periodFitsCadence(period: string, cadence: IndicatorCadence): boolean {
  if (cadence === 'monthly') return MONTH.test(period);
  if (cadence === 'quarterly') return QUARTER.test(period);
  return YEAR.test(period);
}

export function isInverted(comparator: IndicatorComparator): boolean {
  return comparator === '<' || comparator === '<=';
}

/** Growth and share targets are rates: a rate is judged against the target itself, not against 序时进度. */
export function isRateMeasure(measure: string): boolean {
  return measure === 'growth' || measure === 'share';
}

/** The values of `asOf`'s year at or before it, oldest first. */
function valuesToDate(values: readonly IndicatorValue[], asOf: string): IndicatorValue[] {
  const at = periodElapsed(asOf);
  if (!at) return [];
  const limit = endMonth(asOf);
  return values
    .filter((v) => {
      const p = periodElapsed(v.period);
      return p !== null && p.year === at.year && endMonth(v.period) <= limit;
    })
    .sort((a, b) => endMonth(a.period) - endMonth(b.period));
}

/** The rate a target of this comparator still accepts (左右 has its tolerance). */
function threshold(target: IndicatorTarget): number {
  return target.comparator === '~' ? target.value - Math.abs(target.value) * ABOUT_TOLERANCE : target.value;
}

/**
 * The status of an indicator at `asOf` (a period key of the year judged): met once the year's target is
 * reached (a rate only at the year's last period, when the figure is final), missed when the year ended
 * short of it (or a 以内 cap is already broken), behind when it lags 序时, on pace otherwise.
 */
export function indicatorStatus(
  target: IndicatorTarget,
  values: readonly IndicatorValue[],
  asOf: string,
): IndicatorResult {
  const inverted = isInverted(target.comparator);
  const inYear = valuesToDate(values, asOf);
  const last = inYear.at(-1);
  if (!last)
    return { status: 'no_data', period: null, actual: null, completion: null, elapsed: 0, gap: 0, inverted };
  const elapsed = periodElapsed(last.period)!.elapsed;
  const yearEnd = elapsed >= 100;
  const base = { period: last.period, elapsed, inverted };

  if (isRateMeasure(target.measure)) {
    // A rate is already year-to-date when cumulative; a single period's rate is judged on its own.
    const actual = last.value;
    const short = inverted ? actual - target.value : threshold(target) - actual;
    const lags = short > 0;
    const gap = lags ? round1(inverted ? short : target.value - actual) : 0;
    const status: IndicatorStatus = lags ? (yearEnd ? 'missed' : 'behind') : yearEnd ? 'met' : 'on_pace';
    return { ...base, status, actual, completion: null, gap };
  }

  const actual = target.cumulative ? last.value : inYear.reduce((sum, v) => sum + v.value, 0);
  const completion =
    target.value === 0 ? (actual > 0 ? Infinity : 100) : round1((actual / target.value) * 100);
  if (inverted) {
    // A cap: over 100% is broken for good; ahead of 序时 is spending it too fast.
    if (completion > 100)
      return { ...base, status: 'missed', actual, completion, gap: round1(completion - 100) };
    if (yearEnd) return { ...base, status: 'met', actual, completion, gap: 0 };
    const over = round1(completion - elapsed);
    return { ...base, status: over > 0 ? 'behind' : 'on_pace', actual, completion, gap: Math.max(0, over) };
  }
  if (completion >= 100) return { ...base, status: 'met', actual, completion, gap: 0 };
  const gap = round1(yearEnd ? 100 - completion : elapsed - completion);
  if (yearEnd) return { ...base, status: 'missed', actual, completion, gap };
  return { ...base, status: gap > 0 ? 'behind' : 'on_pace', actual, completion, gap: Math.max(0, gap) };
}

/**
 * How a result is worded, as a stable code: the bulletin words it in Chinese below, the web app in the
 * reader's language. A rate target (研发投入占比) compares with the target itself, not with 序时进度.
 */
export type IndicatorWording =
  | 'met'
  | 'on_pace'
  | 'no_data'
  | 'over_target'
  | 'short_of_target'
  | 'above_target'
  | 'below_target'
  | 'ahead_of_pace'
  | 'behind_pace';

export function indicatorWording(result: IndicatorResult, rate: boolean): IndicatorWording {
  switch (result.status) {
    case 'met':
    case 'on_pace':
    case 'no_data':
      return result.status;
    case 'missed':
      return result.inverted ? 'over_target' : 'short_of_target';
    case 'behind':
      if (rate) return result.inverted ? 'above_target' : 'below_target';
      return result.inverted ? 'ahead_of_pace' : 'behind_pace';
  }
}

const BULLETIN_WORDS: Record<IndicatorWording, (gap: number) => string> = {
  met: () => '已完成',
  on_pace: () => '达到序时进度',
  no_data: () => '暂无数据',
  over_target: (gap) => `超出目标 ${gap} 个百分点`,
  short_of_target: (gap) => `未完成，差 ${gap} 个百分点`,
  above_target: (gap) => `高于目标 ${gap} 个百分点`,
  below_target: (gap) => `低于目标 ${gap} 个百分点`,
  ahead_of_pace: (gap) => `超出序时进度 ${gap} 个百分点`,
  behind_pace: (gap) => `低于序时进度 ${gap} 个百分点`,
};

/** How a bulletin words a result: "低于序时进度 N 个百分点" and its kin. */
export function indicatorStatusText(result: IndicatorResult, rate: boolean): string {
  return BULLETIN_WORDS[indicatorWording(result, rate)](result.gap);
}

export interface IndicatorCounts {
  total: number;
  met: number;
  onPace: number;
  behind: number;
  missed: number;
  noData: number;
}

/** Counts for the battle map and the bulletin: how many indicators are where. */
export function countIndicators(statuses: readonly IndicatorStatus[]): IndicatorCounts {
  const c: IndicatorCounts = { total: statuses.length, met: 0, onPace: 0, behind: 0, missed: 0, noData: 0 };
  for (const s of statuses) {
    if (s === 'met') c.met++;
    else if (s === 'on_pace') c.onPace++;
    else if (s === 'behind') c.behind++;
    else if (s === 'missed') c.missed++;
    else c.noData++;
  }
  return c;
}

/** The first day of a period key: a value for a period not begun yet is a value from the future. */
export function periodStartDate(period: string): string | null {
  const m = MONTH.exec(period);
  if (m) return `${m[1]}-${m[2]}-01`;
  const q = QUARTER.exec(period);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const y = YEAR.exec(period);
  return y ? `${y[1]}-01-01` : null;
}

/** How the rules read a stored target: its `cumulative` flag is kept as 0/1. */
export function indicatorTargetOf(t: {
  measure: IndicatorMeasure;
  comparator: IndicatorComparator;
  value: number;
  cadence: IndicatorCadence;
  cumulative: number;
}): IndicatorTarget {
  return {
    measure: t.measure,
    comparator: t.comparator,
    value: t.value,
    cadence: t.cadence,
    cumulative: t.cumulative === 1,
  };
}

/** The indicators behind 序时 or missed (the laggards a battle map and a roll-up name), furthest behind first. */
export function laggingIndicators<T extends { result: IndicatorResult }>(
  judged: readonly T[],
  limit: number,
): T[] {
  return judged
    .filter((j) => j.result.status === 'behind' || j.result.status === 'missed')
    .sort((a, b) => b.result.gap - a.result.gap)
    .slice(0, limit);
}
