import { z } from 'zod';
import { isDateString } from '../domain/calendar.js';
import { MAX_WORKING_DAYS } from '../domain/working-days.js';

// Building blocks every route's schema.ts uses, so one rule holds at every edge.

export const RegionParams = z.strictObject({ regionId: z.string().min(1) });
export const PlanParams = z.strictObject({ planId: z.string().min(1) });
export const TaskParams = z.strictObject({ taskId: z.string().min(1) });
export const IdParams = z.strictObject({ id: z.string().min(1) });

/** A real calendar date: 2026-02-30 would pass a pattern and then break every page that reads it. */
export const DateString = z.string().refine(isDateString, '日期应为真实的日历日期 YYYY-MM-DD');
export const Text = (max: number) => z.string().trim().min(1).max(max);
export const OkSchema = z.object({ ok: z.boolean() });
export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).nullable();

/** Every update answers with what the caller may do next with the row, decided by its policy. */
export const CanSchema = <K extends string>(actions: readonly K[]) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<K, z.ZodBoolean>);

// Enumerations more than one resource's schema shows.
export const TaskStatusSchema = z.enum(['done', 'not_started', 'on_track', 'at_risk', 'delayed']);
export const UnitKindSchema = z.enum(['office', 'department', 'town', 'other']);

/** A yes/no filter in a query string: `?open=true`; anything but 'true' or 'false' is refused. */
export const QueryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A deadline in working days from today, as an office writes 3个工作日. */
export const WorkingDays = z.number().int().min(1).max(MAX_WORKING_DAYS);
