import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIOD_LOCK_DAYS,
  owedPeriods,
  periodClosesOn,
  periodInfo,
  periodsSoFar,
  publishedOn,
  reportingRulesOf,
  reportPeriodRefusal,
  taskPeriods,
  type PeriodDecision,
} from './period-lock.js';

const monthly = {
  taskId: 't1',
  cadence: 'monthly' as const,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  publishedOn: '2026-03-10',
};
const quarterly = { ...monthly, cadence: 'quarterly' as const };
const rules = { graceDays: 5, lockDays: 10 };

describe('reportingRulesOf', () => {
  it.each([
    ['{}', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
    ['', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
    ['not json', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
    ['[1]', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
    ['{"periodLockDays": 15}', { graceDays: 5, lockDays: 15 }],
    ['{"periodLockDays": 0, "reportGraceDays": 3}', { graceDays: 3, lockDays: 0 }],
    ['{"periodLockDays": -1}', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
    ['{"periodLockDays": 2.5}', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
    ['{"periodLockDays": "15"}', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
    ['{"periodLockDays": 100000}', { graceDays: 5, lockDays: DEFAULT_PERIOD_LOCK_DAYS }],
  ])('%s', (settings, expected) => {
    expect(reportingRulesOf(settings)).toEqual(expected);
  });
});

describe('publishedOn', () => {
  it.each([
    ['2026-03-10T02:00:00.000Z', '2026-01-02T01:00:00.000Z', '2026-03-10'],
    ['2026-03-10T02:00:00.000Z', '2026-05-20T01:00:00.000Z', '2026-05-20'],
    [null, '2026-05-20T01:00:00.000Z', '2026-05-20'],
  ])('plan %s, task %s → %s', (plan, task, day) => {
    expect(publishedOn(plan, task)).toBe(day);
  });
});

describe('periodClosesOn', () => {
  it('is lockDays after the due day (the 5th day after the period)', () => {
    expect(periodClosesOn('2026-03', rules)).toBe('2026-04-15');
    expect(periodClosesOn('2026-Q4', rules)).toBe('2027-01-15');
    expect(periodClosesOn('2026-03', { graceDays: 5, lockDays: 0 })).toBe('2026-04-05');
  });
});

describe('taskPeriods', () => {
  it('runs from the period of publication to the end of the plan', () => {
    expect(taskPeriods(monthly)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(taskPeriods(quarterly)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });
  it('is empty for a task published after its plan ended', () => {
    expect(taskPeriods({ ...monthly, publishedOn: '2027-02-01' })).toEqual([]);
  });
});

describe('periodInfo', () => {
  it('is open until the closing day inclusive, closed after', () => {
    expect(periodInfo('2026-03', 't1', '2026-04-15', rules)).toMatchObject({
      state: 'open',
      by: 'calendar',
      dueDate: '2026-04-05',
      closesOn: '2026-04-15',
    });
    expect(periodInfo('2026-03', 't1', '2026-04-16', rules).state).toBe('closed');
  });

  const at = (n: number) => `2026-04-2${n}T01:00:00.000Z`;
  const decisions: PeriodDecision[] = [
    { period: '2026-03', taskId: 't1', state: 'open', at: at(1) },
    { period: '2026-03', taskId: null, state: 'closed', at: at(0) },
    { period: '2026-03', taskId: 't2', state: 'closed', at: at(2) },
    { period: '2026-04', taskId: null, state: 'closed', at: at(3) },
  ];

  it('takes the office’s latest decision on the task or on the whole period', () => {
    expect(periodInfo('2026-03', 't1', '2026-04-25', rules, decisions)).toMatchObject({
      state: 'reopened',
      by: 'office',
    });
    // The region-wide close holds for a task without its own reopening.
    expect(periodInfo('2026-03', 't3', '2026-04-10', rules, decisions)).toMatchObject({
      state: 'closed',
      by: 'office',
    });
    // Closed early by the office, before the calendar would have.
    expect(periodInfo('2026-04', 't1', '2026-04-30', rules, decisions).state).toBe('closed');
    // A later region-wide decision overrides an earlier reopening of one task.
    const later: PeriodDecision = { period: '2026-03', taskId: null, state: 'closed', at: at(5) };
    expect(periodInfo('2026-03', 't1', '2026-04-26', rules, [...decisions, later]).state).toBe('closed');
  });
});

describe('reportPeriodRefusal', () => {
  const today = '2026-05-08';
  it.each([
    ['2026-04', null],
    ['2026-05', null],
    ['2026-03', 'period.closed'],
    ['2026-06', 'period.not_started'],
    ['2026-02', 'period.before_publication'],
    ['2025-12', 'period.outside_plan'],
    ['2030-05', 'period.outside_plan'],
    ['2026-Q2', 'period.wrong_cadence'],
    ['2026-13', 'period.malformed'],
    ['p1', 'period.malformed'],
  ])('%s → %s', (period, reason) => {
    expect(reportPeriodRefusal(period, monthly, today, rules)).toBe(reason);
  });

  it('takes a late report once the office reopened the period for the task', () => {
    const reopened: PeriodDecision[] = [
      { period: '2026-03', taskId: 't1', state: 'open', at: '2026-05-01T00:00:00.000Z' },
    ];
    expect(reportPeriodRefusal('2026-03', monthly, today, rules, reopened)).toBeNull();
    expect(reportPeriodRefusal('2026-03', { ...monthly, taskId: 't9' }, today, rules, reopened)).toBe(
      'period.closed',
    );
  });

  it('checks quarterly keys against a quarterly plan', () => {
    expect(reportPeriodRefusal('2026-Q1', quarterly, '2026-04-10', rules)).toBeNull();
    expect(reportPeriodRefusal('2026-03', quarterly, '2026-04-10', rules)).toBe('period.wrong_cadence');
  });
});

describe('periodsSoFar and owedPeriods', () => {
  const today = '2026-05-08';
  it('lists the periods begun so far, newest first, with their state', () => {
    expect(periodsSoFar(monthly, today, rules).map((p) => [p.period, p.state])).toEqual([
      ['2026-05', 'open'],
      ['2026-04', 'open'],
      ['2026-03', 'closed'],
    ]);
  });

  it('owes the open periods without a report, oldest first, marking the late ones', () => {
    expect(
      owedPeriods(monthly, today, new Set(), rules).map((p) => [p.period, p.overdue, p.dueDate]),
    ).toEqual([
      ['2026-04', true, '2026-05-05'],
      ['2026-05', false, '2026-06-05'],
    ]);
    expect(owedPeriods(monthly, today, new Set(['2026-04']), rules).map((p) => p.period)).toEqual([
      '2026-05',
    ]);
  });

  it('owes a reopened period again, and nothing before publication', () => {
    const reopened: PeriodDecision[] = [
      { period: '2026-03', taskId: 't1', state: 'open', at: '2026-05-01T00:00:00.000Z' },
    ];
    expect(owedPeriods(monthly, today, new Set(), rules, reopened).map((p) => p.period)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(owedPeriods({ ...monthly, publishedOn: '2026-05-07' }, today, new Set(), rules)).toHaveLength(1);
  });
});
