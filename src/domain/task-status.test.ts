import { describe, expect, it } from 'vitest';
import { computeTaskStatus, timeElapsedPercent, type TaskStatusInput } from './task-status.js';

// A year-long monthly task, started 2025-01-01, due 2025-12-31, reported every month so far.
function task(overrides: Partial<TaskStatusInput> = {}): TaskStatusInput {
  return {
    startDate: '2025-01-01',
    dueDate: '2025-12-31',
    completed: false,
    progress: 50,
    milestones: [],
    cadence: 'monthly',
    reportedPeriods: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'],
    ...overrides,
  };
}

describe('computeTaskStatus', () => {
  it.each<[string, Partial<TaskStatusInput>, string, string, string[]]>([
    // name, input overrides, today, status, reasons
    ['on track, no milestones', {}, '2025-07-01', 'on_track', []],
    [
      'completed wins over everything',
      { completed: true, progress: 10, dueDate: '2025-03-31' },
      '2025-07-01',
      'done',
      ['completed'],
    ],
    [
      'progress 100 without acceptance is not done',
      { progress: 100, dueDate: '2025-06-30' },
      '2025-07-01',
      'delayed',
      ['overdue'],
    ],
    [
      'before start, no report',
      { startDate: '2025-08-01', reportedPeriods: [], progress: 0 },
      '2025-07-01',
      'not_started',
      ['before_start'],
    ],
    [
      'start in the future but already reported',
      { startDate: '2025-08-01', reportedPeriods: ['2025-06'], progress: 10 },
      '2025-07-01',
      'on_track',
      [],
    ],
    [
      'start in the future, progress but no period list',
      { startDate: '2025-08-01', reportedPeriods: [], progress: 5 },
      '2025-07-01',
      'on_track',
      [],
    ],
    [
      'start day itself is started',
      { startDate: '2025-07-01', reportedPeriods: [], progress: 0 },
      '2025-07-01',
      'on_track',
      [],
    ],
    ['due today is not overdue', { dueDate: '2025-07-01', progress: 90 }, '2025-07-01', 'on_track', []],
    [
      'due yesterday is overdue',
      { dueDate: '2025-06-30', progress: 90 },
      '2025-07-01',
      'delayed',
      ['overdue'],
    ],
    [
      'due today, well behind',
      { dueDate: '2025-07-01', progress: 50 },
      '2025-07-01',
      'at_risk',
      ['behind_schedule'],
    ],
    [
      'leap day due, on the day',
      { startDate: '2024-02-01', dueDate: '2024-02-29', progress: 95, reportedPeriods: ['2024-01'] },
      '2024-02-29',
      'on_track',
      [],
    ],
    [
      'leap day due, the day after',
      { startDate: '2024-02-01', dueDate: '2024-02-29', progress: 95, reportedPeriods: ['2024-01'] },
      '2024-03-01',
      'delayed',
      ['overdue'],
    ],
    ['progress above time elapsed', { progress: 90 }, '2025-03-01', 'on_track', []],
    [
      'exactly 20 points behind',
      { startDate: '2025-01-01', dueDate: '2025-01-10', progress: 30 },
      '2025-01-05',
      'at_risk',
      ['behind_schedule'],
    ],
    [
      '19.9 points behind is fine',
      { startDate: '2025-01-01', dueDate: '2025-01-10', progress: 30.1 },
      '2025-01-05',
      'on_track',
      [],
    ],
    [
      'no due date: never overdue nor behind',
      { dueDate: null, progress: 0 },
      '2026-05-01',
      'at_risk',
      ['report_missing'],
    ],
    [
      'no due date, reported',
      { dueDate: null, progress: 0, reportedPeriods: ['2026-03'] },
      '2026-05-01',
      'on_track',
      [],
    ],
    [
      'no due date, plan end measures time',
      { dueDate: null, planEndDate: '2025-12-31', progress: 10 },
      '2025-07-01',
      'at_risk',
      ['behind_schedule'],
    ],
    [
      'no due date, plan ended: still not overdue',
      { dueDate: null, planEndDate: '2025-06-30', progress: 90 },
      '2025-07-01',
      'on_track',
      [],
    ],
    [
      'milestone passed undone',
      { milestones: [{ dueDate: '2025-06-20', doneDate: null }] },
      '2025-07-01',
      'delayed',
      ['milestone_overdue'],
    ],
    [
      'milestone done late is history',
      { milestones: [{ dueDate: '2025-06-20', doneDate: '2025-06-28' }] },
      '2025-07-01',
      'on_track',
      [],
    ],
    [
      'milestone due today',
      { milestones: [{ dueDate: '2025-07-01', doneDate: null }] },
      '2025-07-01',
      'at_risk',
      ['milestone_due_soon'],
    ],
    [
      'milestone due in 7 days',
      { milestones: [{ dueDate: '2025-07-08', doneDate: null }] },
      '2025-07-01',
      'at_risk',
      ['milestone_due_soon'],
    ],
    [
      'milestone due in 8 days',
      { milestones: [{ dueDate: '2025-07-09', doneDate: null }] },
      '2025-07-01',
      'on_track',
      [],
    ],
    [
      'milestone due soon but done',
      { milestones: [{ dueDate: '2025-07-03', doneDate: '2025-06-30' }] },
      '2025-07-01',
      'on_track',
      [],
    ],
    ['report due today is not missing', { reportedPeriods: ['2025-05'] }, '2025-07-05', 'on_track', []],
    [
      'report missing the day after',
      { reportedPeriods: ['2025-05'] },
      '2025-07-06',
      'at_risk',
      ['report_missing'],
    ],
    ['older gap does not count', { reportedPeriods: ['2025-01', '2025-06'] }, '2025-07-06', 'on_track', []],
    [
      'period that ended before the start owes nothing',
      { startDate: '2025-07-01', reportedPeriods: [], progress: 1 },
      '2025-07-06',
      'on_track',
      [],
    ],
    [
      'period ending on the start day owes a report',
      { startDate: '2025-06-30', reportedPeriods: [], progress: 1 },
      '2025-07-06',
      'at_risk',
      ['report_missing'],
    ],
    [
      'quarterly 2024-Q4 due 2025-01-05: on time',
      {
        startDate: '2024-01-01',
        dueDate: '2025-12-31',
        progress: 60,
        cadence: 'quarterly',
        reportedPeriods: ['2024-Q3'],
      },
      '2025-01-05',
      'on_track',
      [],
    ],
    [
      'quarterly 2024-Q4 missing on 2025-01-06',
      {
        startDate: '2024-01-01',
        dueDate: '2025-12-31',
        progress: 60,
        cadence: 'quarterly',
        reportedPeriods: ['2024-Q3'],
      },
      '2025-01-06',
      'at_risk',
      ['report_missing'],
    ],
    [
      'quarterly 2024-Q4 reported',
      {
        startDate: '2024-01-01',
        dueDate: '2025-12-31',
        progress: 60,
        cadence: 'quarterly',
        reportedPeriods: ['2024-Q4'],
      },
      '2025-01-06',
      'on_track',
      [],
    ],
    [
      'monthly leap February report due 2024-03-05',
      { startDate: '2024-01-01', dueDate: '2024-12-31', progress: 30, reportedPeriods: ['2024-01'] },
      '2024-03-06',
      'at_risk',
      ['report_missing'],
    ],
    [
      'red keeps every warning as a reason',
      {
        dueDate: '2025-06-30',
        progress: 10,
        reportedPeriods: [],
        milestones: [
          { dueDate: '2025-06-01', doneDate: null },
          { dueDate: '2025-07-10', doneDate: null },
        ],
      },
      '2025-07-06',
      'delayed',
      ['overdue', 'milestone_overdue', 'behind_schedule', 'milestone_due_soon', 'report_missing'],
    ],
  ])('%s', (_name, overrides, today, status, reasons) => {
    const result = computeTaskStatus(task(overrides), today);
    expect(result.status).toBe(status);
    expect(result.reasons).toEqual(reasons);
  });

  it.each<[Partial<TaskStatusInput>, string, number]>([
    [{ dueDate: '2025-06-30' }, '2025-07-01', 1],
    [{ dueDate: '2025-06-30', milestones: [{ dueDate: '2025-06-01', doneDate: null }] }, '2025-07-01', 30],
    [{ dueDate: '2024-02-28', startDate: '2024-01-01' }, '2024-03-01', 2],
    [{ dueDate: '2025-07-01' }, '2025-07-01', 0],
    [{ completed: true, dueDate: '2025-06-30' }, '2025-07-01', 0],
  ])('daysOverdue %j on %s → %d', (overrides, today, days) => {
    expect(computeTaskStatus(task(overrides), today).daysOverdue).toBe(days);
  });

  it('honours custom rules', () => {
    const t = task({
      progress: 40,
      milestones: [{ dueDate: '2025-07-10', doneDate: null }],
      reportedPeriods: ['2025-05'],
    });
    expect(computeTaskStatus(t, '2025-07-06').status).toBe('at_risk');
    const lenient = computeTaskStatus(t, '2025-07-06', {
      behindThreshold: 30,
      milestoneWarningDays: 3,
      reportGraceDays: 10,
    });
    expect(lenient).toMatchObject({ status: 'on_track', reasons: [] });
  });

  it('reports time elapsed', () => {
    expect(computeTaskStatus(task(), '2025-07-01').timeElapsed).toBe(49.9); // 182 of 365 days
    expect(computeTaskStatus(task({ dueDate: null }), '2025-07-01').timeElapsed).toBe(0);
    expect(
      computeTaskStatus(task({ startDate: '2025-08-01', reportedPeriods: [], progress: 0 }), '2025-07-01')
        .timeElapsed,
    ).toBe(0);
  });
});

