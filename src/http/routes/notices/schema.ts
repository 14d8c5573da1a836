import { z } from 'zod';
import { NOTICE_KINDS } from '../../../domain/notices.js';
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

export const NoticeSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  body: z.string(),
  reason: z.string().nullable(),
  issuedAt: z.string(),
  responseDue: z.string(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  status: z.enum(['issued', 'responded', 'closed']),
  version: z.number().int(),
  taskCode: z.string().optional(),
  taskTitle: z.string().optional(),
  /** Calendar days past the deadline without a response (逾期); 0 when not overdue. */
  overdueDays: z.number().int(),
  can: CanSchema(['respond', 'close']),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const NoticeQuery = z.strictObject({
  status: NoticeSchema.shape.status.optional(),
  taskId: Id.optional(),
  unitId: Id.optional(),
  kind: NoticeSchema.shape.kind.optional(),
  /** Not closed yet (issued or responded). */
  open: QueryFlag.optional(),
  /** Unanswered past the deadline (逾期). */
  overdue: QueryFlag.optional(),
});
export type NoticeQuery = z.infer<typeof NoticeQuery>;

export const NoticeBody = z.strictObject({
  kind: NoticeSchema.shape.kind,
  body: LongText(2000),
  /** The deadline as working days from today (default: the kind's, see domain/notices.ts), or as a date. */
  workingDays: WorkingDays.optional(),
  responseDue: DateString.optional(),
});
export type NoticeBody = z.infer<typeof NoticeBody>;

export const NoticeResponseBody = z.strictObject({ response: LongText(5000) });
export type NoticeResponseBody = z.infer<typeof NoticeResponseBody>;
