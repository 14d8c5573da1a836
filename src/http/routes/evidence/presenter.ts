import type { EvidenceFileRow } from '../../../services/evidence-service.js';
import type { File } from './schema.js';

export function presentFile(f: EvidenceFileRow): File {
  return {
    id: f.id,
    filename: f.filename,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    createdAt: f.created_at,
  };
}
