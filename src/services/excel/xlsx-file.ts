// What the Excel services answer and how a refused spreadsheet is told.
import { XlsxError, type XlsxErrorCode } from '../../documents/xlsx/workbook-reader.js';
import { parseDate } from '../../domain/calendar.js';
import { fail, type Reason } from '../errors.js';

export interface XlsxFile {
  filename: string;
  bytes: Buffer;
}

export function xlsxFile(name: string, bytes: Buffer): XlsxFile {
  // A file name never carries a path or a character a file system refuses.
  const safe = name
    .replace(/\p{Cc}/gu, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .slice(0, 120);
  return { filename: `${safe}.xlsx`, bytes };
}

/** 2026年6月15日 */
export function chineseDate(day: string): string {
  const { year, month, day: d } = parseDate(day);
  return `${year}年${month}月${d}日`;
}

const XLSX_REASONS: Readonly<Record<XlsxErrorCode, Reason>> = {
  not_xlsx: 'xlsx.not_xlsx',
  encrypted: 'xlsx.encrypted',
  too_large: 'xlsx.too_large_uncompressed',
  too_many_rows: 'xlsx.too_many_rows',
  unreadable: 'xlsx.unreadable',
};

/** Refuses anything not named .xlsx before reading a byte of it. */
export function demandXlsxName(filename: string): void {
  if (!/\.xlsx$/i.test(filename)) throw fail('xlsx.not_xlsx', {}, { filename });
}

/** Runs a read, turning the reader's refusal into the reason the caller is told. */
export async function readingXlsx<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof XlsxError) throw fail(XLSX_REASONS[error.code], error.params);
    throw error;
  }
}
