import { describe, expect, it } from 'vitest';
import { computeTaskStatus, type TaskStatusInput } from './task-status.js';
import { evaluateTasks } from './task-evaluation.js';

// A task of a 2026 monthly plan, due in April, with a milestone in March, published on 2026-11-20.
function lateTask(overrides: Partial<TaskStatusInput> = {}): TaskStatusInput {
  return {
    startDate: '2026-01-01',
    dueDate: '2026-12-31',
    completed: false,
    progress: 0,
    milestones: [],
    cadence: 'monthly',
    reportedPeriods: [],
    planEndDate: '2026-12-31',
    publishedDate: '2026-11-20',
    ...overrides,
  };
}

describe('status counts nothing before the task was published', () => {
  it('is green on the day of publication, with no period owed and time measured from then', () => {
    const r = computeTaskStatus(lateTask(), '2026-11-20');
    expect(r).toMatchObject({ status: 'on_track', reasons: [], daysOverdue: 0 });
    expect(r.timeElapsed).toBeLessThan(10);
  });

  it('still owes the periods after publication', () => {
    // 2026-11's report is due 2026-12-05; on the 6th it is missing.
    expect(computeTaskStatus(lateTask(), '2026-12-06').reasons).toContain('report_missing');
    expect(computeTaskStatus(lateTask(), '2026-12-05').reasons).not.toContain('report_missing');
  });

  it('makes a date that had passed fall due on the day of publication, not 200 days late', () => {
    const input = lateTask({
      dueDate: '2026-04-30',
      milestones: [{ dueDate: '2026-03-31', doneDate: null }],
    });
    const onTheDay = computeTaskStatus(input, '2026-11-20');
    expect(onTheDay.status).not.toBe('delayed');
    expect(onTheDay.daysOverdue).toBe(0);
    const nextDay = computeTaskStatus(input, '2026-11-21');
    expect(nextDay).toMatchObject({ status: 'delayed', daysOverdue: 1 });
  });

  it('is unchanged for a task published before its start', () => {
    const early = lateTask({ publishedDate: '2025-12-20', startDate: '2026-01-01' });
    const without = lateTask({ publishedDate: null });
    expect(computeTaskStatus(early, '2026-05-10')).toEqual(computeTaskStatus(without, '2026-05-10'));
    expect(computeTaskStatus(early, '2026-05-10').reasons).toContain('report_missing');
  });
});

describe('evaluateTasks takes the publication from the plan, or the task when added later', () => {
  const plan = {
    period_start: '2026-01-01',
    period_end: '2026-12-31',
    cadence: 'monthly' as const,
    published_at: '2026-11-20T02:00:00.000Z',
  };
  const task = (id: string, created: string) => ({
    id,
    plan_id: 'p1',
    start_date: null,
    due_date: '2026-12-31',
    created_at: created,
  });

  it('does not count the months before the plan was published', () => {
    const result = evaluateTasks(
      { milestones: [], facts: [] },
      [task('t1', '2026-01-02T00:00:00.000Z')],
      new Map([['p1', plan]]),
      '2026-11-20',
    );
    expect(result.get('t1')).toMatchObject({ status: 'on_track', reasons: [] });
  });

  it('uses a task’s own creation when it joined the plan later', () => {
    const result = evaluateTasks(
      { milestones: [], facts: [] },
      [task('t2', '2026-12-10T00:00:00.000Z')],
      new Map([['p1', { ...plan, published_at: '2026-02-01T00:00:00.000Z' }]]),
      '2026-12-10',
    );
    // November's report was due 2026-12-05, before the task existed.
    expect(result.get('t2')?.reasons).not.toContain('report_missing');
  });
});
