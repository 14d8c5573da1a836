// The trend of the battle map (挂图作战): how many tasks stood in each status at the end of past months.
import { lastDayOfMonth, parseDate } from './calendar.js';

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