describe('timeElapsedPercent', () => {
  it.each([
    ['2025-01-01', '2025-01-10', '2024-12-31', 0],
    ['2025-01-01', '2025-01-10', '2025-01-01', 10],
    ['2025-01-01', '2025-01-10', '2025-01-05', 50],
    ['2025-01-01', '2025-01-10', '2025-01-10', 100],
    ['2025-01-01', '2025-01-10', '2025-02-01', 100],
    ['2024-02-01', '2024-02-29', '2024-02-29', 100],
    ['2024-02-01', '2024-02-29', '2024-02-15', 51.7], // 15 of 29 days
    ['2025-01-10', '2025-01-01', '2025-01-10', 100], // end before start: bad data, fully used
  ])('%s..%s on %s → %d', (start, end, today, pct) => {
    expect(timeElapsedPercent(start, end, today)).toBe(pct);
  });
});

describe('a stored date no calendar has', () => {
  const today = '2025-07-01';

  it.each<[string, Partial<TaskStatusInput>, string, string[]]>([
    // name, input overrides, status, reasons
    ['an impossible due date reads as none', { dueDate: '2025-02-30' }, 'on_track', ['date_invalid']],
    [
      'an impossible start reads as none',
      { startDate: '2025-13-01', dueDate: '2025-06-30' },
      'delayed',
      ['overdue', 'date_invalid'],
    ],
    [
      'a milestone without a real due date is skipped',
      { milestones: [{ dueDate: '2025-06-31', doneDate: null }] },
      'on_track',
      ['date_invalid'],
    ],
    [
      'a milestone without a real done date is not done',
      { milestones: [{ dueDate: '2025-06-30', doneDate: '2025-06-31' }] },
      'delayed',
      ['milestone_overdue', 'date_invalid'],
    ],
    ['completion still wins', { completed: true, dueDate: 'soon' }, 'done', ['completed', 'date_invalid']],
  ])('%s', (_name, overrides, status, reasons) => {
    const result = computeTaskStatus(task(overrides), today);
    expect(result.status).toBe(status);
    expect(result.reasons).toEqual(reasons);
  });
});
