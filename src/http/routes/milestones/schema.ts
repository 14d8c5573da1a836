import { z } from 'zod';
import type { MilestoneInput, NewMilestoneInput } from '../../../services/milestone-service.js';
import { DateString, IdParams, TaskParams, Text } from '../../schemas.js';

export { IdParams, TaskParams };

export const MilestoneSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  seq: z.number().int(),
  title: z.string(),
  // As stored: a date written before dates were checked is shown as it is, not refused on the way out.
  dueDate: z.string(),
  doneDate: z.string().nullable(),
  version: z.number().int(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const MilestoneBody = z.strictObject({
  title: Text(200),
  dueDate: DateString,
}) satisfies z.ZodType<NewMilestoneInput>;
export type MilestoneBody = z.infer<typeof MilestoneBody>;

export const MilestonePatch = z.strictObject({
  title: Text(200).optional(),
  dueDate: DateString.optional(),
  doneDate: DateString.nullable().optional(),
}) satisfies z.ZodType<MilestoneInput>;
export type MilestonePatch = z.infer<typeof MilestonePatch>;
