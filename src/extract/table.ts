// Task-breakdown tables that reached us flattened: one cell per line, or cells split by | or tabs.
import type { Line } from './types.js';
import { matchLineMarker } from './markers.js';

export type ColumnRole =
  'no' | 'task' | 'lead' | 'resp' | 'co' | 'leader' | 'time' | 'goal' | 'progress' | 'other';

export interface TableCell {
  role: ColumnRole;
  text: string;
  /** Clean-text offsets. */
  start: number;
  end: number;
  /** Further pieces of the cell on continuation lines (clean offsets). */
  more?: [number, number][];
}

export interface TableRow {
  number: string;
  start: number;
  end: number;
  cells: TableCell[];
  /** Line indexes the row occupies. */
  firstLine: number;
  lastLine: number;
}

export interface Table {
  headerLines: number[];
  columns: ColumnRole[];
  rows: TableRow[];
  /** Index of the first line after the table. */
  endLine: number;
  hasLeadColumn: boolean;
}

export function columnRole(cell: string): ColumnRole | undefined {
  const t = cell.replace(/\s+/g, '');
  if (t.length === 0 || t.length > 12) return undefined;
  if (/^(序号|编号|序|No\.?)$/i.test(t)) return 'no';
  if (/(牵头|责任|分管|挂点|领衔|包干)(区|县|市)?领导/.test(t)) return 'leader';
  if (/^(牵头|主责|主办)(单位|部门)?$/.test(t)) return 'lead';
  if (/^(责任|负责|承办|实施)(单位|部门|主体)$/.test(t)) return 'resp';
  if (/^(配合|协办|协同|参与|协作)(单位|部门)?$/.test(t)) return 'co';
  if (/(时限|完成时间|时间节点|时间安排|进度安排|完成期限|节点|期限)$/.test(t)) return 'time';
  // What has been done so far ("1-9月完成情况", "进展情况"): its figures are results, not targets.
  if (/(完成情况|进展情况|推进情况|落实情况|进展|完成进度|工作进度|进度)$/.test(t)) return 'progress';
  // The year's goal beside the work done so far: its figures are targets even in a progress report.
  // "年度目标", "全年目标任务", "2026年建设目标": a goal named with or without its period.
  if (
    /^(?:20\d{2}年|(?:20\d{2}年)?(?:年度|全年|今年))?(?:建设|工作)?(?:目标任务|任务目标|目标|计划)$/.test(t)
  )
    return 'goal';
  if (/(任务|举措|措施|内容|事项|工作|项目|目标|要求|改革|名称)/.test(t)) return 'task';
  if (/^(备注|类别|领域|分类|类型|板块|主要成效|预期成果|成果形式)$/.test(t)) return 'other';
  return undefined;
}

