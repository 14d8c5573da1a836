// The calendar of a plan (计划) and of the values measured against its targets (指标).
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

/** A measured value (实绩) is recorded for a year ('2025'), a quarter ('2025-Q1') or a month ('2025-03'). */
export function isMeasurementPeriod(s: string): boolean {
  return isPeriodKey(s) || /^\d{4}$/.test(s);
}
