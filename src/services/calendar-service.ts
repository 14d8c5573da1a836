import { putHolidayYear } from '../db/repositories/holiday-repository.js';
import { holidayYearProblems, type HolidayYear } from '../domain/working-days.js';
import { demand } from './access.js';
import type { Actor } from './actor.js';
import { nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as calendarPolicy from './policies/calendar.js';
import { forgetWorkCalendar, holidayYears, workCalendarOf } from './work-calendar.js';

export type StoredHolidayYear = HolidayYear & { stored: boolean };

/** A year's holiday arrangement: the administrator's stored copy, else the shipped file, else unknown. */
export async function calendarYear(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
): Promise<StoredHolidayYear> {
  demand(calendarPolicy.can(actor, 'read'));
  const found = (await holidayYears(ctx)).find((y) => y.year === year);
  return found ?? { year, status: 'unknown', source: null, holidays: [], workdays: [], stored: false };
}

/** Replaces a year's arrangement without a release, e.g. once the State Council publishes next year's. */
export async function replaceCalendarYear(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
  input: Omit<HolidayYear, 'year'>,
): Promise<StoredHolidayYear> {
  demand(calendarPolicy.can(actor, 'replace'));
  const data: HolidayYear = { year, ...input };
  const problems = holidayYearProblems(data);
  if (problems.length > 0) throw fail('calendar.invalid', { problems: problems.join('；') });
  await write(ctx, actor, async ({ trx, audit }) => {
    await putHolidayYear(trx, {
      year,
      status: data.status,
      source: data.source,
      holidays: JSON.stringify(data.holidays),
      workdays: JSON.stringify(data.workdays),
      updated_by: actor.accountId,
      updated_at: nowIso(ctx),
    });
    await audit({
      regionId: null,
      action: 'calendar.replace',
      entity: 'holiday_year',
      entityId: String(year),
      data,
    });
  });
  forgetWorkCalendar(ctx);
  return calendarYear(ctx, actor, year);
}

export interface DeadlinePreview {
  from: string;
  due: string;
  /** False when the deadline runs into a year whose holidays are not published yet (weekends only). */
  known: boolean;
}

/** The date `workingDays` working days from today gives, for a form to show before it is sent. */
export async function deadlinePreview(
  ctx: ServiceContext,
  actor: Actor,
  workingDays: number,
): Promise<DeadlinePreview> {
  demand(calendarPolicy.can(actor, 'read'));
  const calendar = await workCalendarOf(ctx);
  const from = today(ctx);
  const due = calendar.addWorkingDays(from, workingDays);
  const known =
    calendar.isKnownYear(Number(from.slice(0, 4))) && calendar.isKnownYear(Number(due.slice(0, 4)));
  return { from, due, known };
}
