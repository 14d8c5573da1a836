// A key-project sheet (重点项目投资进度表) read back: our own export's layout, or an office's own sheet
// whose columns carry the usual other names. Pure: the service matches the lines to projects.
import type { ProjectNature } from './projects.js';
import { columnLetter, headerKey } from './ledger-columns.js';
import type { SheetGrid } from './ledger-rows.js';

export type ProjectColumnKey = 'name' | 'nature' | 'total' | 'yearPlan' | 'lead' | 'id';

const COLUMNS: Readonly<Record<ProjectColumnKey, readonly string[]>> = {
  name: ['项目', '项目名称', '项目名', '重点项目'],
  nature: ['建设性质', '项目性质', '性质'],
  total: ['总投资', '总投资(万元)', '计划总投资', '项目总投资', '计划总投资(万元)'],
  yearPlan: ['年度计划', '年度计划投资', '年度计划(万元)', '年度计划投资(万元)', '本年计划投资'],
  lead: ['牵头单位', '责任单位', '主责单位'],
  id: ['系统编号(勿改)', '系统编号'],
};

const BY_NAME = new Map(
  (Object.entries(COLUMNS) as [ProjectColumnKey, readonly string[]][]).flatMap(([key, names]) =>
    names.map((n) => [headerKey(n), key] as const),
  ),
);

const NATURES: ReadonlyMap<string, ProjectNature> = new Map([
  ['新建', 'new'],
  ['新开工', 'new'],
  ['续建', 'continued'],
  ['预备', 'preparatory'],
]);

/** 5月, 5月完成投资, 5月(万元): the month a header names. */
function monthOfHeader(text: string): number | undefined {
  const m = /^(1[0-2]|[1-9])月(完成投资|投资|完成)?(\(万元\))?$/.exec(headerKey(text));
  return m ? Number(m[1]) : undefined;
}

const HEADER_SCAN_ROWS = 20;
export const PROJECT_NAME_MAX = 200;

export type ProjectIssueCode =
  | 'number_invalid'
  | 'negative'
  | 'nature_unknown'
  | 'month_future'
  | 'name_too_long'
  // Found by the service, against the region's records.
  | 'name_ambiguous'
  | 'id_unknown'
  | 'lead_unit_missing'
  | 'lead_unit_unknown';

export interface ProjectIssue {
  sheet: string;
  row: number;
  column: string;
  code: ProjectIssueCode;
  value: string;
}

export interface ProjectLine {
  row: number;
  /** The hidden id our export writes; empty in an office's own sheet. */
  id: string;
  name: string;
  /** null: the sheet has no such column or the cell is blank — nothing to change. */
  nature: ProjectNature | null;
  total: number | null;
  yearPlan: number | null;
  lead: string;
  /** Month number (1–12) → the month's investment, 万元; blank months are absent. */
  months: Map<number, number>;
}

export interface ProjectSheetRead {
  sheet: string;
  year: number;
  lines: ProjectLine[];
  issues: ProjectIssue[];
  columns: { key: string; header: string; column: string }[];
  column: (key: ProjectColumnKey) => string;
  monthColumn: (month: number) => string;
}

export type ProjectSheetResult = { ok: true; read: ProjectSheetRead } | { ok: false; lookedFor: string[] };

/** The year a title such as 某某区2026年重点项目投资进度表 names, above the header. */
function yearIn(rows: readonly string[][], before: number): number | null {
  for (let r = 0; r < before; r++)
    for (const text of rows[r] ?? []) {
      const m = /(20\d{2})年/.exec(text);
      if (m) return Number(m[1]);
    }
  return null;
}