function splitCells(text: string): string[] | undefined {
  if (!text.includes('|') && !text.includes('\t')) return undefined;
  const cells = text.split(/\s*[|\t]\s*/);
  while (cells.length > 0 && cells[0] === '') cells.shift();
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function usableHeader(roles: ColumnRole[]): boolean {
  return (
    roles.length >= 3 &&
    roles.some((r) => r === 'task' || r === 'goal' || r === 'no') &&
    roles.some((r) => r === 'lead' || r === 'resp' || r === 'time')
  );
}

const ROW_NUMBER = /^(\d{1,3})[.、]?$/;
const UNIT_END =
  /(局|委|办|部|院|所|中心|公司|政府|镇|街道|办事处|管委会|集团|分局|支队|大队|队|站|社|行|处|科|室|团|馆|校|会|专班|小组|工作组|各镇街|各镇|各街道|各单位|各部门)$/;
const TIME_CELL =
  /^(20\d{2}年|\d{1,2}月|上半年|下半年|年底|年内|年末|全年|长期|持续|常态|[一二三四]季度|第[一二三四]季度|前三季度|每[年月季])/;

function looksLikeUnits(text: string): boolean {
  if (text.length > 80 || /[。；;]/.test(text)) return false;
  const parts = text.split(/[、,，/\s]+/).filter((p) => p.length > 0);
  return parts.length > 0 && parts.every((p) => UNIT_END.test(p) || /牵头$|配合$/.test(p));
}

/** Recognises a table whose header starts at line `i`. Returns undefined when there is none. */
export function readTable(lines: Line[], i: number): Table | undefined {
  const first = lines[i]!;
  const pipeCells = splitCells(first.text);
  if (pipeCells) {
    const roles = pipeCells.map(columnRole);
    if (roles.some((r) => r === undefined)) return undefined;
    const columns = roles as ColumnRole[];
    if (!usableHeader(columns)) return undefined;
    return readPipeRows(lines, i, columns);
  }
  const columns: ColumnRole[] = [];
  const headerLines: number[] = [];
  let j = i;
  while (j < lines.length && columns.length < 10) {
    const r = columnRole(lines[j]!.text);
    if (r === undefined || (r !== 'other' && columns.includes(r)) || matchLineMarker(lines[j]!.text)) break;
    columns.push(r);
    headerLines.push(j);
    j++;
  }
  if (!usableHeader(columns) || (columns[0] !== 'no' && columns[0] !== 'task')) return undefined;
  return readCellRows(lines, j, columns, headerLines);
}

/** Cells in column order, empty ones kept; a leading pipe counts only where the header has one. */
function alignedCells(text: string, header: string): string[] {
  const raw = text.split(/[|\t]/);
  if (/^\s*\|/.test(header) && raw.length > 0 && raw[0]!.trim() === '') raw.shift();
  return raw;
}

function continuesRow(text: string, header: string): boolean {
  const raw = alignedCells(text, header);
  return raw.length > 1 && raw[0]!.trim() === '' && raw.some((c) => c.trim().length > 0);
}

function addContinuation(row: TableRow, line: Line, j: number, columns: ColumnRole[], header: string): void {
  const raw = alignedCells(line.text, header);
  let offset = 0;
  for (let c = 0; c < raw.length; c++) {
    const text = raw[c]!.trim();
    if (text.length === 0) continue;
    const at = line.text.indexOf(text, offset);
    if (at < 0) continue;
    offset = at + text.length;
    const role = columns[c] ?? 'other';
    if (role === 'no') continue;
    const task = role === 'task' ? row.cells.find((x) => x.role === 'task') : undefined;
    if (task) {
      (task.more ??= []).push([line.start + at, line.start + at + text.length]);
      continue;
    }
    row.cells.push({ role, text, start: line.start + at, end: line.start + at + text.length });
  }
  row.end = line.end;
  row.lastLine = j;
}

function readPipeRows(lines: Line[], headerLine: number, columns: ColumnRole[]): Table {
  const rows: TableRow[] = [];
  let j = headerLine + 1;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    const cells = splitCells(line.text);
    if (!cells) break;
    if (cells.every((c) => /^[-:\s]*$/.test(c))) continue; // markdown rule line
    // " |  |  | 县发展改革局 |": the row above went on to a second line, its first cells left empty.
    const prev = rows[rows.length - 1];
    if (prev && prev.lastLine === j - 1 && continuesRow(line.text, lines[headerLine]!.text)) {
      addContinuation(prev, line, j, columns, lines[headerLine]!.text);
      continue;
    }
    const m = ROW_NUMBER.exec(cells[0] ?? '');
    if (!m) continue; // category rows are read as ordinary lines by the outline
    const row: TableRow = {
      number: m[1]!,
      start: line.start,
      end: line.end,
      cells: [],
      firstLine: j,
      lastLine: j,
    };
    let offset = 0;
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c]!;
      const at = line.text.indexOf(text, offset);
      offset = at >= 0 ? at + text.length : offset;
      const role = columns[c] ?? 'other';
      if (role === 'no' || text.length === 0) continue;
      row.cells.push({
        role,
        text,
        start: line.start + Math.max(at, 0),
        end: line.start + Math.max(at, 0) + text.length,
      });
    }
    rows.push(row);
  }
  return { headerLines: [headerLine], columns, rows, endLine: j, hasLeadColumn: columns.includes('lead') };
}

