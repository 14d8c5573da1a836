// Spreadsheets for the Excel tests: read a download, edit cells as a person would, build office sheets.
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 1-based row whose column `col` holds `text`. */
export function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).text === text) return r;
  throw new Error(`no row with ${text}`);
}

/** The 1-based column whose header (row `row`) is `text`. */
export function columnOf(ws: ExcelJS.Worksheet, row: number, text: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(row, c).text === text) return c;
  throw new Error(`no column ${text}`);
}
