import type { AttachmentRow } from '../../../services/attachment-service.js';
import type { Attachment } from './schema.js';

export function presentAttachment(a: AttachmentRow): Attachment {
  return {
    id: a.id,
    filename: a.filename,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.created_at,
  };
}
