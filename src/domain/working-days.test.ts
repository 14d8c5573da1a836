import { describe, expect, it } from 'vitest';
import y2025 from '../../calendar/holidays-2025.json' with { type: 'json' };
import y2026 from '../../calendar/holidays-2026.json' with { type: 'json' };
import y2027 from '../../calendar/holidays-2027.json' with { type: 'json' };
import { holidayYearProblems, isWeekend, workCalendar, type HolidayYear } from './working-days.js';

const shipped = [y2025, y2026, y2027] as HolidayYear[];
const cal = workCalendar(shipped);

describe('the shipped holiday files', () => {
  it.each(shipped.map((y) => [y.year, y] as const))('%d is sound', (_, y) => {
    expect(holidayYearProblems(y)).toEqual([]);
  });

  it('2025 and 2026 are published; 2027 is not yet and counts weekends only', () => {
    expect([cal.isKnownYear(2025), cal.isKnownYear(2026), cal.isKnownYear(2027)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(cal.isWorkingDay('2027-02-08')).toBe(true); // a Monday, whatever the Spring Festival will be
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-01-01', false, '元旦 (Wednesday)'],
    ['2025-01-26', true, '调休 Sunday before the Spring Festival'],
    ['2025-01-27', true, 'Monday before 除夕'],
    ['2025-01-28', false, '除夕'],
    ['2025-02-04', false, '初七'],
    ['2025-02-05', true, 'back to work'],
    ['2025-02-08', true, '调休 Saturday after the Spring Festival'],
    ['2025-02-09', false, 'the Sunday after it'],
    ['2025-04-27', true, '调休 Sunday before 劳动节'],
    ['2025-05-05', false, '劳动节 Monday'],
    ['2025-09-28', true, '调休 Sunday before National Day'],
    ['2025-10-08', false, 'National Day and Mid-Autumn, eighth day'],
    ['2025-10-11', true, '调休 Saturday after National Day'],
    ['2026-01-04', true, '调休 Sunday after 元旦'],
    ['2026-02-14', true, '调休 Saturday before the Spring Festival'],
    ['2026-02-23', false, '初七, a Monday'],
    ['2026-02-28', true, '调休 Saturday after the Spring Festival'],
    ['2026-05-09', true, '调休 Saturday after 劳动节'],
    ['2026-09-20', true, '调休 Sunday before National Day'],
    ['2026-09-25', false, 'Mid-Autumn Friday'],
    ['2026-10-07', false, 'National Day, seventh day'],
    ['2026-10-10', true, '调休 Saturday after National Day'],
    ['2026-10-11', false, 'an ordinary Sunday'],
    ['2026-11-30', true, 'an ordinary Monday'],
  ])('%s → %s (%s)', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-27', 3, '2026-12-02', 'Friday + 3 skips the weekend'],
    ['2026-11-30', 0, '2026-11-30', 'zero is the day itself'],
    ['2026-11-30', 5, '2026-12-07', 'a working week'],
    ['2025-09-30', 3, '2025-10-11', 'National Day 2025: 9th, 10th, then the 调休 Saturday'],
    ['2025-09-26', 2, '2025-09-29', 'the 调休 Sunday before National Day counts'],
    ['2025-01-24', 3, '2025-02-05', 'Spring Festival 2025: 26th (调休 Sunday), 27th, then 5 Feb'],
    ['2026-02-12', 3, '2026-02-24', 'Spring Festival 2026: 13th, 14th (调休 Saturday), 24th'],
    ['2026-02-24', 4, '2026-02-28', 'the 调休 Saturday after it is the fourth'],
    ['2026-09-24', 3, '2026-09-30', 'Mid-Autumn Friday to Sunday off: 28th, 29th, 30th'],
    ['2026-09-30', 1, '2026-10-08', 'National Day 2026'],
    ['2026-09-30', 3, '2026-10-10', 'the 调休 Saturday after National Day is the third'],
    ['2026-12-30', 3, '2027-01-04', 'into 2027, an unknown year: weekends only'],
  ])('%s + %d working days → %s (%s)', (from, n, due) => {
    expect(cal.addWorkingDays(from, n)).toBe(due);
  });

  it('refuses a negative, fractional or absurd count', () => {
    for (const n of [-1, 1.5, 10_000]) expect(() => cal.addWorkingDays('2026-01-05', n)).toThrow(RangeError);
  });
});

describe('holidayYearProblems', () => {
  const base: HolidayYear = { year: 2026, status: 'published', source: null, holidays: [], workdays: [] };
  const rows: [Partial<HolidayYear>, string][] = [
    [{ holidays: [{ name: '春节', from: '2025-02-15', to: '2026-02-23' }] }, '春节：日期应在2026年内'],
    [{ holidays: [{ name: '春节', from: '2026-02-23', to: '2026-02-15' }] }, '春节：结束日期早于开始日期'],
    [{ holidays: [{ name: '春节', from: '2026-02-01', to: '2026-03-01' }] }, '春节：假期超过15天'],
    [{ workdays: [{ name: '春节', date: '2026-02-16' }] }, '春节：2026-02-16不是周末，无需调休上班'],
    [
      {
        holidays: [{ name: '春节', from: '2026-02-14', to: '2026-02-15' }],
        workdays: [{ name: '春节', date: '2026-02-14' }],
      },
      '春节：2026-02-14同时列为假日和上班日',
    ],
    [
      { status: 'unknown', holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01' }] },
      '未公布的年份不应列出假日或调休上班日',
    ],
  ];
  it.each(rows)('%o → %s', (change, problem) => {
    expect(holidayYearProblems({ ...base, ...change })).toContain(problem);
  });
});

describe('isWeekend', () => {
  it.each([
    ['2026-11-28', true],
    ['2026-11-29', true],
    ['2026-11-30', false],
    ['1970-01-01', false],
    ['1969-12-28', true],
  ])('%s → %s', (date, weekend) => {
    expect(isWeekend(date)).toBe(weekend);
  });
});