function readCellRows(lines: Line[], from: number, columns: ColumnRole[], headerLines: number[]): Table {
  const dataColumns = columns.filter((c) => c !== 'no');
  const rows: TableRow[] = [];
  let j = from;
  let expected = 1;
  let lastRowEnd = from;
  while (j < lines.length) {
    const m = ROW_NUMBER.exec(lines[j]!.text);
    if (!m || Number(m[1]) !== expected) {
      // A repeated header (page break) or a category line between rows.
      if (columnRole(lines[j]!.text) !== undefined && rows.length > 0) {
        j++;
        continue;
      }
      if (j - lastRowEnd > 3) break;
      j++;
      continue;
    }
    const numberLine = lines[j]!;
    const cellLines: Line[] = [];
    let k = j + 1;
    while (k < lines.length && cellLines.length < dataColumns.length + 2) {
      const t = lines[k]!.text;
      const n = ROW_NUMBER.exec(t);
      if (n && Number(n[1]) === expected + 1) break;
      if (/^([一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))/.test(t)) break;
      cellLines.push(lines[k]!);
      k++;
    }
    const row: TableRow = {
      number: m[1]!,
      start: numberLine.start,
      end: (cellLines[cellLines.length - 1] ?? numberLine).end,
      cells: assignCells(cellLines, dataColumns),
      firstLine: j,
      lastLine: k - 1,
    };
    rows.push(row);
    expected++;
    lastRowEnd = k;
    j = k;
  }
  return {
    headerLines,
    columns,
    rows,
    endLine: rows.length > 0 ? lastRowEnd : from,
    hasLeadColumn: columns.includes('lead'),
  };
}

/** Cells in column order when they are all there; otherwise by what they look like. */
function assignCells(cellLines: Line[], columns: ColumnRole[]): TableCell[] {
  const cell = (role: ColumnRole, l: Line): TableCell => ({ role, text: l.text, start: l.start, end: l.end });
  if (cellLines.length === columns.length) return cellLines.map((l, c) => cell(columns[c]!, l));
  const out: TableCell[] = [];
  const unitColumns = columns.filter((c) => c === 'lead' || c === 'resp' || c === 'co');
  let unitIndex = 0;
  let taskTaken = false;
  const extra = cellLines.length - columns.length;
  let merged = 0;
  for (const l of cellLines) {
    // A cell wrapped onto the next line: the task's words run on before any unit cell, a unit list
    // ending in 、 or ， runs on with more units. The merged cell keeps the line break (offsets hold).
    const prev = out[out.length - 1];
    if (prev && merged < extra && !TIME_CELL.test(l.text)) {
      const taskRunsOn = prev.role === 'task' && !looksLikeUnits(l.text);
      const unitsRunOn =
        (prev.role === 'lead' || prev.role === 'resp' || prev.role === 'co') &&
        /[、,，]$/.test(prev.text) &&
        looksLikeUnits(l.text);
      if (taskRunsOn || unitsRunOn) {
        prev.text = `${prev.text}\n${l.text}`;
        prev.end = l.end;
        merged++;
        continue;
      }
    }
    if (TIME_CELL.test(l.text) && l.text.length <= 30 && columns.includes('time')) out.push(cell('time', l));
    else if (looksLikeUnits(l.text) && unitIndex < unitColumns.length)
      out.push(cell(unitColumns[unitIndex++]!, l));
    else if (!taskTaken) {
      out.push(cell('task', l));
      taskTaken = true;
    } else out.push(cell('other', l));
  }
  return out;
}
