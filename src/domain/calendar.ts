// Calendar arithmetic on 'YYYY-MM-DD' strings in the Asia/Shanghai calendar.
//
// Dates are converted to a day number (days since 1970-01-01) with integer civil-calendar formulas
// (Howard Hinnant's days_from_civil) instead of `Date`: no local-time zone, no DST and no
// Date.UTC quirk for years 0–99 can shift a day. Shanghai has had no DST since 1991, so "today" is
// simply the UTC date of now + 8 hours.

import { memoized } from './memo.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1..12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`invalid month ${year}-${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The last date of `month` (1..12) of `year`, as 'YYYY-MM-DD' (dates travel as strings everywhere). */
export function lastDayOfMonth(year: number, month: number): string {
  return formatDate({ year, month, day: daysInMonth(year, month) });
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2025-02-29, 2025-13-01, '2025-3-1'). */
export function isDateString(s: unknown): s is string {
  return typeof s === 'string' && s.length === 10 && isCalendarDate(s);
}

const isCalendarDate = memoized((s: string): boolean => {
  const m = DATE_RE.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
});

/** Throws RangeError on anything but a real 'YYYY-MM-DD' date: a bad date must never be silently shifted. */
export function parseDate(date: string): CivilDate {
  if (!isDateString(date)) throw new RangeError(`invalid date: ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatDate({ year, month, day }: CivilDate): string {
  if (year < 0 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: string): number {
  return dayNumberOf(date);
}

const dayNumberOf = memoized((date: string): number => {
  const { year, month, day } = parseDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
});

export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`invalid day number: ${dayNumber}`);
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate({ year, month, day });
}

/** The calendar date in Shanghai at the instant `now` (default: the current instant). */
export function todayInShanghai(now: Date = new Date()): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in whole days: daysBetween('2025-03-31', '2025-04-05') === 5. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The (year, month) that is `months` away from the given one; negative goes back. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}
