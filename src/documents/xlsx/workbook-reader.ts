// Reads an uploaded .xlsx into text grids without trusting it: the zip is checked (declared and real
// inflated sizes) before anything is inflated for reading, rows are counted before cells are built,
// formulas give their cached values and external links are never opened.
import { inflateRawSync } from 'node:zlib';
import type { SheetGrid } from '../../domain/ledger-rows.js';
import {
  checkZipInflation,
  readZipDirectory,
  requireParts,
  ZipError,
  type ZipEntry,
} from '../zip-container.js';
import { attr, decodeXml, textRuns } from './xml-text.js';
import { cellDateStyles, serialToDate } from './cell-dates.js';

/** The most data rows one sheet may have (documented in docs/excel.md); a district's ledger has hundreds. */
export const MAX_SHEET_ROWS = 10_000;

export type XlsxErrorCode = 'not_xlsx' | 'encrypted' | 'too_large' | 'too_many_rows' | 'unreadable';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: XlsxErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'XlsxError';
    this.code = code;
    this.params = params;
  }
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A password-protected workbook is not a zip but an OLE compound file holding an EncryptedPackage; an old
 * .xls is a compound file too, without one.
 */
function refuseCompoundFile(bytes: Buffer): void {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(CFB_MAGIC)) return;
  if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')))
    throw new XlsxError('encrypted', 'workbook is password-protected');
  throw new XlsxError('not_xlsx', 'an old .xls or other compound file, not .xlsx');
}

function inflate(bytes: Buffer, entry: ZipEntry): string {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  try {
    return (entry.method === 0 ? data : inflateRawSync(data)).toString('utf8');
  } catch {
    throw new XlsxError('unreadable', `${entry.name} is corrupt`);
  }
}

function cellIndex(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

interface WorkbookParts {
  sharedStrings: string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

function cellText(attrs: string, inner: string, parts: WorkbookParts): string {
  const type = attr(attrs, 't');
  if (type === 'inlineStr') return textRuns(inner);
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  if (type === 's') return parts.sharedStrings[Number(v)] ?? '';
  if (type === 'str') return decodeXml(v);
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  if (type === 'e') return '';
  const style = Number(attr(attrs, 's') ?? 0);
  const n = Number(v);
  if (parts.dateStyles.has(style) && Number.isFinite(n)) return serialToDate(n, parts.date1904) ?? v;
  return v;
}

function readSheet(name: string, xml: string, parts: WorkbookParts): SheetGrid {
  const rowCount = xml.match(/<row[\s>]/g)?.length ?? 0;
  if (rowCount > MAX_SHEET_ROWS + 20)
    throw new XlsxError('too_many_rows', `sheet ${name} has ${rowCount} rows`, {
      sheet: name,
      rows: rowCount,
      max: MAX_SHEET_ROWS,
    });
  const rows: string[][] = [];
  let width = 0;
  let nextRow = 0;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(rm[1]!, 'r') ?? nextRow + 1) - 1;
    nextRow = r + 1;
    if (r < 0 || r > MAX_SHEET_ROWS + 1000) continue;
    const cells: string[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const at = cellIndex(attr(cm[1]!, 'r') ?? '');
      const c = at ? at.col : nextCol;
      nextCol = c + 1;
      if (c > 200) continue;
      cells[c] = cellText(cm[1]!, cm[2] ?? '', parts);
    }
    rows[r] = Array.from(cells, (v) => v ?? '');
    width = Math.max(width, cells.length);
  }
  const grid = Array.from(rows, (row) => {
    const full = row ?? [];
    while (full.length < width) full.push('');
    return full;
  });
  const mergedFrom = new Map<string, number>();
  for (const m of xml.matchAll(/<mergeCell\b[^>]*ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const a = cellIndex(m[1]!);
    const b = cellIndex(m[2]!);
    if (!a || !b || b.row >= grid.length) continue;
    const value = grid[a.row]?.[a.col] ?? '';
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= Math.min(b.col, width - 1); c++) {
        if (r === a.row && c === a.col) continue;
        grid[r]![c] = value;
        mergedFrom.set(`${r}:${c}`, a.row);
      }
  }
  return { name, rows: grid, mergedFrom };
}

/**
 * The workbook's sheets as text grids, in workbook order. Throws XlsxError for a file that is not an
 * .xlsx, is encrypted, too large once inflated (checked before inflating anything for reading) or has a
 * sheet past MAX_SHEET_ROWS.
 */
export async function readWorkbook(bytes: Buffer): Promise<SheetGrid[]> {
  refuseCompoundFile(bytes);
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
    requireParts(entries, 'xlsx');
    await checkZipInflation(bytes, entries);
  } catch (error) {
    if (error instanceof ZipError)
      throw error.code === 'too_large'
        ? new XlsxError('too_large', error.message)
        : new XlsxError('not_xlsx', error.message);
    throw error;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string): string | undefined => {
    const entry = byName.get(name);
    return entry ? inflate(bytes, entry) : undefined;
  };
  const workbook = part('xl/workbook.xml') ?? '';
  const rels = new Map<string, string>();
  for (const m of (part('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) rels.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const shared = part('xl/sharedStrings.xml') ?? '';
  const parts: WorkbookParts = {
    sharedStrings: [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textRuns(m[1]!)),
    dateStyles: cellDateStyles(part('xl/styles.xml') ?? ''),
    date1904: /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook),
  };
  const grids: SheetGrid[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name') ?? `Sheet${grids.length + 1}`;
    const target = rels.get(attr(m[1]!, 'r:id') ?? '');
    const xml = target ? part(`xl/${target}`) : undefined;
    if (xml !== undefined) grids.push(readSheet(name, xml, parts));
  }
  if (grids.length === 0) throw new XlsxError('unreadable', 'no worksheet');
  return grids;
}
