import { z } from 'zod';
import {
  CanSchema,
  DateString,
  Id,
  IdParams,
  LongText,
  QueryFlag,
  RegionParams,
  TaskParams,
  WorkingDays,
} from '../../schemas.js';

export { IdParams, RegionParams, TaskParams };

export const InstructionSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
  /** The unit asked to act on it; null on instructions written before they had an addressee. */
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  responseDue: z.string().nullable(),
  status: z.enum(['issued', 'replied']),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** Calendar days past the deadline without a reply (逾期); 0 when not overdue. */
  overdueDays: z.number().int(),
  version: z.number().int(),
  can: CanSchema(['reply']),
});
export type Instruction = z.infer<typeof InstructionSchema>;

export const InstructionBody = z.strictObject({
  body: LongText(2000),
  /** The unit asked to act: the task's lead unit when left out, else one of its co-operating units. */
  unitId: Id.optional(),
  /** A deadline, either as working days from today or as a date; none when both are left out. */
  workingDays: WorkingDays.optional(),
  responseDue: DateString.optional(),
});
export type InstructionBody = z.infer<typeof InstructionBody>;

export const InstructionQuery = z.strictObject({
  unitId: z.string().min(1).optional(),
  open: QueryFlag.optional(),
  overdue: QueryFlag.optional(),
});
export type InstructionQuery = z.infer<typeof InstructionQuery>;

export const InstructionReplyBody = z.strictObject({ reply: LongText(5000) });
export type InstructionReplyBody = z.infer<typeof InstructionReplyBody>;
