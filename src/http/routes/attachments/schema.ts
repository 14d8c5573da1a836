import { z } from 'zod';
import { IdParams } from '../../schemas.js';

export { IdParams };

/** A file attached to a 容错免责 request or an experience; read at /api/attachments/{id}. */
export const AttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
