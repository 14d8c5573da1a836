import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isDateString,
  isLeapYear,
  lastDayOfMonth,
  parseDate,
  toDayNumber,
  todayInShanghai,
} from './calendar.js';

describe('todayInShanghai', () => {
  it.each([
    ['2025-03-31T15:59:59.999Z', '2025-03-31'], // 23:59:59 in Shanghai
    ['2025-03-31T16:00:00.000Z', '2025-04-01'], // midnight in Shanghai
    ['2024-12-31T16:00:00.000Z', '2025-01-01'], // new year arrives 8 h before UTC
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2025-07-01T00:00:00.000Z', '2025-07-01'], // summer: no DST shift
  ])('%s → %s', (iso, expected) => {
    expect(todayInShanghai(new Date(iso))).toBe(expected);
  });

  it('defaults to now and returns a valid date', () => {
    expect(isDateString(todayInShanghai())).toBe(true);
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInShanghai(new Date('nope'))).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-03-31', 5, '2025-04-05'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2000-02-28', 1, '2000-02-29'], // divisible by 400: leap
    ['1900-02-28', 1, '1900-03-01'], // divisible by 100 only: not leap
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-06-15', 0, '2025-06-15'],
  ])('%s + %d → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('rejects fractional days', () => {
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-03-31', '2025-04-05', 5],
    ['2025-04-05', '2025-03-31', -5],
    ['2024-02-01', '2024-03-01', 29],
    ['2025-02-01', '2025-03-01', 28],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-06-15', '2025-06-15', 0],
    ['1970-01-01', '2000-01-01', 10957],
  ])('%s → %s = %d', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('lastDayOfMonth / daysInMonth / isLeapYear', () => {
  it.each([
    [2024, 2, '2024-02-29', 29],
    [2025, 2, '2025-02-28', 28],
    [2000, 2, '2000-02-29', 29],
    [2100, 2, '2100-02-28', 28],
    [2025, 4, '2025-04-30', 30],
    [2025, 12, '2025-12-31', 31],
    [2025, 1, '2025-01-31', 31],
  ])('%d-%d → %s', (year, month, last, days) => {
    expect(lastDayOfMonth(year, month)).toBe(last);
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('isLeapYear(%d) → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([0, 13, 1.5])('rejects month %d', (month) => {
    expect(() => lastDayOfMonth(2025, month)).toThrow(RangeError);
  });
});

describe('isDateString / parseDate', () => {
  it.each([
    ['2025-03-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-04-31', false],
    ['2025-3-1', false],
    ['2025-03-01T00:00:00Z', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isDateString(s)).toBe(ok);
    if (ok) expect(parseDate(s).year).toBeGreaterThan(0);
    else expect(() => parseDate(s)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(isDateString(20250301)).toBe(false);
  });
});

describe('day numbers agree with Date.UTC', () => {
  it('over four centuries, every 7th day', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    for (let day = start; day < start + 146_097 * 1.1; day += 7) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(day)).toBe(iso);
      expect(toDayNumber(iso)).toBe(day);
    }
  });
});

describe('addMonths', () => {
  it.each([
    [2025, 12, 1, 2026, 1],
    [2025, 1, -1, 2024, 12],
    [2025, 3, 0, 2025, 3],
    [2025, 3, -27, 2022, 12],
  ])('%d-%d %+d → %d-%d', (y, m, n, ey, em) => {
    expect(addMonths(y, m, n)).toEqual({ year: ey, month: em });
  });
});
