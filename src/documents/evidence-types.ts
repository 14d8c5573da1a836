// The files a progress report may carry as evidence (佐证材料), and how their content is recognised.
import { isReadableZipContainer } from './zip-container.js';

/** Allowed extensions and the type each is served with. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

/** Checks content against the claimed type, so a renamed executable is not stored as a "PDF". */
function sniffMatches(ext: string, bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8);
  switch (ext) {
    case '.pdf':
      return head.toString('latin1', 0, 5) === '%PDF-';
    case '.png':
      return head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case '.jpg':
    case '.jpeg':
      return head[0] === 0xff && head[1] === 0xd8;
    case '.docx':
      // The magic bytes alone let random bytes after "PK" through: read the archive far enough to know.
      return isReadableZipContainer(bytes, 'docx');
    case '.xlsx':
      return isReadableZipContainer(bytes, 'xlsx');
    case '.txt':
      return !bytes.subarray(0, 4096).includes(0);
    default:
      return false;
  }
}

/** Long names break downloads and file systems; 200 characters hold any real title. */
export const EVIDENCE_FILENAME_MAX = 200;

/** The type to store the file as, or null when its name or its content is not an allowed kind of evidence. */
export function evidenceTypeOf(filename: string, bytes: Buffer): string | null {
  if (filename.length > EVIDENCE_FILENAME_MAX) return null;
  const ext = /\.[^.]+$/.exec(filename.toLowerCase())?.[0] ?? '';
  const mime = EVIDENCE_TYPES[ext];
  return mime !== undefined && sniffMatches(ext, bytes) ? mime : null;
}
