import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listHolidayYears } from '../db/repositories/holiday-repository.js';
import type { HolidayYearRow } from '../db/schema.js';
import { parseJson } from '../db/json.js';
import {
  holidayYearProblems,
  workCalendar,
  type HolidayYear,
  type WorkCalendar,
} from '../domain/working-days.js';
import { chooseDeadline, type DeadlineChoice } from '../domain/follow-up.js';
import { db, perContext, today, type ServiceContext } from './context.js';
import { fail } from './errors.js';

/** The holiday files a release ships (calendar/holidays-YYYY.json), the default for every year not stored. */
export const SHIPPED_CALENDAR_DIR = fileURLToPath(new URL('../../calendar/', import.meta.url));

let shipped: HolidayYear[] | undefined;

/** The shipped years, read once; a malformed file is a broken release and stops the server loudly. */
export function shippedHolidayYears(dir: string = SHIPPED_CALENDAR_DIR): HolidayYear[] {
  if (dir === SHIPPED_CALENDAR_DIR && shipped) return shipped;
  const years = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^holidays-\d{4}\.json$/.test(f))
        .sort()
        .map((f) => {
          const year = JSON.parse(readFileSync(join(dir, f), 'utf8')) as HolidayYear;
          const problems = holidayYearProblems(year);
          if (problems.length > 0) throw new Error(`${f}: ${problems.join('; ')}`);
          return year;
        })
    : [];
  if (dir === SHIPPED_CALENDAR_DIR) shipped = years;
  return years;
}

export function holidayYearOfRow(row: HolidayYearRow): HolidayYear {
  return {
    year: row.year,
    status: row.status,
    source: row.source,
    holidays: parseJson(row.holidays, []),
    workdays: parseJson(row.workdays, []),
  };
}

/** Every year the server knows of: a stored year replaces the shipped file of that year. */
export async function holidayYears(ctx: ServiceContext): Promise<(HolidayYear & { stored: boolean })[]> {
  const stored = (await listHolidayYears(db(ctx))).map(holidayYearOfRow);
  const byYear = new Map<number, HolidayYear & { stored: boolean }>();
  for (const y of shippedHolidayYears()) byYear.set(y.year, { ...y, stored: false });
  for (const y of stored) byYear.set(y.year, { ...y, stored: true });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

const cache = perContext<{ calendar?: Promise<WorkCalendar> }>(() => ({}));

/** The working-day calendar deadlines are counted on, kept until an administrator replaces a year. */
export function workCalendarOf(ctx: ServiceContext): Promise<WorkCalendar> {
  const state = cache(ctx);
  state.calendar ??= holidayYears(ctx).then(workCalendar);
  state.calendar.catch(() => {
    state.calendar = undefined;
  });
  return state.calendar;
}

export function forgetWorkCalendar(ctx: ServiceContext): void {
  cache(ctx).calendar = undefined;
}

/**
 * The deadline the issuer chose (a date, or working days from today), else `fallbackWorkingDays` from
 * today (null: no deadline). Refuses a date before today, or a date and a count together.
 */
export async function deadlineOf(
  ctx: ServiceContext,
  choice: DeadlineChoice,
  fallbackWorkingDays: number | null,
): Promise<string | null> {
  const chosen = chooseDeadline(choice, fallbackWorkingDays, today(ctx), await workCalendarOf(ctx));
  if ('problem' in chosen) throw fail(chosen.problem === 'both' ? 'deadline.both' : 'deadline.in_past');
  return chosen.due;
}
