import { z } from 'zod';
import type { RegionInput } from '../../../services/region-service.js';
import { Id, RegionParams, Text } from '../../schemas.js';

export { RegionParams };

export const RegionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  parentCity: z.string().nullable(),
  /** The region above (a city above its districts); its office, leaders and viewers read this one. */
  parentId: z.string().nullable(),
  version: z.number().int(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionBody = z.strictObject({
  name: Text(50),
  kind: Text(20),
  parentCity: Text(50).optional(),
  parentId: Id.optional(),
}) satisfies z.ZodType<RegionInput>;
export type RegionBody = z.infer<typeof RegionBody>;
