// Inspects a zip-based document (.docx, .xlsx) before anything inflates it whole: a few hundred KB of
// deflated zeros can expand to gigabytes, and the libraries that read these formats hold it all in memory.
import { createInflateRaw } from 'node:zlib';

/** Caps for an uploaded zip container; src/domain has no limits module yet, so they live here. */
export const ZIP_LIMITS = {
  /** Total of all entries once inflated; a large programme document with images is a few MB. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** A .docx has tens of parts, a workbook with many sheets hundreds. */
  maxEntries: 2000,
  /** Inflated to compressed, for entries past `ratioFloorBytes`; XML compresses ten to fifty times, zeros a thousand. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
} as const;

export type ZipErrorCode = 'too_large' | 'unreadable';

export class ZipError extends Error {
  readonly code: ZipErrorCode;
  constructor(code: ZipErrorCode, message: string) {
    super(message);
    this.name = 'ZipError';
    this.code = code;
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; nothing else is accepted. */
  method: 0 | 8;
  compressedSize: number;
  /** As declared by the central directory: a claim, checked again while inflating. */
  declaredSize: number;
  /** Where the entry's data starts, past its local header. */
  dataOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

function unreadable(detail: string): never {
  throw new ZipError('unreadable', `not a readable zip archive: ${detail}`);
}

function tooLarge(detail: string): never {
  throw new ZipError('too_large', `zip archive too large once inflated: ${detail}`);
}

function findEndOfDirectory(bytes: Buffer): number {
  const last = bytes.length - END_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (
      bytes.readUInt32LE(at) === END_OF_DIRECTORY &&
      at + END_SIZE + bytes.readUInt16LE(at + 20) <= bytes.length
    )
      return at;
  }
  return unreadable('no end of central directory');
}

/**
 * Reads the central directory and checks what it declares against ZIP_LIMITS, inflating nothing. Refuses
 * multi-disk, ZIP64 and encrypted archives (no Office document needs them) and entries whose data would lie
 * outside the file.
 */
export function readZipDirectory(bytes: Buffer): ZipEntry[] {
  if (bytes.length < END_SIZE) unreadable('too short');
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0)
    unreadable('multi-disk archive');
  if (count === 0xffff || offset === 0xffffffff) unreadable('ZIP64 archive');
  if (count > ZIP_LIMITS.maxEntries) tooLarge(`${count} entries`);
  if (offset + size > end) unreadable('central directory outside the file');
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY)
      unreadable(`directory entry ${i} malformed`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const declaredSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    if (next > end) unreadable(`directory entry ${i} overruns the directory`);
    const name = bytes.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    if (flags & 0x0001) unreadable(`${name} is encrypted`);
    if (method !== 0 && method !== 8) unreadable(`${name} uses compression method ${method}`);
    declaredTotal += declaredSize;
    if (declaredTotal > ZIP_LIMITS.maxUncompressedBytes)
      tooLarge(`declares more than ${ZIP_LIMITS.maxUncompressedBytes} bytes`);
    if (declaredSize > ZIP_LIMITS.ratioFloorBytes && declaredSize > compressedSize * ZIP_LIMITS.maxRatio)
      tooLarge(`${name} declares a ${Math.round(declaredSize / Math.max(compressedSize, 1))}:1 ratio`);
    entries.push({
      name,
      method,
      compressedSize,
      declaredSize,
      dataOffset: localDataOffset(bytes, localOffset, offset, name),
    });
    at = next;
  }
  for (const entry of entries)
    if (entry.dataOffset + entry.compressedSize > offset) unreadable(`${entry.name} overruns its data`);
  return entries;
}

function localDataOffset(bytes: Buffer, at: number, directoryOffset: number, name: string): number {
  if (at + 30 > directoryOffset || bytes.readUInt32LE(at) !== LOCAL_HEADER)
    unreadable(`${name} has no local header`);
  return at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
}

/** Inflates one entry through a counter, keeping nothing: resolves to its size, or stops once past `budget`. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => {
      resolve(total);
    });
    inflate.on('error', () => {
      reject(new ZipError('unreadable', 'not a readable zip archive: corrupt deflate data'));
    });
    inflate.end(data);
  });
}

/**
 * Inflates every entry with a byte counter and nothing kept, whatever the headers declared, and refuses the
 * archive once the total passes the cap. Overlapping entries (one stream listed many times) count each time.
 * Resolves to the inflated total.
 */
export async function checkZipInflation(bytes: Buffer, entries: ZipEntry[]): Promise<number> {
  let total = 0;
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const budget = ZIP_LIMITS.maxUncompressedBytes - total;
    total += entry.method === 0 ? data.length : await inflatedSize(data, budget);
    if (total > ZIP_LIMITS.maxUncompressedBytes)
      tooLarge(`inflates past ${ZIP_LIMITS.maxUncompressedBytes} bytes at ${entry.name}`);
  }
  return total;
}

/** The parts without which a file is not what its extension says. */
const REQUIRED_PARTS: Record<'docx' | 'xlsx', string[]> = {
  docx: ['[Content_Types].xml', 'word/document.xml'],
  xlsx: ['[Content_Types].xml', 'xl/workbook.xml'],
};

/**
 * Whether `bytes` is a zip archive of the claimed Office kind: its central directory reads, it is within
 * ZIP_LIMITS as declared, and it has the kind's required parts. Inflates nothing, so it is cheap on uploads.
 */
export function isReadableZipContainer(bytes: Buffer, kind: 'docx' | 'xlsx'): boolean {
  let names: Set<string>;
  try {
    names = new Set(readZipDirectory(bytes).map((e) => e.name));
  } catch (error) {
    if (error instanceof ZipError) return false;
    throw error;
  }
  return REQUIRED_PARTS[kind].every((part) => names.has(part));
}

/** Throws ZipError unless the archive holds the parts of `kind`; for readers that go on to inflate it. */
export function requireParts(entries: ZipEntry[], kind: 'docx' | 'xlsx'): void {
  const names = new Set(entries.map((e) => e.name));
  const missing = REQUIRED_PARTS[kind].filter((part) => !names.has(part));
  if (missing.length > 0) unreadable(`no ${missing.join(', ')}`);
}
