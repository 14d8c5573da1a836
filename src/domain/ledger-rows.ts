// Reads a ledger sheet laid out as offices lay them out: title rows, a one- or two-row header found by its
// column names, area rows (一、二、) across the width, numbered tasks (1, 2, 1.1) and vertical merges.
import {
  columnLetter,
  columnOfHeader,
  LEDGER_REQUIRED,
  lookedFor,
  splitUnitNames,
  type LedgerColumnKey,
} from './ledger-columns.js';
import { parseLedgerDate, type LedgerDate } from './ledger-dates.js';

/** One sheet as text, merged cells expanded from their top-left value. */
export interface SheetGrid {
  name: string;
  rows: string[][];
  /** For a cell inside a merge but not its top-left, keyed `row:column` (0-based): the merge's first row. */
  mergedFrom: ReadonlyMap<string, number>;
}

export type LedgerIssueCode =
  | 'date_unreadable'
  | 'title_missing'
  | 'title_too_long'
  | 'text_too_long'
  | 'unit_unknown'
  | 'id_unknown'
  | 'id_repeated'
  | 'id_other_plan';

/** A problem with one cell, reported by sheet, row (1-based, as the spreadsheet shows) and column letter. */
export interface LedgerIssue {
  sheet: string;
  row: number;
  column: string;
  code: LedgerIssueCode;
  value: string;
}

export interface LedgerLine {
  row: number;
  id: string | null;
  code: string;
  parentCode: string | null;
  title: string;
  measures: string;
  lead: string[];
  co: string[];
  leader: string;
  due: LedgerDate;
  output: string;
  /** The 进展情况 cells, one per period column of the header, in order. */
  progress: string[];
  /** 备注. */
  remark: string;
  areaIndex: number | null;
}

export interface LedgerHeader {
  row: number;
  rows: number;
  columns: Map<LedgerColumnKey, number>;
  progressColumns: number[];
}

export interface LedgerRead {
  sheet: string;
  title: string | null;
  year: number;
  header: LedgerHeader;
  areas: { code: string; title: string; row: number }[];
  lines: LedgerLine[];
  issues: LedgerIssue[];
}

export type LedgerReadResult = { ok: true; ledger: LedgerRead } | { ok: false; lookedFor: string[] };

const HEADER_SCAN_ROWS = 20;
const AREA = /^([一二三四五六七八九十百]+)\s*[、.．]\s*(.*)$/;
const LIMITS = { title: 500, measures: 20_000, leader: 60, output: 5_000, remark: 2_000 } as const;
/** A progress cell the office edits becomes its ledger note: as long as a report's narrative may be. */
export const LEDGER_NOTE_MAX = 5_000;

/** The first of the top rows holding the required columns by name (or a synonym). */
export function findLedgerHeader(grid: SheetGrid): LedgerHeader | undefined {
  const scan = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const columns = new Map<LedgerColumnKey, number>();
    const progressColumns: number[] = [];
    grid.rows[r]!.forEach((text, c) => {
      const key = columnOfHeader(text);
      if (!key) return;
      if (key === 'progress') progressColumns.push(c);
      else if (!columns.has(key)) columns.set(key, c);
    });
    if (!LEDGER_REQUIRED.every((k) => columns.has(k))) continue;
    // A two-row header repeats the merged names in its second row (or leaves them blank) and names months there.
    const next = grid.rows[r + 1] ?? [];
    const titleCol = columns.get('title')!;
    const second =
      next[titleCol] === grid.rows[r]![titleCol] || (progressColumns.length > 0 && !next[titleCol]);
    return { row: r, rows: second ? 2 : 1, columns, progressColumns };
  }
  return undefined;
}

function sheetTitle(grid: SheetGrid, headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++) {
    const text = grid.rows[r]!.find((c) => c.trim() !== '');
    if (text && !/填报|截至|日期/.test(text)) return text.trim();
  }
  return null;
}

/** Finds the ledger among the workbook's sheets, or names the columns it looked for. */
export function readLedger(grids: readonly SheetGrid[], fallbackYear: number): LedgerReadResult {
  for (const grid of grids) {
    const header = findLedgerHeader(grid);
    if (header) return { ok: true, ledger: readLines(grid, header, fallbackYear) };
  }
  return { ok: false, lookedFor: lookedFor(LEDGER_REQUIRED) };
}

