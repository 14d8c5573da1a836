// Time limits the document sets, resolved to the last day of the period in the plan's year.
import { codeSet } from './chars.js';
import type { Deadline } from './types.js';
import type { CleanDoc } from './document.js';
import { display, toSpan } from './document.js';
import { ownerTense, sentenceTense, type Headed } from './context.js';
import { parseChineseNumeral } from './numerals.js';
import type { Table } from './table.js';
import { bySpanStart } from './order.js';

const PATTERN =
  /(?:(20\d{2})年)?(?:(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2})日)?(底|末|中旬|上旬|下旬)?(前|以前|之前)?|(上半年|下半年|年底|年末|年内|全年|前三季度|第?[一二三四1-4]季度)(末)?(前|以前|之前|内)?)|(20\d{2})年(底|末)?(前|以前|之前)|(20\d{2})年(春季学期|秋季学期|春季开学|秋季开学|汛期|主汛期|春节|供暖季|雨季)(前|以前|之前)/g;

const SENTENCE_STOP = codeSet('。;!?；！？');
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const QUARTER: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

function resolve(m: RegExpExecArray, planYear: number | undefined): string | undefined {
  // "2026年秋季学期前", "2026年汛期前": a limit the calendar alone does not date; listed without a date.
  if (m[12]) return undefined;
  if (m[9]) {
    const y = Number(m[9]);
    return m[10] ? `${y}-12-31` : `${y - 1}-12-31`;
  }
  const y = m[1] ? Number(m[1]) : planYear;
  if (y === undefined) return undefined;
  if (m[2]) {
    const month = /^\d+$/.test(m[2]) ? Number(m[2]) : (parseChineseNumeral(m[2]) ?? 0);
    if (month < 1 || month > 12) return undefined;
    if (m[3]) return `${y}-${pad(month)}-${pad(Math.min(Number(m[3]), lastDay(y, month)))}`;
    if (m[4] === '上旬') return `${y}-${pad(month)}-10`;
    if (m[4] === '中旬') return `${y}-${pad(month)}-20`;
    if (m[4] === undefined && m[5])
      return month === 1 ? `${y - 1}-12-31` : `${y}-${pad(month - 1)}-${pad(lastDay(y, month - 1))}`;
    return `${y}-${pad(month)}-${pad(lastDay(y, month))}`;
  }
  const period = m[6]!;
  if (period === '上半年') return `${y}-06-30`;
  if (period === '前三季度') return `${y}-09-30`;
  const q = /([一二三四1-4])季度/.exec(period);
  if (q) {
    const end = (QUARTER[q[1]!] ?? 4) * 3;
    return `${y}-${pad(end)}-${pad(lastDay(y, end))}`;
  }
  return `${y}-12-31`;
}

/**
 * `tableLines` marks with 1 the lines of tables (no sentence to read a tense from); `owners` gives each
 * line the outline block it is under: a line under a review heading ("2024年工作回顾") speaks of the past
 * unless its sentence says otherwise.
 */
export function findDeadlines(
  doc: CleanDoc,
  planYear: number | undefined,
  tableLines: Uint8Array,
  tables: Table[] = [],
  owners: readonly (Headed | undefined)[] = [],
): Deadline[] {
  const out: Deadline[] = [];
  // A time cell that names no date ("持续推进", "长期坚持") still sets the row's limit: it has no date.
  const undated: Deadline[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.role !== 'time' || cell.text.length > 12 || /\d|[年月季]/.test(cell.text)) continue;
        undated.push({ text: display(doc, cell.start, cell.end), span: toSpan(doc, cell.start, cell.end) });
      }
    }
  }
  for (let li = 0; li < doc.lines.length; li++) {
    const line = doc.lines[li]!;
    const text = line.text;
    // "完成时限：持续推进": a labelled limit that names no date.
    if (text.includes('时限') || text.includes('完成时间')) {
      for (const m of text.matchAll(/(?:完成时限|完成时间|时间节点)\s*[:：]\s*([^；;。，,）)\s]{2,12})/g)) {
        if (/\d|[年月季]/.test(m[1]!)) continue;
        const a = line.start + m.index + m[0].length - m[1]!.length;
        undated.push({ text: display(doc, a, a + m[1]!.length), span: toSpan(doc, a, a + m[1]!.length) });
      }
    }
    if (!/[月年季]/.test(text)) continue;
    PATTERN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PATTERN.exec(text))) {
      if (m[0].length === 0) {
        PATTERN.lastIndex++;
        continue;
      }
      const explicitLimit = Boolean(m[4] ?? m[5] ?? m[8] ?? m[11] ?? m[14] ?? (m[10] && m[9]));
      if (m[2] && !explicitLimit) continue; // "今年7月" reports a date, it sets no limit
      if (!explicitLimit && tableLines[li] !== 1) {
        let s = m.index;
        while (s > 0 && !SENTENCE_STOP.has(text.charCodeAt(s - 1))) s--;
        let e = m.index + m[0].length;
        while (e < text.length && !SENTENCE_STOP.has(text.charCodeAt(e))) e++;
        const tense = sentenceTense(text.slice(s, e), planYear);
        if (tense === 'past' || (tense === undefined && ownerTense(owners[li], planYear) === 'past'))
          continue;
      }
      const d: Deadline = {
        text: display(doc, line.start + m.index, line.start + m.index + m[0].length),
        span: toSpan(doc, line.start + m.index, line.start + m.index + m[0].length),
      };
      const date = resolve(m, planYear);
      if (date) d.date = date;
      out.push(d);
    }
  }
  if (undated.length === 0) return out;
  return [...out, ...undated].sort(bySpanStart);
}
