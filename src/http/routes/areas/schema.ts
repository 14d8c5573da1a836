import { z } from 'zod';
import type { AreaInput } from '../../../services/area-service.js';
import { IdParams, OptionalText, PlanParams, SpanSchema, Text } from '../../schemas.js';

export { IdParams, PlanParams };

export const AreaSchema = z.object({
  id: z.string(),
  planId: z.string(),
  seq: z.number().int(),
  code: z.string(),
  title: z.string(),
  source: SpanSchema,
  version: z.number().int(),
});
export type Area = z.infer<typeof AreaSchema>;

export const AreaBody = z.strictObject({
  title: Text(200),
  code: OptionalText(20).optional(),
}) satisfies z.ZodType<AreaInput>;
export type AreaBody = z.infer<typeof AreaBody>;

export const AreaPatchBody = z.strictObject({
  title: Text(200).optional(),
  code: OptionalText(20).optional(),
}) satisfies z.ZodType<Partial<AreaInput>>;
export type AreaPatchBody = z.infer<typeof AreaPatchBody>;
