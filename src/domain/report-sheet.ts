// A unit's reporting template (进展报送表): one row per task the unit leads, filled in for one period.
import { columnLetter, headerKey } from './ledger-columns.js';
import type { SheetGrid } from './ledger-rows.js';
import { isPeriodKey } from './periods.js';

export type ReportColumnKey =
  | 'seq'
  | 'title'
  | 'due'
  | 'progress'
  | 'narrative'
  | 'problems'
  | 'coordination'
  | 'nextSteps'
  | 'completion'
  | 'id';

export const REPORT_COLUMNS: readonly {
  key: ReportColumnKey;
  header: string;
  synonyms: string[];
  width: number;
}[] = [
  { key: 'seq', header: '序号', synonyms: [], width: 7 },
  { key: 'title', header: '任务', synonyms: ['任务(大项)', '任务名称', '重点任务'], width: 36 },
  { key: 'due', header: '完成时限', synonyms: ['时间节点'], width: 13 },
  {
    key: 'progress',
    header: '本期进度(%)',
    synonyms: ['进度', '完成进度', '进度(%)', '完成比例'],
    width: 10,
  },
  { key: 'narrative', header: '进展情况', synonyms: ['推进情况', '工作进展', '本期进展'], width: 44 },
  { key: 'problems', header: '存在问题', synonyms: ['问题'], width: 24 },
  {
    key: 'coordination',
    header: '需协调事项',
    synonyms: ['需协调解决的问题', '协调事项'],
    width: 24,
  },
  { key: 'nextSteps', header: '下步打算', synonyms: ['下一步工作', '下步工作计划', '下步措施'], width: 24 },
  { key: 'completion', header: '申请完成(是/否)', synonyms: ['申请完成', '是否完成'], width: 10 },
  { key: 'id', header: '系统编号(勿改)', synonyms: ['系统编号', 'ID'], width: 4 },
];

const REQUIRED: readonly ReportColumnKey[] = ['narrative', 'id'];

export type ReportIssueCode = 'progress_invalid' | 'narrative_missing' | 'narrative_too_long';

export interface ReportIssue {
  sheet: string;
  row: number;
  column: string;
  code: ReportIssueCode | 'task_not_own' | 'id_unknown' | 'period_closed';
  value: string;
}

export interface ReportLine {
  row: number;
  id: string;
  title: string;
  progress: number | null;
  narrative: string;
  problems: string;
  coordination: string;
  nextSteps: string;
  claimsCompletion: boolean;
}

export interface ReportSheetRead {
  sheet: string;
  period: string | null;
  lines: ReportLine[];
  blank: number[];
  issues: ReportIssue[];
  column: (key: ReportColumnKey) => string;
}

const BY_NAME = new Map(
  REPORT_COLUMNS.flatMap((c) => [c.header, ...c.synonyms].map((n) => [headerKey(n), c.key] as const)),
);

/** The period a template names in its information row: 报送期间：2026年5月（2026-05）. */
function periodIn(rows: readonly string[][], before: number): string | null {
  for (let r = 0; r < before; r++)
    for (const text of rows[r] ?? []) {
      const m = /(\d{4}-(?:0[1-9]|1[0-2]|Q[1-4]))/.exec(text);
      if (m && isPeriodKey(m[1])) return m[1];
    }
  return null;
}

export function readReportSheet(
  grids: readonly SheetGrid[],
): { ok: true; read: ReportSheetRead } | { ok: false; lookedFor: string[] } {
  for (const grid of grids) {
    for (let r = 0; r < Math.min(grid.rows.length, 20); r++) {
      const cols = new Map<ReportColumnKey, number>();
      grid.rows[r]!.forEach((t, c) => {
        const key = BY_NAME.get(headerKey(t));
        if (key && !cols.has(key)) cols.set(key, c);
      });
      if (REQUIRED.every((k) => cols.has(k))) return { ok: true, read: readRows(grid, r, cols) };
    }
  }
  return {
    ok: false,
    lookedFor: REQUIRED.map((k) => {
      const c = REPORT_COLUMNS.find((x) => x.key === k)!;
      return [c.header, ...c.synonyms].join('/');
    }),
  };
}

function readRows(grid: SheetGrid, headerRow: number, cols: Map<ReportColumnKey, number>): ReportSheetRead {
  const column = (key: ReportColumnKey) => columnLetter(cols.get(key) ?? 0);
  const cell = (row: string[], key: ReportColumnKey) => {
    const c = cols.get(key);
    return c === undefined ? '' : (row[c] ?? '').trim();
  };
  const read: ReportSheetRead = {
    sheet: grid.name,
    period: periodIn(grid.rows, headerRow),
    lines: [],
    blank: [],
    issues: [],
    column,
  };
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const id = cell(row, 'id');
    if (!id) continue;
    const progressText = cell(row, 'progress').replace(/%$/, '');
    const narrative = cell(row, 'narrative');
    if (!progressText && !narrative) {
      read.blank.push(r + 1);
      continue;
    }
    const issue = (key: ReportColumnKey, code: ReportIssueCode, value: string) =>
      read.issues.push({ sheet: grid.name, row: r + 1, column: column(key), code, value });
    let progress: number | null = null;
    if (progressText) {
      const n = Number(progressText);
      // A cell formatted as a percentage holds 0.6 for 60%.
      const value = n > 0 && n <= 1 && progressText.includes('.') ? n * 100 : n;
      if (!Number.isFinite(value) || value < 0 || value > 100)
        issue('progress', 'progress_invalid', progressText);
      else progress = Math.round(value);
    }
    if (!narrative) issue('narrative', 'narrative_missing', '');
    if (narrative.length > 5000) issue('narrative', 'narrative_too_long', narrative.slice(0, 40));
    read.lines.push({
      row: r + 1,
      id,
      title: cell(row, 'title'),
      progress,
      narrative,
      problems: cell(row, 'problems'),
      coordination: cell(row, 'coordination'),
      nextSteps: cell(row, 'nextSteps'),
      claimsCompletion: /^(是|yes|true|y|√)$/i.test(cell(row, 'completion')),
    });
  }
  return read;
}
