import { z } from 'zod';
import { SHORT_NAME_MAX } from '../../../domain/area-names.js';
import type { AreaInput } from '../../../services/area-service.js';
import { IdParams, OptionalText, PlanParams, SpanSchema, Text } from '../../schemas.js';

export { IdParams, PlanParams };

export const AreaSchema = z.object({
  id: z.string(),
  planId: z.string(),
  seq: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** For tight places (area grid, filters, charts): the office's short name, or derived from the title. */
  shortName: z.string(),
  /** Whether the office chose the short name (false: derived from the title). */
  shortNameSet: z.boolean(),
  source: SpanSchema,
  version: z.number().int(),
});
export type Area = z.infer<typeof AreaSchema>;

/** A short name the office types; empty or null gives the derived one back. */
const ShortName = OptionalText(SHORT_NAME_MAX).nullable().optional();

export const AreaBody = z.strictObject({
  title: Text(200),
  code: OptionalText(20).optional(),
  shortName: ShortName,
}) satisfies z.ZodType<AreaInput>;
export type AreaBody = z.infer<typeof AreaBody>;

export const AreaPatchBody = z.strictObject({
  title: Text(200).optional(),
  code: OptionalText(20).optional(),
  shortName: ShortName,
}) satisfies z.ZodType<Partial<AreaInput>>;
export type AreaPatchBody = z.infer<typeof AreaPatchBody>;
