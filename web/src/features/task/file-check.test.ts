import { describe, expect, it } from 'vitest';
import { checkFile, checkFileMeta, contentMatches, MAX_EVIDENCE_BYTES } from './file-check';

describe('evidence file checks', () => {
  it('accepts the allowed types within 20 MB', () => {
    expect(checkFileMeta('会议纪要.PDF', 1000)).toBeNull();
    expect(checkFileMeta('照片.jpeg', MAX_EVIDENCE_BYTES)).toBeNull();
  });

  it('refuses other types, empty and oversized files', () => {
    expect(checkFileMeta('setup.exe', 10)).toBe('bad_type');
    expect(checkFileMeta('a.pdf', 0)).toBe('empty');
    expect(checkFileMeta('a.pdf', MAX_EVIDENCE_BYTES + 1)).toBe('too_large');
  });

  it('sniffs content like the server', () => {
    expect(contentMatches('a.pdf', new TextEncoder().encode('%PDF-1.7'))).toBe(true);
    expect(contentMatches('a.pdf', new TextEncoder().encode('MZ\x90\x00'))).toBe(false);
    expect(contentMatches('a.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      true,
    );
    expect(contentMatches('a.docx', Uint8Array.from([0x50, 0x4b, 3, 4]))).toBe(true);
    expect(contentMatches('a.txt', Uint8Array.from([0x41, 0, 0x42]))).toBe(false);
  });

  it('checks a File end to end', async () => {
    expect(await checkFile(new File(['进展说明'], '说明.txt'))).toBeNull();
    expect(await checkFile(new File(['not a pdf'], 'fake.pdf'))).toBe('content_mismatch');
  });
});
