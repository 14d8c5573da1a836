import { z } from 'zod';
import { IdParams } from '../../schemas.js';

export { IdParams };

export const FileSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type File = z.infer<typeof FileSchema>;
