import { z } from 'zod';
import type { MeasurementInput } from '../../../services/measurement-service.js';
import { IdParams, Line, OptionalLongText } from '../../schemas.js';

export { IdParams };

export const MeasurementSchema = z.object({
  period: z.string(),
  value: z.number(),
  note: z.string(),
  /** 'reported' by the responsible unit, 'confirmed' by the office. */
  status: z.enum(['reported', 'confirmed']),
  /** The unit's figure the office's (the statistics bureau's) replaced; null when none was. */
  estimate: z.number().nullable(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export const MeasurementBody = z.strictObject({
  period: Line(10),
  value: z.number(),
  note: OptionalLongText(500).optional(),
}) satisfies z.ZodType<MeasurementInput>;
export type MeasurementBody = z.infer<typeof MeasurementBody>;
