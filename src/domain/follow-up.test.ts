import { describe, expect, it } from 'vitest';
import { chooseDeadline, overdueDays } from './follow-up.js';
import { workCalendar } from './working-days.js';

const cal = workCalendar([
  {
    year: 2026,
    status: 'published',
    source: null,
    holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }],
    workdays: [{ name: '国庆节', date: '2026-10-10' }],
  },
]);

describe('chooseDeadline', () => {
  it.each([
    [{}, 3, '2026-09-30', { due: '2026-10-10' }],
    [{ workingDays: 1 }, 3, '2026-09-30', { due: '2026-10-08' }],
    [{}, null, '2026-09-30', { due: null }],
    [{ responseDue: '2026-09-30' }, 3, '2026-09-30', { due: '2026-09-30' }],
    [{ responseDue: '2026-09-29' }, 3, '2026-09-30', { problem: 'in_past' }],
    [{ responseDue: '2026-12-01', workingDays: 2 }, 3, '2026-09-30', { problem: 'both' }],
  ])('%o (default %s) on %s → %o', (choice, fallback, today, expected) => {
    expect(chooseDeadline(choice, fallback, today, cal)).toEqual(expected);
  });
});

describe('overdueDays', () => {
  it.each([
    ['2026-11-20', false, '2026-11-20', 0],
    ['2026-11-20', false, '2026-11-21', 1],
    ['2026-11-20', false, '2026-12-01', 11],
    ['2026-11-20', true, '2026-12-01', 0],
    [null, false, '2026-12-01', 0],
    ['2026-12-20', false, '2026-12-01', 0],
  ])('due %s, answered %s, on %s → %d', (due, answered, today, days) => {
    expect(overdueDays(due, answered, today)).toBe(days);
  });
});
