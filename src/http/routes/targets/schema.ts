import { z } from 'zod';
import type { TargetInput } from '../../../services/target-service.js';
import { Id, IdParams, OptionalText, PlanParams, SpanSchema, Text } from '../../schemas.js';
import { MeasurementSchema } from '../measurements/schema.js';

export { IdParams, PlanParams };

export const TargetSchema = z.object({
  id: z.string(),
  planId: z.string(),
  areaId: z.string().nullable(),
  taskId: z.string().nullable(),
  indicator: z.string(),
  measure: z.enum(['level', 'growth', 'share', 'count']),
  comparator: z.enum(['=', '~', '>', '>=', '<', '<=']),
  value: z.number(),
  unit: z.string(),
  stretch: z.boolean(),
  period: z.string().nullable(),
  sourceText: z.string().nullable(),
  source: SpanSchema,
  version: z.number().int(),
  /** The responsible unit, whose staff enter the values. */
  unitId: z.string().nullable(),
  cadence: z.enum(['monthly', 'quarterly', 'yearly']),
  /** Values are year-to-date (累计) rather than each period's own (当期). */
  cumulative: z.boolean(),
  measurements: z.array(MeasurementSchema),
});
export type Target = z.infer<typeof TargetSchema>;

export const TargetBody = z.strictObject({
  indicator: Text(100),
  measure: TargetSchema.shape.measure,
  comparator: TargetSchema.shape.comparator,
  value: z.number(),
  unit: OptionalText(20),
  stretch: z.boolean().optional(),
  period: OptionalText(20).nullable().optional(),
  areaId: Id.nullable().optional(),
  taskId: Id.nullable().optional(),
  unitId: Id.nullable().optional(),
  cadence: TargetSchema.shape.cadence.optional(),
  cumulative: z.boolean().optional(),
}) satisfies z.ZodType<TargetInput>;
export type TargetBody = z.infer<typeof TargetBody>;

export const TargetPatchBody = TargetBody.partial() satisfies z.ZodType<Partial<TargetInput>>;
export type TargetPatchBody = z.infer<typeof TargetPatchBody>;
