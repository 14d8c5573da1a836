// Working days in the Chinese public calendar: weekends and the State Council's holidays are off, the
// weekend days worked in exchange (调休) are on. Each year's arrangement is data (calendar/*.json, or the
// administrator's stored copy); a year nobody has published yet counts weekends only and says so.

import { addDays, daysBetween, isDateString, toDayNumber } from './calendar.js';

export type HolidayYearStatus = 'published' | 'unknown';

export interface HolidayRange {
  name: string;
  /** First day off, inclusive. */
  from: string;
  /** Last day off, inclusive. */
  to: string;
}

export interface AdjustedWorkday {
  name: string;
  date: string;
}

export interface HolidayYear {
  year: number;
  status: HolidayYearStatus;
  source: string | null;
  holidays: HolidayRange[];
  workdays: AdjustedWorkday[];
}

/** The longest deadline the calculator walks to: a year of working days is already far past any notice. */
export const MAX_WORKING_DAYS = 250;

/** What is wrong with a year's arrangement, in words an administrator can fix; empty when it is sound. */
export function holidayYearProblems(y: HolidayYear): string[] {
  const problems: string[] = [];
  const inYear = (d: string) => isDateString(d) && d.startsWith(`${y.year}-`);
  if (y.status === 'unknown' && (y.holidays.length > 0 || y.workdays.length > 0))
    problems.push('未公布的年份不应列出假日或调休上班日');
  const off = new Set<string>();
  for (const h of y.holidays) {
    if (!inYear(h.from) || !inYear(h.to)) problems.push(`${h.name}：日期应在${y.year}年内`);
    else if (h.to < h.from) problems.push(`${h.name}：结束日期早于开始日期`);
    else if (daysBetween(h.from, h.to) > 14) problems.push(`${h.name}：假期超过15天`);
    else for (let d = h.from; d <= h.to; d = addDays(d, 1)) off.add(d);
  }
  for (const w of y.workdays) {
    if (!inYear(w.date)) problems.push(`${w.name}：调休上班日应在${y.year}年内`);
    else if (!isWeekend(w.date)) problems.push(`${w.name}：${w.date}不是周末，无需调休上班`);
    else if (off.has(w.date)) problems.push(`${w.name}：${w.date}同时列为假日和上班日`);
  }
  return problems;
}

/** Saturday or Sunday (1970-01-01 was a Thursday). */
export function isWeekend(date: string): boolean {
  const weekday = (((toDayNumber(date) + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** The year's arrangement is published (known); an unknown year counts weekends only. */
  isKnownYear(year: number): boolean;
  /** The `n`-th working day after `from` (which itself does not count): 3个工作日 from a Friday is Wednesday. */
  addWorkingDays(from: string, n: number): string;
}

export function workCalendar(years: readonly HolidayYear[]): WorkCalendar {
  const off = new Set<string>();
  const on = new Set<string>();
  const known = new Set<number>();
  for (const y of years) {
    if (y.status !== 'published') continue;
    known.add(y.year);
    for (const h of y.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) off.add(d);
    for (const w of y.workdays) on.add(w.date);
  }
  const isWorkingDay = (date: string) => on.has(date) || (!off.has(date) && !isWeekend(date));
  return {
    isWorkingDay,
    isKnownYear: (year) => known.has(year),
    addWorkingDays(from, n) {
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS)
        throw new RangeError(`working days must be a whole number 0..${MAX_WORKING_DAYS}: ${n}`);
      let date = from;
      for (let left = n; left > 0;) {
        date = addDays(date, 1);
        if (isWorkingDay(date)) left--;
      }
      return date;
    },
  };
}
