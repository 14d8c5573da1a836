import { z } from 'zod';
import type { PlanInput } from '../../../services/plan-service.js';
import { CanSchema, DateString, PlanParams, RegionParams, TaskStatusSchema, Text } from '../../schemas.js';
import { AreaSchema } from '../areas/schema.js';

export { PlanParams, RegionParams };

export const PlanSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  title: z.string(),
  kind: z.enum([
    'work_points',
    'topic_projects',
    'action_plan',
    'congress_report',
    'government_report',
    'speech',
  ]),
  year: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  cadence: z.enum(['monthly', 'quarterly']),
  status: z.enum(['draft', 'published']),
  sourceName: z.string().nullable(),
  warnings: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  can: CanSchema(['edit', 'publish']),
});
export type Plan = z.infer<typeof PlanSchema>;

/** How many tasks stand in each status, and their weighted progress. */
export const RollUpSchema = z.object({
  total: z.number().int(),
  counts: z.record(TaskStatusSchema, z.number().int()),
  progress: z.number(),
});
export type RollUp = z.infer<typeof RollUpSchema>;

export const PlanOverviewSchema = z.object({
  plan: PlanSchema,
  rollUp: RollUpSchema,
  areas: z.array(AreaSchema.extend({ rollUp: RollUpSchema })),
});
export type PlanOverview = z.infer<typeof PlanOverviewSchema>;

export const PlanSourceSchema = z.object({ text: z.string().nullable() });
export type PlanSource = z.infer<typeof PlanSourceSchema>;

export const PlanBody = z.strictObject({
  title: Text(200),
  kind: PlanSchema.shape.kind,
  year: z.number().int().min(2000).max(2100),
  periodStart: DateString.optional(),
  periodEnd: DateString.optional(),
  cadence: PlanSchema.shape.cadence.optional(),
}) satisfies z.ZodType<PlanInput>;
export type PlanBody = z.infer<typeof PlanBody>;

export const PlanPatchBody = PlanBody.partial() satisfies z.ZodType<Partial<PlanInput>>;
export type PlanPatchBody = z.infer<typeof PlanPatchBody>;
