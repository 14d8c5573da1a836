import { z } from 'zod';
import type {
  NewReportInput,
  ReportAction,
  ReportPatchInput,
  TransitionInput,
} from '../../../services/report-service.js';
import {
  CanSchema,
  Id,
  IdParams,
  Line,
  LongText,
  OptionalLongText,
  RegionParams,
  TaskParams,
} from '../../schemas.js';
import { AttachmentSchema } from '../attachments/schema.js';
import { REPORT_RATING_MAX } from '../../../domain/report-workflow.js';

export { IdParams, RegionParams, TaskParams };

export const ReportStatusSchema = z.enum(['draft', 'awaiting_head', 'submitted', 'accepted', 'returned']);

export const ReportSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  period: z.string(),
  progress: z.number().int(),
  narrative: z.string(),
  problems: z.string(),
  coordination: z.string(),
  nextSteps: z.string(),
  claimsCompletion: z.boolean(),
  status: ReportStatusSchema,
  returnReason: z.string().nullable(),
  rating: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  files: z.array(AttachmentSchema),
  taskCode: z.string().optional(),
  taskTitle: z.string().optional(),
  can: CanSchema(['edit', 'addEvidence', 'submit', 'approve', 'sendBack', 'accept', 'return']),
});
export type Report = z.infer<typeof ReportSchema>;

const ReportFields = {
  progress: z.number().int().min(0).max(100),
  narrative: LongText(5000),
  problems: OptionalLongText(5000).optional(),
  coordination: OptionalLongText(5000).optional(),
  nextSteps: OptionalLongText(5000).optional(),
  claimsCompletion: z.boolean().optional(),
};

export const ReportBody = z.strictObject({
  period: Line(10),
  ...ReportFields,
  submit: z.boolean().optional(),
}) satisfies z.ZodType<NewReportInput>;
export type ReportBody = z.infer<typeof ReportBody>;

export const ReportPatch = z.strictObject(ReportFields).partial() satisfies z.ZodType<ReportPatchInput>;
export type ReportPatch = z.infer<typeof ReportPatch>;

export const IdempotencyHeaders = z.object({ 'idempotency-key': Line(100).min(8).optional() }).loose();

/** The workflow steps as the URL names them. */
export const TRANSITION_ACTIONS = {
  submit: 'submit',
  approve: 'approve',
  'send-back': 'send_back',
  accept: 'accept',
  return: 'return',
} as const satisfies Record<string, ReportAction>;

export const TransitionParams = z.strictObject({
  id: Id,
  action: z.enum(['submit', 'approve', 'send-back', 'accept', 'return']),
});
export type TransitionParams = z.infer<typeof TransitionParams>;

// A bodyless POST (the usual way to submit or approve) arrives as null, not undefined.
export const TransitionBody = z
  .strictObject({
    reason: OptionalLongText(1000).optional(),
    rating: z.number().int().min(1).max(REPORT_RATING_MAX).optional(),
  })
  .nullish() satisfies z.ZodType<Omit<TransitionInput, 'expectedVersion'> | null | undefined>;
export type TransitionBody = z.infer<typeof TransitionBody>;
