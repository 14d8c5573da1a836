// Reporting periods. Keys are '2025-03' (monthly) and '2025-Q1' (quarterly); they sort as strings
// within one cadence and are what the `period` columns of reports, notices and measurements hold.

import { addDays, daysInMonth, formatDate, parseDate } from './calendar.js';
import { memoized } from './memo.js';

export type Cadence = 'monthly' | 'quarterly';
export const CADENCES: readonly Cadence[] = ['monthly', 'quarterly'];

/** DESIGN: reports are due on the 5th day after the period ends. */
export const DEFAULT_REPORT_GRACE_DAYS = 5;

const MONTH_KEY_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY_RE = /^(\d{4})-Q([1-4])$/;

interface ParsedPeriod {
  cadence: Cadence;
  /** Months or quarters since year 0: consecutive periods differ by exactly 1, across years. */
  ordinal: number;
}

function parsePeriod(key: string): ParsedPeriod {
  let m = MONTH_KEY_RE.exec(key);
  if (m !== null) return { cadence: 'monthly', ordinal: Number(m[1]) * 12 + Number(m[2]) - 1 };
  m = QUARTER_KEY_RE.exec(key);
  if (m !== null) return { cadence: 'quarterly', ordinal: Number(m[1]) * 4 + Number(m[2]) - 1 };
  throw new RangeError(`invalid period key: ${JSON.stringify(key)}`);
}

function formatPeriod({ cadence, ordinal }: ParsedPeriod): string {
  if (cadence === 'monthly') {
    const year = Math.floor(ordinal / 12);
    return `${String(year).padStart(4, '0')}-${String((ordinal % 12) + 1).padStart(2, '0')}`;
  }
  const year = Math.floor(ordinal / 4);
  return `${String(year).padStart(4, '0')}-Q${(ordinal % 4) + 1}`;
}

export function isPeriodKey(s: unknown): s is string {
  return typeof s === 'string' && (MONTH_KEY_RE.test(s) || QUARTER_KEY_RE.test(s));
}

export function cadenceOf(key: string): Cadence {
  return parsePeriod(key).cadence;
}

/** The period of `cadence` that contains `date`. */
export function periodOf(cadence: Cadence, date: string): string {
  const { year, month } = parseDate(date);
  const ordinal = cadence === 'monthly' ? year * 12 + month - 1 : year * 4 + Math.floor((month - 1) / 3);
  return formatPeriod({ cadence, ordinal });
}

/** First and last day of the period, both inclusive. */
export function periodRange(key: string): Readonly<{ start: string; end: string }> {
  return rangeOf(key);
}

const rangeOf = memoized((key: string): Readonly<{ start: string; end: string }> => {
  const { cadence, ordinal } = parsePeriod(key);
  const year = Math.floor(ordinal / (cadence === 'monthly' ? 12 : 4));
  const firstMonth = cadence === 'monthly' ? (ordinal % 12) + 1 : (ordinal % 4) * 3 + 1;
  const lastMonth = cadence === 'monthly' ? firstMonth : firstMonth + 2;
  return Object.freeze({
    start: formatDate({ year, month: firstMonth, day: 1 }),
    end: formatDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
  });
});

/**
 * The last day a report for the period is on time: `graceDays` after the period's last day
 * (2025-03 ends 2025-03-31 → due 2025-04-05; 2024-Q4 → 2025-01-05).
 */
export function reportDueDate(key: string, graceDays: number = DEFAULT_REPORT_GRACE_DAYS): string {
  return addDays(periodRange(key).end, graceDays);
}

/**
 * A report counts as missing only once `today` is AFTER its due date: the due date itself is still
 * a working day on which the unit may submit, the same "due today is not late" rule tasks follow.
 */
export function isReportOverdue(
  key: string,
  today: string,
  graceDays: number = DEFAULT_REPORT_GRACE_DAYS,
): boolean {
  return today > reportDueDate(key, graceDays);
}

export function previousPeriod(key: string): string {
  const p = parsePeriod(key);
  return formatPeriod({ cadence: p.cadence, ordinal: p.ordinal - 1 });
}

export function nextPeriod(key: string): string {
  const p = parsePeriod(key);
  return formatPeriod({ cadence: p.cadence, ordinal: p.ordinal + 1 });
}

/** Orders keys by their start date, so monthly and quarterly keys compare sensibly too. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.cadence === pb.cadence) return pa.ordinal - pb.ordinal;
  const sa = periodRange(a).start;
  const sb = periodRange(b).start;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Every period of `cadence` from the one containing `from` to the one containing `to`, inclusive.
 * `from` and `to` may be dates or period keys of either cadence (a key stands for its whole range),
 * so `periodsBetween('quarterly', '2024-11', '2025-02')` is ['2024-Q4', '2025-Q1']. Empty when
 * `from` is after `to`.
 */
export function periodsBetween(cadence: Cadence, from: string, to: string): string[] {
  const fromDate = isPeriodKey(from) ? periodRange(from).start : from;
  const toDate = isPeriodKey(to) ? periodRange(to).end : to;
  const first = parsePeriod(periodOf(cadence, fromDate)).ordinal;
  const last = parsePeriod(periodOf(cadence, toDate)).ordinal;
  const out: string[] = [];
  for (let ordinal = first; ordinal <= last; ordinal++) out.push(formatPeriod({ cadence, ordinal }));
  return out;
}

/**
 * The most recent period whose report is already overdue on `today` (today > due date), i.e. the
 * period a missing report is judged on. With `notBefore` (a task's start date) it is null when
 * that period ended before `notBefore`: nobody owes a report for time before the task began.
 */
export function lastDuePeriod(
  cadence: Cadence,
  today: string,
  graceDays: number = DEFAULT_REPORT_GRACE_DAYS,
  notBefore?: string,
): string | null {
  if (!Number.isInteger(graceDays) || graceDays < 0) throw new RangeError(`invalid grace days: ${graceDays}`);
  const key = overduePeriodOf(`${cadence}|${today}|${graceDays}`);
  if (notBefore !== undefined && periodRange(key).end < notBefore) return null;
  return key;
}

/** The latest period overdue on a day, keyed `cadence|today|graceDays`: the same for every task of a plan. */
const overduePeriodOf = memoized((key: string): string => {
  const [cadence, today, grace] = key.split('|') as [Cadence, string, string];
  // Walk back from the current period; a long grace can skip several short periods.
  let period = periodOf(cadence, today);
  while (!isReportOverdue(period, today, Number(grace))) period = previousPeriod(period);
  return period;
});

const ZH_QUARTERS = ['一', '二', '三', '四'] as const;
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** '2025年3月' / '2025年第一季度' / 'Mar 2025' / 'Q1 2025'. */
export function periodLabel(key: string, locale: 'zh' | 'en'): string {
  const { cadence, ordinal } = parsePeriod(key);
  if (cadence === 'monthly') {
    const year = Math.floor(ordinal / 12);
    const month = ordinal % 12;
    return locale === 'zh' ? `${year}年${month + 1}月` : `${EN_MONTHS[month]!} ${year}`;
  }
  const year = Math.floor(ordinal / 4);
  const quarter = ordinal % 4;
  return locale === 'zh' ? `${year}年第${ZH_QUARTERS[quarter]!}季度` : `Q${quarter + 1} ${year}`;
}
