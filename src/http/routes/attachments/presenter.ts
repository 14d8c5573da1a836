import type { AttachmentRow } from '../../../services/attachment-service.js';
import type { Attachment } from './schema.js';

/** What the answer shows of a stored file; an attachment's row and a report's evidence row both carry it. */
type StoredFile = Pick<AttachmentRow, 'id' | 'filename' | 'mime' | 'size' | 'sha256' | 'created_at'>;

export function presentAttachment(a: StoredFile): Attachment {
  return {
    id: a.id,
    filename: a.filename,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.created_at,
  };
}
