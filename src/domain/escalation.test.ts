import { describe, expect, it } from 'vitest';
import { escalations, type Escalation, type RaisedNotice, type TaskPeriodRecord } from './escalation.js';
import type { TaskStatus } from './task-status.js';

function rec(period: string, reported: boolean, status: TaskStatus = 'on_track'): TaskPeriodRecord {
  return { period, reported, status };
}

describe('escalations', () => {
  it.each<[string, TaskPeriodRecord[], RaisedNotice[], string, Escalation[]]>([
    ['all reported, all green', [rec('2025-01', true), rec('2025-02', true)], [], '2025-03-10', []],
    ['missing report, due today: nothing yet', [rec('2025-02', false)], [], '2025-03-05', []],
    [
      'missing report, day after due: urge',
      [rec('2025-02', false)],
      [],
      '2025-03-06',
      [{ kind: 'urge', reason: 'report_missing', period: '2025-02' }],
    ],
    ['urge already raised', [rec('2025-02', false)], [{ kind: 'urge', period: '2025-02' }], '2025-03-06', []],
    [
      'stronger notice already raised',
      [rec('2025-02', false)],
      [{ kind: 'listed', period: '2025-02' }],
      '2025-03-06',
      [],
    ],
    [
      'urge for another period does not count',
      [rec('2025-02', false)],
      [{ kind: 'urge', period: '2025-01' }],
      '2025-03-06',
      [{ kind: 'urge', reason: 'report_missing', period: '2025-02' }],
    ],
    [
      'done or not started owes nothing',
      [rec('2025-01', false, 'not_started'), rec('2025-02', false, 'done')],
      [],
      '2025-04-01',
      [],
    ],
    [
      'catches up on several missing periods, in order',
      [rec('2025-02', false), rec('2025-01', false)],
      [],
      '2025-03-06',
      [
        { kind: 'urge', reason: 'report_missing', period: '2025-01' },
        { kind: 'urge', reason: 'report_missing', period: '2025-02' },
      ],
    ],
    [
      'quarter straddling the year: 2024-Q4 due 2025-01-05',
      [rec('2024-Q4', false)],
      [],
      '2025-01-06',
      [{ kind: 'urge', reason: 'report_missing', period: '2024-Q4' }],
    ],
    ['2024-Q4 on its due date', [rec('2024-Q4', false)], [], '2025-01-05', []],
    [
      'red once: no supervise',
      [rec('2025-01', true, 'on_track'), rec('2025-02', true, 'delayed')],
      [],
      '2025-03-10',
      [],
    ],
    [
      'red two consecutive periods: supervise',
      [rec('2025-01', true, 'delayed'), rec('2025-02', true, 'delayed')],
      [],
      '2025-03-10',
      [{ kind: 'supervise', reason: 'delayed_two_periods', period: '2025-02' }],
    ],
    [
      'red across the year end',
      [rec('2024-12', true, 'delayed'), rec('2025-01', true, 'delayed')],
      [],
      '2025-02-01',
      [{ kind: 'supervise', reason: 'delayed_two_periods', period: '2025-01' }],
    ],
    [
      'current period does not count until it closes',
      [rec('2025-01', true, 'delayed'), rec('2025-02', true, 'delayed')],
      [],
      '2025-02-28',
      [],
    ],
    [
      'red twice but not consecutive',
      [rec('2025-01', true, 'delayed'), rec('2025-03', true, 'delayed')],
      [],
      '2025-04-10',
      [],
    ],
    [
      'red, amber, red: no supervise',
      [rec('2025-01', true, 'delayed'), rec('2025-02', true, 'at_risk'), rec('2025-03', true, 'delayed')],
      [],
      '2025-04-10',
      [],
    ],
    [
      'one supervise per red streak',
      [rec('2025-01', true, 'delayed'), rec('2025-02', true, 'delayed'), rec('2025-03', true, 'delayed')],
      [{ kind: 'supervise', period: '2025-02' }],
      '2025-04-10',
      [],
    ],
    [
      'a new streak raises again',
      [
        rec('2025-01', true, 'delayed'),
        rec('2025-02', true, 'delayed'),
        rec('2025-03', true, 'on_track'),
        rec('2025-04', true, 'delayed'),
        rec('2025-05', true, 'delayed'),
      ],
      [{ kind: 'supervise', period: '2025-02' }],
      '2025-06-10',
      [{ kind: 'supervise', reason: 'delayed_two_periods', period: '2025-05' }],
    ],
    [
      'missing and red together',
      [rec('2025-01', true, 'delayed'), rec('2025-02', false, 'delayed')],
      [],
      '2025-03-10',
      [
        { kind: 'urge', reason: 'report_missing', period: '2025-02' },
        { kind: 'supervise', reason: 'delayed_two_periods', period: '2025-02' },
      ],
    ],
    [
      'manual notices without a period are ignored',
      [rec('2025-01', true)],
      [{ kind: 'supervise', period: null }],
      '2025-03-10',
      [],
    ],
  ])('%s', (_name, history, raised, today, expected) => {
    expect(escalations({ history, raised, today })).toEqual(expected);
  });

  it('takes a custom grace', () => {
    expect(
      escalations({ history: [rec('2025-02', false)], raised: [], today: '2025-03-06', graceDays: 10 }),
    ).toEqual([]);
  });
});
