import { z } from 'zod';
import { isDateString } from '../domain/calendar.js';
import { isBlank, TEXT_FAULT_MESSAGES, textFault, type TextRule } from '../domain/text.js';
import { fail } from '../services/errors.js';
import { MAX_WORKING_DAYS } from '../domain/working-days.js';

// Building blocks every route's schema.ts uses, so one rule holds at every edge.

/**
 * A row id as the server makes them (`task_…`, see db/ids.ts), or anything a client may try: ids reach
 * queries, so a NUL or a control character is refused here rather than by PostgreSQL with a 500.
 */
export const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, '不是有效的编号');

export const RegionParams = z.strictObject({ regionId: Id });
export const PlanParams = z.strictObject({ planId: Id });
export const TaskParams = z.strictObject({ taskId: Id });
export const IdParams = z.strictObject({ id: Id });

/** A real calendar date: 2026-02-30 would pass a pattern and then break every page that reads it. */
export const DateString = z.string().refine(isDateString, '日期应为真实的日历日期 YYYY-MM-DD');

/** Refuses control characters and bidi overrides (domain/text.ts) in a string schema, with a message per fault. */
function clean(schema: z.ZodString, rule: TextRule): z.ZodString {
  return schema.check(
    z.superRefine((value, ctx) => {
      const fault = textFault(value, rule);
      if (fault) ctx.addIssue({ code: 'custom', message: TEXT_FAULT_MESSAGES[fault], input: value });
    }),
  );
}

/** Refuses text that shows nothing: whitespace and zero-width characters only. */
function notBlank(schema: z.ZodString): z.ZodString {
  return schema.check(
    z.superRefine((value, ctx) => {
      if (isBlank(value)) ctx.addIssue({ code: 'custom', message: TEXT_FAULT_MESSAGES.blank, input: value });
    }),
  );
}

/** Text that may be left empty: trimmed, and text of only zero-width characters is taken as empty. */
function emptyIfBlank(schema: z.ZodString): z.ZodString {
  return schema.overwrite((value) => (isBlank(value) ? '' : value));
}

/** Required single-line text (titles, names): trimmed, something visible, no line breaks or controls. */
export const Text = (max: number) => notBlank(clean(z.string().trim().min(1).max(max), { multiLine: false }));
/** Required multi-line text (narratives, notice bodies, responses): as `Text`, and line breaks allowed. */
export const LongText = (max: number) =>
  notBlank(clean(z.string().trim().min(1).max(max), { multiLine: true }));
/** Optional single-line text (codes, units of measure, leader names): may be empty, never controls. */
export const OptionalText = (max: number) =>
  emptyIfBlank(clean(z.string().trim().max(max), { multiLine: false }));
/** Optional multi-line text (problems, reasons, notes): may be empty, never controls. */
export const OptionalLongText = (max: number) =>
  emptyIfBlank(clean(z.string().trim().max(max), { multiLine: true }));
/** A single line kept as sent (periods, search words, tags in a query): only controls are refused. */
export const Line = (max: number) => clean(z.string().max(max), { multiLine: false });

/**
 * Checks a value that arrives outside the route's zod schema (a multipart part's filename) by the same rule,
 * refusing it as the schema would: 400 `request.invalid` with the field's path.
 */
export function parseField<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw fail(
    'request.invalid',
    { where: 'body' },
    result.error.issues.map((i) => ({ path: [path, ...i.path].join('.'), message: i.message })),
  );
}

/** The name of an uploaded file: one visible line, without controls or a right-to-left override. */
export const FileName = Text(200);
export const OkSchema = z.object({ ok: z.boolean() });
export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).nullable();

/** What every answer that shows a stored file says of it, whatever it was stored for. */
export const FileFields = { filename: z.string(), mime: z.string(), size: z.number().int() };

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
