import { z } from 'zod';
import { TOLERANCE_SOURCE_KINDS } from '../../../domain/accountability.js';
import { NOTICE_KINDS } from '../../../domain/notices.js';
import { CanSchema, Id, IdParams, LongText, RegionParams } from '../../schemas.js';
import { AttachmentSchema } from '../attachments/schema.js';

export { IdParams, RegionParams };

export const ToleranceStatusSchema = z.enum(['submitted', 'granted', 'refused']);

export const ToleranceRequestSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sourceKind: z.enum(TOLERANCE_SOURCE_KINDS),
  sourceId: z.string(),
  /** The 督办 kind when the matter is a notice, so the page can say which deduction it is about. */
  noticeKind: z.enum(NOTICE_KINDS).nullable(),
  /** The task the matter belongs to (a notice's task, or the task itself). */
  sourceTask: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  situation: z.string(),
  /** 先行先试 vs 明知故犯 */
  pilotReason: z.string(),
  /** 探索性试验 vs 明令禁止 */
  experimentReason: z.string(),
  /** 无意过失 vs 谋取私利 */
  mistakeReason: z.string(),
  status: ToleranceStatusSchema,
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  can: CanSchema(['attach', 'decide']),
});
export type ToleranceRequest = z.infer<typeof ToleranceRequestSchema>;

export const ToleranceDetailSchema = ToleranceRequestSchema.extend({ files: z.array(AttachmentSchema) });
export type ToleranceDetail = z.infer<typeof ToleranceDetailSchema>;

export const ToleranceQuery = z.strictObject({
  unitId: Id.optional(),
  status: ToleranceStatusSchema.optional(),
});

export const ToleranceBody = z.strictObject({
  /** The applying unit; a unit's staff may leave it out. */
  unitId: Id.optional(),
  sourceKind: z.enum(TOLERANCE_SOURCE_KINDS),
  sourceId: Id,
  situation: LongText(3000),
  pilotReason: LongText(2000),
  experimentReason: LongText(2000),
  mistakeReason: LongText(2000),
});
export type ToleranceBody = z.infer<typeof ToleranceBody>;

export const ToleranceDecisionBody = z.strictObject({ grant: z.boolean(), note: LongText(2000) });
