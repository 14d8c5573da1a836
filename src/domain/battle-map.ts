// How the battle map (挂图作战) of a region is laid out: which units it ranks and in what order, and the
// months its trend looks back over.
import type { UnitKind } from './assessment.js';
import { lastDayOfMonth, parseDate } from './calendar.js';
import type { RollUp } from './rollup.js';

/** Departments and towns carry the tasks; the office and other bodies are not ranked against them. */
export function isRankedUnit(kind: UnitKind): boolean {
  return kind === 'department' || kind === 'town';
}

/** Most delayed (red) tasks first, then most at risk (yellow), then the least progress. */
export function compareUnitStanding(a: RollUp, b: RollUp): number {
  return (
    b.counts.delayed - a.counts.delayed || b.counts.at_risk - a.counts.at_risk || a.progress - b.progress
  );
}

/** The trend looks back over the current month and the five before it. */
export const TREND_MONTHS = 6;

/** The last day of each of the `months` months up to `asOf`, oldest first; the current month ends today. */
export function trendMonthEnds(
  asOf: string,
  months: number = TREND_MONTHS,
): { month: string; date: string }[] {
  const { year, month } = parseDate(asOf);
  const out: { month: string; date: string }[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const m0 = year * 12 + (month - 1) - i;
    const y = Math.floor(m0 / 12);
    const m = (m0 % 12) + 1;
    const end = i === 0 ? asOf : lastDayOfMonth(y, m);
    out.push({ month: `${y}-${String(m).padStart(2, '0')}`, date: end });
  }
  return out;
}
