import { z } from 'zod';
import { UPLOAD_LIMIT_BYTES } from '../../../domain/limits.js';
import { FileName, LongText, PlanParams, RegionParams, SpanSchema } from '../../schemas.js';
import { PlanSchema } from '../plans/schema.js';
import { TargetSchema } from '../targets/schema.js';

export { PlanParams, RegionParams };

/** A programme pasted as text; a file comes as multipart/form-data instead, and then there is no JSON body. */
export const ImportBody = z
  .strictObject({
    text: LongText(UPLOAD_LIMIT_BYTES),
    filename: FileName.optional(),
  })
  .nullish();
export type ImportBody = z.infer<typeof ImportBody>;

/** The draft plan as written, with the ids of what was created, for the office to review against the document. */
export const ImportResponse = z.object({
  plan: PlanSchema,
  warnings: z.array(z.string()),
  areas: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), source: SpanSchema })),
  tasks: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      areaId: z.string().nullable(),
      leadUnitId: z.string().nullable(),
      proposedLeadUnit: z.string().nullable(),
      /** The region's unit the task's text points to when the document named no lead the region has. */
      suggestedLeadUnitId: z.string().nullable(),
      coUnitIds: z.array(z.string()),
      dueDate: z.string().nullable(),
      source: SpanSchema,
    }),
  ),
  targets: z.array(
    TargetSchema.pick({
      indicator: true,
      measure: true,
      comparator: true,
      value: true,
      unit: true,
      stretch: true,
      period: true,
      sourceText: true,
      source: true,
    }).extend({ taskId: z.string().nullable(), areaId: z.string().nullable() }),
  ),
  /** Tasks left without a due date because their time limit was not read as a date. */
  unreadDeadlines: z.array(z.object({ code: z.string(), text: z.string() })),
  unmatchedUnits: z.array(
    z.object({ name: z.string(), role: z.enum(['lead', 'co']), taskCodes: z.array(z.string()) }),
  ),
  extraction: z.unknown(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

/** What the review of an imported draft proposes beyond what the ledger stores, read again from its document. */
export const ImportReviewResponse = z.object({
  suggestions: z.array(z.object({ taskId: z.string(), unitId: z.string() })),
  unreadDeadlines: z.array(z.object({ taskId: z.string(), text: z.string() })),
});
export type ImportReviewResponse = z.infer<typeof ImportReviewResponse>;