/** `todayMonth` (2026-06): a figure for a later month is an error, a month cannot be reported ahead. */
export function readProjectSheet(grids: readonly SheetGrid[], todayMonth: string): ProjectSheetResult {
  for (const grid of grids) {
    for (let r = 0; r < Math.min(grid.rows.length, HEADER_SCAN_ROWS); r++) {
      const cols = new Map<ProjectColumnKey, number>();
      grid.rows[r]!.forEach((t, c) => {
        const key = BY_NAME.get(headerKey(t));
        if (key && !cols.has(key)) cols.set(key, c);
      });
      if (!cols.has('name')) continue;
      // A two-row header: the months sit under a merged 月度完成投资 in the row below.
      const months = new Map<number, number>();
      let last = r;
      for (const hr of [r, r + 1])
        (grid.rows[hr] ?? []).forEach((t, c) => {
          const m = monthOfHeader(t);
          if (m !== undefined && !months.has(m)) {
            months.set(m, c);
            last = Math.max(last, hr);
          }
        });
      const year = yearIn(grid.rows, r) ?? Number(todayMonth.slice(0, 4));
      return { ok: true, read: readRows(grid, r, last + 1, cols, months, year, todayMonth) };
    }
  }
  return { ok: false, lookedFor: [COLUMNS.name.join('/')] };
}

function readRows(
  grid: SheetGrid,
  headerRow: number,
  firstRow: number,
  cols: Map<ProjectColumnKey, number>,
  months: Map<number, number>,
  year: number,
  todayMonth: string,
): ProjectSheetRead {
  const column = (key: ProjectColumnKey) => columnLetter(cols.get(key) ?? 0);
  const monthColumn = (m: number) => columnLetter(months.get(m) ?? 0);
  const read: ProjectSheetRead = {
    sheet: grid.name,
    year,
    lines: [],
    issues: [],
    columns: [
      ...[...cols].map(([key, c]) => ({
        key,
        header: grid.rows[headerRow]?.[c] ?? '',
        column: columnLetter(c),
      })),
      ...[...months].map(([m, c]) => ({ key: `month${m}`, header: `${m}月`, column: columnLetter(c) })),
    ],
    column,
    monthColumn,
  };
  for (let r = firstRow; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const text = (c: number | undefined) => (c === undefined ? '' : (row[c] ?? '').trim());
    const name = text(cols.get('name'));
    // A totals row (合计) is the sheet's arithmetic, not a project.
    if (!name || /^(合计|总计|小计)$/.test(name.replace(/\s+/g, ''))) continue;
    let bad = false;
    const issue = (col: string, code: ProjectIssueCode, value: string) => {
      read.issues.push({ sheet: grid.name, row: r + 1, column: col, code, value });
      bad = true;
    };
    const amount = (c: number | undefined, col: string): number | null => {
      const t = text(c).replace(/,/g, '');
      if (!t || t === '-' || t === '—') return null;
      const n = Number(t);
      if (!Number.isFinite(n)) issue(col, 'number_invalid', t);
      else if (n < 0) issue(col, 'negative', t);
      else return n;
      return null;
    };
    if (name.length > PROJECT_NAME_MAX) issue(column('name'), 'name_too_long', name.slice(0, 40));
    const natureText = text(cols.get('nature'));
    const nature = natureText ? (NATURES.get(natureText) ?? null) : null;
    if (natureText && !nature) issue(column('nature'), 'nature_unknown', natureText);
    const total = amount(cols.get('total'), column('total'));
    const yearPlan = amount(cols.get('yearPlan'), column('yearPlan'));
    const figures = new Map<number, number>();
    for (const [m, c] of months) {
      const value = amount(c, monthColumn(m));
      if (value === null) continue;
      const key = `${year}-${String(m).padStart(2, '0')}`;
      if (key > todayMonth && value !== 0) issue(monthColumn(m), 'month_future', key);
      else figures.set(m, value);
    }
    if (bad) continue;
    read.lines.push({
      row: r + 1,
      id: text(cols.get('id')),
      name,
      nature,
      total,
      yearPlan,
      lead: text(cols.get('lead')),
      months: figures,
    });
  }
  return read;
}
