import { describe, expect, it } from 'vitest';
import { formatLedgerDate, parseLedgerDate } from './ledger-dates.js';

describe('parseLedgerDate', () => {
  it.each([
    ['2025-06-30', '2025-06-30'],
    ['2025.6.30', '2025-06-30'],
    ['2025/6/30', '2025-06-30'],
    ['2025年6月30日', '2025-06-30'],
    ['2025年6月30日前', '2025-06-30'],
    ['6月底前', '2025-06-30'],
    ['2月底', '2025-02-28'],
    ['2024年2月底前', '2024-02-29'],
    ['年底前', '2025-12-31'],
    ['2026年底前', '2026-12-31'],
    ['三季度末', '2025-09-30'],
    ['上半年', '2025-06-30'],
  ])('%s → %s', (text, date) => {
    expect(parseLedgerDate(text, 2025)).toEqual({ kind: 'date', date });
  });

  it('reads 长期坚持 and 持续推进 as ongoing, blanks as blank', () => {
    expect(parseLedgerDate('长期坚持', 2025)).toEqual({ kind: 'ongoing' });
    expect(parseLedgerDate('持续推进', 2025)).toEqual({ kind: 'ongoing' });
    expect(parseLedgerDate('  ', 2025)).toEqual({ kind: 'blank' });
  });

  it.each(['2025-02-30', '2025/13/1', '13月底前', '尽快', '下周'])('refuses %s', (text) => {
    expect(parseLedgerDate(text, 2025)).toEqual({ kind: 'invalid' });
  });

  it('writes an ongoing task as 长期坚持 and reads it back as ongoing', () => {
    expect(formatLedgerDate(null, true)).toBe('长期坚持');
    expect(parseLedgerDate(formatLedgerDate(null, true), 2025)).toEqual({ kind: 'ongoing' });
  });

  it('reads back what it writes', () => {
    expect(parseLedgerDate(formatLedgerDate('2025-11-30'), 2020)).toEqual({
      kind: 'date',
      date: '2025-11-30',
    });
  });
});
