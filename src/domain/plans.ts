// The calendar of a plan (计划) and of the values measured against its targets (指标).
import { addDays } from './calendar.js';
import { isPeriodKey } from './periods.js';

/** A plan runs over its calendar year unless the office sets other dates; null when the dates are reversed. */
export function planPeriod(
  year: number,
  start?: string | null,
  end?: string | null,
): { start: string; end: string } | null {
  const period = { start: start ?? `${year}-01-01`, end: end ?? `${year}-12-31` };
  return period.start > period.end ? null : period;
}

/**
 * The span several plans cover together, from the earliest start to the latest end: the time a battle map or
 * a bulletin measures its whole progress against. With no plan, the one day `asOf`.
 */
export function plansWindow(
  plans: readonly { period_start: string; period_end: string }[],
  asOf: string,
): { start: string; end: string } {
  if (plans.length === 0) return { start: asOf, end: addDays(asOf, 1) };
  return {
    start: plans.map((p) => p.period_start).reduce((a, b) => (a < b ? a : b)),
    end: plans.map((p) => p.period_end).reduce((a, b) => (a > b ? a : b)),
  };
}

/** A measured value (实绩) is recorded for a year ('2025'), a quarter ('2025-Q1') or a month ('2025-03'). */
export function isMeasurementPeriod(s: string): boolean {
  return isPeriodKey(s) || /^\d{4}$/.test(s);
}
