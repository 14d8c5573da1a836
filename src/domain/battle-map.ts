// How the battle map (挂图作战) of a region is laid out: which units it ranks and in what order, and the
// months its trend looks back over.
import type { UnitKind } from './assessment.js';
import { lastDayOfMonth, parseDate } from './calendar.js';
import type { RollUp } from './rollup.js';

/** Departments and towns carry the tasks; the office and other bodies are not ranked against them. */
export function isRankedUnit(kind: UnitKind): boolean {
  return kind === 'department' || kind === 'town';
}

/** A unit as the battle map ranks it: the roll-up of the tasks it leads. */
export interface UnitStanding {
  name: string;
  rollUp: RollUp;
}

/**
 * The order of the ranking of 区直单位 and of 镇街, a list of whom to chase first, as a red list reads:
 * most delayed (red) tasks first, then most at risk (yellow), then the lowest weighted progress, then by
 * name so equal units keep one order. A unit at 0 % with nothing red or yellow (its tasks not yet due)
 * therefore comes after every unit with red or yellow, never first. The page states this rule under the
 * ranking (map.rankingRule).
 */
export function compareUnitStanding(a: UnitStanding, b: UnitStanding): number {
  return (
    b.rollUp.counts.delayed - a.rollUp.counts.delayed ||
    b.rollUp.counts.at_risk - a.rollUp.counts.at_risk ||
    a.rollUp.progress - b.rollUp.progress ||
    a.name.localeCompare(b.name, 'zh-CN')
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
