import { z } from 'zod';
import type { RegionInput } from '../../../services/region-service.js';
import { RegionParams, Text } from '../../schemas.js';

export { RegionParams };

export const RegionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  parentCity: z.string().nullable(),
  version: z.number().int(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionBody = z.strictObject({
  name: Text(50),
  kind: Text(20),
  parentCity: Text(50).optional(),
}) satisfies z.ZodType<RegionInput>;
export type RegionBody = z.infer<typeof RegionBody>;
