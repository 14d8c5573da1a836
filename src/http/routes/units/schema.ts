import { z } from 'zod';
import type { UnitInput, UnitKind, UnitPatch } from '../../../services/unit-service.js';
import { IdParams, RegionParams, Text } from '../../schemas.js';

export { IdParams, RegionParams };

export const UnitKindSchema = z.enum(['office', 'department', 'town', 'other']) satisfies z.ZodType<UnitKind>;

export const UnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  active: z.boolean(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitBody = z.strictObject({
  name: Text(60),
  kind: UnitKindSchema,
}) satisfies z.ZodType<UnitInput>;
export type UnitBody = z.infer<typeof UnitBody>;

export const UnitPatchBody = z.strictObject({
  name: Text(60).optional(),
  kind: UnitKindSchema.optional(),
  active: z.boolean().optional(),
}) satisfies z.ZodType<UnitPatch>;
export type UnitPatchBody = z.infer<typeof UnitPatchBody>;
