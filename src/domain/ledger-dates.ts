// The time limits offices type into a ledger's 完成时限 column, read as a due date.
import { isDateString, lastDayOfMonth } from './calendar.js';

export type LedgerDate =
  | { kind: 'blank' }
  | { kind: 'date'; date: string }
  /** 长期坚持, 持续推进: no end date on purpose; stored as an ongoing task without a due date. */
  | { kind: 'ongoing' }
  | { kind: 'invalid' };

const ONGOING = /^(长期坚持|长期推进|持续推进|持续开展|长期|持续|常态化推进|常态化)$/;
const FULL = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:前|之前|以前)?$/;
const MONTH_END = /^(?:(\d{4})年)?(\d{1,2})月(?:底|末)?(?:前|之前|以前)?$/;
const YEAR_END = /^(?:(\d{4})年)?(?:年底|年末|年内|底|末)(?:前|之前|以前)?$/;
const QUARTER = /^(?:(\d{4})年)?(?:第?([一二三四1-4])季度)(?:末|底)?(?:前|之前|以前)?$/;
const HALF = /^(?:(\d{4})年)?上半年(?:末|底)?(?:前|之前|以前)?$/;
const QUARTER_END: Readonly<Record<string, number>> = {
  一: 3,
  二: 6,
  三: 9,
  四: 12,
  '1': 3,
  '2': 6,
  '3': 9,
  '4': 12,
};

function day(year: number, month: number, d: number): LedgerDate {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isDateString(date) ? { kind: 'date', date } : { kind: 'invalid' };
}

function monthEnd(year: number, month: number): LedgerDate {
  return month >= 1 && month <= 12
    ? { kind: 'date', date: lastDayOfMonth(year, month) }
    : { kind: 'invalid' };
}

/**
 * Reads 2025-06-30, 2025.6.30, 2025/6/30, 2025年6月30日, 6月底前, 2025年6月底, 年底前, 三季度末, 上半年 and
 * 长期坚持; a limit without a year takes the plan's. Anything else is invalid, never guessed.
 */
export function parseLedgerDate(text: string, planYear: number): LedgerDate {
  const t = text.replace(/\s+/g, '').replace(/[（(].*[)）]$/, '');
  if (t === '' || t === '—' || t === '-' || t === '/') return { kind: 'blank' };
  if (ONGOING.test(t)) return { kind: 'ongoing' };
  let m = FULL.exec(t);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_END.exec(t);
  if (m) return monthEnd(m[1] ? Number(m[1]) : planYear, Number(m[2]));
  m = YEAR_END.exec(t);
  if (m) return monthEnd(m[1] ? Number(m[1]) : planYear, 12);
  m = QUARTER.exec(t);
  if (m) return monthEnd(m[1] ? Number(m[1]) : planYear, QUARTER_END[m[2]!]!);
  m = HALF.exec(t);
  if (m) return monthEnd(m[1] ? Number(m[1]) : planYear, 6);
  return { kind: 'invalid' };
}

/** The words a sheet writes for an ongoing task, read back as ongoing. */
export const ONGOING_TEXT = '长期坚持';

/** A stored due date as the ledger sheet writes it, in a form parseLedgerDate reads back unchanged. */
export function formatLedgerDate(date: string | null, ongoing = false): string {
  if (ongoing) return ONGOING_TEXT;
  return date ?? '';
}
