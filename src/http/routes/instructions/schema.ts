import { z } from 'zod';
import { LongText, TaskParams } from '../../schemas.js';

export { TaskParams };

export const InstructionSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type Instruction = z.infer<typeof InstructionSchema>;

export const InstructionBody = z.strictObject({ body: LongText(2000) });
export type InstructionBody = z.infer<typeof InstructionBody>;
