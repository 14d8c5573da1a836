import { z } from 'zod';
import { MAX_WORKING_DAYS } from '../../../domain/working-days.js';
import { DateString } from '../../schemas.js';

export const YearParams = z.strictObject({
  year: z
    .string()
    .regex(/^20\d\d$/, '年份应为 2000–2099')
    .transform(Number),
});

const Name = z.string().trim().min(1).max(40);

export const HolidayYearBody = z.strictObject({
  status: z.enum(['published', 'unknown']),
  /** The notice it was transcribed from (国务院办公厅关于YYYY年部分节假日安排的通知). */
  source: z.string().trim().max(200).nullable(),
  holidays: z.array(z.strictObject({ name: Name, from: DateString, to: DateString })).max(30),
  workdays: z.array(z.strictObject({ name: Name, date: DateString })).max(30),
});
export type HolidayYearBody = z.infer<typeof HolidayYearBody>;

export const HolidayYearSchema = z.object({
  year: z.number().int(),
  status: z.enum(['published', 'unknown']),
  source: z.string().nullable(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  workdays: z.array(z.object({ name: z.string(), date: z.string() })),
  /** Stored by an administrator (true) or the file shipped with the release (false). */
  stored: z.boolean(),
});
export type HolidayYear = z.infer<typeof HolidayYearSchema>;

export const DeadlineQuery = z.strictObject({
  workingDays: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_WORKING_DAYS, `工作日数应为 1–${MAX_WORKING_DAYS}`),
});

export const DeadlineSchema = z.object({
  from: z.string(),
  due: z.string(),
  /** False when the deadline runs into a year whose holidays are not published yet (weekends only). */
  known: z.boolean(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;
