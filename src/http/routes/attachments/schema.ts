import { z } from 'zod';
import { FileFields, IdParams } from '../../schemas.js';

export { IdParams };

/**
 * A stored file as the API shows it: one attached to a record (a 容错免责 request, an experience, …), read at
 * /api/attachments/{id}, or a report's evidence, read at /api/files/{id}.
 */
export const AttachmentSchema = z.object({
  id: z.string(),
  ...FileFields,
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
