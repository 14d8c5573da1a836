// Building blocks for the office's spreadsheets (台账, 报送表, 督办件, and the key-project, indicator and
// assessment tables to come): a merged title row, an information row, a one- or two-row merged header,
// bordered wrapped cells, full-width band rows, frozen header and A4 landscape print with the header
// repeated. Rows stream out as they are added, so a sheet of thousands of rows holds little in memory.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetColumn {
  /** The header text; columns sharing a `group` get it merged above them on a second header row. */
  header: string;
  group?: string;
  width: number;
  hidden?: boolean;
  align?: 'left' | 'center';
}

export interface SheetSpec {
  name: string;
  /** Row 1, merged across the visible columns. */
  title: string;
  /** Row 2, spread over the width: 填报单位 left, 截至X月底 middle, 填报日期 right. */
  info?: readonly string[];
  columns: readonly SheetColumn[];
}

export type CellValue = string | number | null;

/** A fill for one cell: background and text colour as RGB hex, '#e02424'. */
export interface CellFill {
  background: string;
  text: string;
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = { name: '宋体', size: 10 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const BAND_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase().padEnd(6, '0').slice(0, 6)}`;

/** One sheet being written: rows go out in order; call `done` once the last is added. */
export class SheetWriter {
  private readonly ws: ExcelJS.Worksheet;
  private readonly width: number;
  private readonly visible: number;
  private next = 1;
  /** One style object per colour: ExcelJS serialises a style per cell, and a fresh object each row costs. */
  private readonly fills = new Map<string, Partial<ExcelJS.Style>>();

  constructor(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec) {
    this.width = spec.columns.length;
    this.visible = spec.columns.filter((c) => !c.hidden).length;
    const grouped = spec.columns.some((c) => c.group);
    const headerRows = grouped ? 2 : 1;
    const headerStart = spec.info ? 3 : 2;
    const headerEnd = headerStart + headerRows - 1;
    this.ws = wb.addWorksheet(spec.name, {
      views: [{ state: 'frozen', ySplit: headerEnd, xSplit: 0 }],
      pageSetup: {
        // A4 is 9 in the OOXML paper-size table; ExcelJS declares it in a const enum that a transpiler cannot inline.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
        paperSize: 9 as ExcelJS.PaperSize,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${headerStart}:${headerEnd}`,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    });
    this.ws.columns = spec.columns.map((c) => ({
      width: c.width,
      hidden: c.hidden ?? false,
      style: {
        font: FONT,
        border: BORDER,
        alignment: { wrapText: true, vertical: 'middle', horizontal: c.align ?? 'left' },
      },
    }));
    this.titleRow(spec.title);
    if (spec.info) this.infoRow(spec.info);
    this.header(spec.columns, grouped);
  }

  private lastVisible(): number {
    return Math.max(1, this.visible);
  }

  private titleRow(title: string): void {
    const row = this.ws.getRow(this.next);
    row.height = 32;
    const cell = row.getCell(1);
    cell.value = title;
    cell.style = {
      font: { name: '方正小标宋简体', size: 16, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle' },
    };
    this.ws.mergeCells(this.next, 1, this.next, this.lastVisible());
    row.commit();
    this.next++;
  }

  private infoRow(parts: readonly string[]): void {
    const row = this.ws.getRow(this.next);
    const span = Math.max(1, Math.floor(this.lastVisible() / parts.length));
    parts.forEach((text, i) => {
      const from = i * span + 1;
      const to = i === parts.length - 1 ? this.lastVisible() : from + span - 1;
      const cell = row.getCell(from);
      cell.value = text;
      cell.style = {
        font: FONT,
        alignment: { horizontal: i === 0 ? 'left' : i === parts.length - 1 ? 'right' : 'center' },
      };
      if (to > from) this.ws.mergeCells(this.next, from, this.next, to);
    });
    row.commit();
    this.next++;
  }

  private header(columns: readonly SheetColumn[], grouped: boolean): void {
    const top = this.next;
    const bottom = grouped ? top + 1 : top;
    const style: Partial<ExcelJS.Style> = {
      font: { ...FONT, bold: true },
      fill: HEADER_FILL,
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    const rows = [this.ws.getRow(top), this.ws.getRow(bottom)];
    columns.forEach((c, i) => {
      const upper = rows[0]!.getCell(i + 1);
      upper.value = c.group ?? c.header;
      upper.style = style;
      if (grouped) {
        const lower = rows[1]!.getCell(i + 1);
        lower.value = c.header;
        lower.style = style;
      }
    });
    if (grouped) {
      let i = 0;
      while (i < columns.length) {
        const group = columns[i]!.group;
        let j = i;
        while (group && j + 1 < columns.length && columns[j + 1]!.group === group) j++;
        if (group) {
          if (j > i) this.ws.mergeCells(top, i + 1, top, j + 1);
        } else {
          this.ws.mergeCells(top, i + 1, bottom, i + 1);
        }
        i = j + 1;
      }
    }
    rows[0]!.commit();
    if (grouped) rows[1]!.commit();
    this.next = bottom + 1;
  }

  /** A full-width row (an area: 一、…), bold on grey; `hidden` cells (the id column) stay outside the merge. */
  band(text: string): void {
    const row = this.ws.getRow(this.next);
    const cell = row.getCell(1);
    cell.value = text;
    cell.style = {
      font: { ...FONT, bold: true },
      fill: BAND_FILL,
      border: BORDER,
      alignment: { vertical: 'middle' },
    };
    this.ws.mergeCells(this.next, 1, this.next, this.lastVisible());
    row.commit();
    this.next++;
  }

  /** A data row; `fills` colours single cells by column index (0-based). */
  row(values: readonly CellValue[], fills?: ReadonlyMap<number, CellFill>): void {
    const row = this.ws.getRow(this.next);
    row.values = values.slice(0, this.width);
    if (fills) for (const [index, fill] of fills) row.getCell(index + 1).style = this.fillStyle(fill);
    row.commit();
    this.next++;
  }

  private fillStyle(fill: CellFill): Partial<ExcelJS.Style> {
    const key = `${fill.background}/${fill.text}`;
    let style = this.fills.get(key);
    if (!style) {
      style = {
        font: { ...FONT, bold: true, color: { argb: argb(fill.text) } },
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill.background) } },
        border: BORDER,
        alignment: { horizontal: 'center', vertical: 'middle' },
      };
      this.fills.set(key, style);
    }
    return style;
  }

  done(): void {
    this.ws.commit();
  }
}

/** Writes a workbook whose sheets `build` adds, and answers its bytes. */
export async function writeWorkbook(
  build: (add: (spec: SheetSpec) => SheetWriter) => void | Promise<void>,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Taizhang 台账';
  await build((spec) => new SheetWriter(wb, spec));
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}
