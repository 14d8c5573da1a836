/** Mirrors the server's evidence rules, so a wrong file is refused before minutes of upload on a phone. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx', '.txt'] as const;
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.join(',');

export type FileProblem = 'empty' | 'too_large' | 'bad_type' | 'content_mismatch';

export function extensionOf(name: string): string {
  return /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
}

/** Name and size alone: what can be said before reading the file. */
export function checkFileMeta(name: string, size: number): FileProblem | null {
  if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(extensionOf(name))) return 'bad_type';
  if (size === 0) return 'empty';
  if (size > MAX_EVIDENCE_BYTES) return 'too_large';
  return null;
}

/** The first bytes must match the extension, as the server checks: a renamed .exe is not a PDF. */
export function contentMatches(name: string, head: Uint8Array): boolean {
  const b = (i: number) => head[i] ?? -1;
  switch (extensionOf(name)) {
    case '.pdf':
      return String.fromCharCode(b(0), b(1), b(2), b(3), b(4)) === '%PDF-';
    case '.png':
      return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v);
    case '.jpg':
    case '.jpeg':
      return b(0) === 0xff && b(1) === 0xd8;
    case '.docx':
    case '.xlsx':
      return b(0) === 0x50 && b(1) === 0x4b;
    case '.txt':
      return !head.includes(0);
    default:
      return false;
  }
}

export async function checkFile(file: File): Promise<FileProblem | null> {
  const problem = checkFileMeta(file.name, file.size);
  if (problem) return problem;
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  return contentMatches(file.name, head) ? null : 'content_mismatch';
}