function readLines(grid: SheetGrid, header: LedgerHeader, fallbackYear: number): LedgerRead {
  const title = sheetTitle(grid, header.row);
  const yearMatch = /(20\d{2})年/.exec(title ?? '');
  const year = yearMatch ? Number(yearMatch[1]) : fallbackYear;
  const col = header.columns;
  const issues: LedgerIssue[] = [];
  const areas: LedgerRead['areas'] = [];
  const lines: LedgerLine[] = [];
  const byRow = new Map<number, LedgerLine>();
  const seenIds = new Set<string>();
  let running = 0;
  const cell = (row: string[], key: LedgerColumnKey): string => {
    const c = col.get(key);
    return c === undefined ? '' : (row[c] ?? '').trim();
  };
  const issue = (r: number, key: LedgerColumnKey, code: LedgerIssueCode, value: string) =>
    issues.push({ sheet: grid.name, row: r + 1, column: columnLetter(col.get(key) ?? 0), code, value });

  for (let r = header.row + header.rows; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const idCol = col.get('id');
    const texts = row.filter((t, c) => c !== idCol && t.trim() !== '').map((t) => t.trim());
    if (texts.length === 0) continue;
    const area = areaOf(texts, cell(row, 'seq'), cell(row, 'title'));
    if (area) {
      areas.push({ ...area, row: r + 1 });
      continue;
    }
    const titleCol = col.get('title')!;
    const origin = grid.mergedFrom.get(`${r}:${titleCol}`);
    const continued = origin === undefined ? undefined : byRow.get(origin);
    if (continued) {
      // A task merged down over several rows of measures: one task, its measures and units gathered.
      appendText(continued, 'measures', cell(row, 'measures'));
      for (const u of splitUnitNames(cell(row, 'co'))) if (!continued.co.includes(u)) continued.co.push(u);
      byRow.set(r, continued);
      continue;
    }
    const title = cell(row, 'title');
    if (!title) {
      issue(r, 'title', 'title_missing', texts[0]!);
      continue;
    }
    if (title.length > LIMITS.title) issue(r, 'title', 'title_too_long', title.slice(0, 40));
    const dueText = cell(row, 'due');
    const due = parseLedgerDate(dueText, year);
    if (due.kind === 'invalid') issue(r, 'due', 'date_unreadable', dueText);
    const id = cell(row, 'id') || null;
    if (id && seenIds.has(id)) issue(r, 'id', 'id_repeated', id);
    if (id) seenIds.add(id);
    const seq = cell(row, 'seq');
    const code = /^\d+(\.\d+)*$/.test(seq) ? seq : String(++running);
    if (/^\d+$/.test(code)) running = Number(code);
    const line: LedgerLine = {
      row: r + 1,
      id,
      code,
      parentCode: code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null,
      title: title.slice(0, LIMITS.title),
      measures: cell(row, 'measures'),
      lead: splitUnitNames(cell(row, 'lead')),
      co: splitUnitNames(cell(row, 'co')),
      leader: cell(row, 'leader').slice(0, LIMITS.leader),
      due,
      output: cell(row, 'output'),
      progress: header.progressColumns.map((c) => (row[c] ?? '').trim()),
      remark: cell(row, 'remark'),
      areaIndex: areas.length > 0 ? areas.length - 1 : null,
    };
    for (const key of ['measures', 'output', 'remark'] as const)
      if (line[key].length > LIMITS[key]) issue(r, key, 'text_too_long', line[key].slice(0, 40));
    line.progress.forEach((text, i) => {
      if (text.length > LEDGER_NOTE_MAX)
        issues.push({
          sheet: grid.name,
          row: r + 1,
          column: columnLetter(header.progressColumns[i]!),
          code: 'text_too_long',
          value: text.slice(0, 40),
        });
    });
    lines.push(line);
    byRow.set(r, line);
  }
  return { sheet: grid.name, title, year, header, areas, lines, issues };
}

function appendText(line: LedgerLine, key: 'measures', text: string): void {
  if (!text || line[key].split('\n').includes(text)) return;
  line[key] = line[key] ? `${line[key]}\n${text}` : text;
}

/** An area row: one text across the row (a merge) or a Chinese numeral in 序号, as 一、 or 一. */
function areaOf(texts: string[], seq: string, title: string): { code: string; title: string } | undefined {
  if (/^[一二三四五六七八九十百]+$/.test(seq) && title)
    return { code: seq, title: title.replace(AREA, '$2') };
  if (new Set(texts).size !== 1) return undefined;
  const m = AREA.exec(texts[0]!);
  return m ? { code: m[1]!, title: m[2]!.trim() } : undefined;
}
