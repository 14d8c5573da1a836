import { describe, expect, it } from 'vitest';
import {
  checkpointDueDate,
  checkpointsToUrge,
  directiveCheckpoints,
  directiveDaysOf,
  directiveOverallState,
  extensionProblem,
  isDirectiveDone,
  type CheckpointRules,
  type DirectiveEvidence,
  type ExtensionProblem,
} from './directives.js';
import { workCalendar } from './working-days.js';

const ASSIGNED = '2025-03-10'; // deployed due 03-11, acting 03-17, effect 04-09

describe('directiveCheckpoints', () => {
  it('puts checkpoints at +1, +7 and +30 days', () => {
    expect(directiveCheckpoints(ASSIGNED, {}, ASSIGNED).map((c) => [c.kind, c.dueDate])).toEqual([
      ['deployed', '2025-03-11'],
      ['acting', '2025-03-17'],
      ['effect', '2025-04-09'],
    ]);
  });

  it.each<[string, DirectiveEvidence, string, [string, string, string], [number, number, number]]>([
    // name, evidence, today, states (deployed, acting, effect), daysLate
    ['just assigned', {}, '2025-03-10', ['pending', 'pending', 'pending'], [0, 0, 0]],
    ['due day still pending', {}, '2025-03-11', ['pending', 'pending', 'pending'], [0, 0, 0]],
    ['day after due: missed', {}, '2025-03-12', ['missed', 'pending', 'pending'], [1, 0, 0]],
    [
      'all met on the due days',
      { deployedOn: '2025-03-11', actingOn: '2025-03-17', effectOn: '2025-04-09' },
      '2025-05-01',
      ['met', 'met', 'met'],
      [0, 0, 0],
    ],
    [
      'deployed the same day',
      { deployedOn: '2025-03-10' },
      '2025-03-12',
      ['met', 'pending', 'pending'],
      [0, 0, 0],
    ],
    ['late deployment', { deployedOn: '2025-03-13' }, '2025-03-20', ['late', 'missed', 'pending'], [2, 3, 0]],
    ['everything missed', {}, '2025-04-10', ['missed', 'missed', 'missed'], [30, 24, 1]],
    [
      'action implies deployment',
      { actingOn: '2025-03-11' },
      '2025-03-20',
      ['met', 'met', 'pending'],
      [0, 0, 0],
    ],
    [
      'late action implies late deployment',
      { actingOn: '2025-03-15' },
      '2025-03-20',
      ['late', 'met', 'pending'],
      [4, 0, 0],
    ],
    [
      'effect late',
      { deployedOn: '2025-03-11', actingOn: '2025-03-16', effectOn: '2025-04-20' },
      '2025-05-01',
      ['met', 'met', 'late'],
      [0, 0, 11],
    ],
    [
      'null evidence is absent',
      { deployedOn: null, actingOn: null },
      '2025-03-12',
      ['missed', 'pending', 'pending'],
      [1, 0, 0],
    ],
  ])('%s', (_name, evidence, today, states, daysLate) => {
    const cps = directiveCheckpoints(ASSIGNED, evidence, today);
    expect(cps.map((c) => c.state)).toEqual(states);
    expect(cps.map((c) => c.daysLate)).toEqual(daysLate);
  });

  it('marks inferred dates', () => {
    const [deployed, acting] = directiveCheckpoints(ASSIGNED, { actingOn: '2025-03-11' }, '2025-03-20');
    expect(deployed).toMatchObject({ doneOn: '2025-03-11', inferred: true });
    expect(acting).toMatchObject({ doneOn: '2025-03-11', inferred: false });
  });

  it('keeps the earlier own date over a later stage', () => {
    const [deployed] = directiveCheckpoints(
      ASSIGNED,
      { deployedOn: '2025-03-10', actingOn: '2025-03-12' },
      '2025-03-20',
    );
    expect(deployed).toMatchObject({ doneOn: '2025-03-10', inferred: false, state: 'met' });
  });

  it('crosses month and leap-year ends', () => {
    const cps = directiveCheckpoints('2024-02-28', {}, '2024-02-28');
    expect(cps.map((c) => c.dueDate)).toEqual(['2024-02-29', '2024-03-06', '2024-03-29']);
  });

  it('takes region-specific offsets', () => {
    const cps = directiveCheckpoints(ASSIGNED, {}, ASSIGNED, { deployed: 3, effect: 60 });
    expect(cps.map((c) => c.dueDate)).toEqual(['2025-03-13', '2025-03-17', '2025-05-09']);
  });
});

describe('directiveOverallState', () => {
  it.each<[DirectiveEvidence, string, string]>([
    [{}, '2025-03-10', 'pending'],
    [{ deployedOn: '2025-03-11' }, '2025-03-12', 'pending'],
    [{ deployedOn: '2025-03-12' }, '2025-03-12', 'late'],
    [{}, '2025-03-12', 'missed'],
    [{ deployedOn: '2025-03-11', actingOn: '2025-03-12', effectOn: '2025-04-01' }, '2025-04-02', 'met'],
  ])('%j on %s → %s', (evidence, today, state) => {
    expect(directiveOverallState(directiveCheckpoints(ASSIGNED, evidence, today))).toBe(state);
  });
});

// The 2026 arrangement as the State Council published it (the server reads it from calendar/; here it is
// spelled out so the rule is tested on its own): 春节 off 15–23 February, Saturday 14 February worked.
const CALENDAR_2026 = workCalendar([
  {
    year: 2026,
    status: 'published',
    source: 'test',
    holidays: [
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    ],
    workdays: [{ name: '春节', date: '2026-02-14' }],
  },
]);
const onCalendar: CheckpointRules = { isWorkingDay: (d) => CALENDAR_2026.isWorkingDay(d) };

describe('checkpoints on days off', () => {
  it('moves a checkpoint due in the Spring Festival to the first working day after it', () => {
    // Assigned Friday 13 February: +1 is Saturday 14th, a 调休 working day, so it stays; +7 is 20th, in the
    // holiday, so 24th; +30 is Sunday 15 March, so Monday 16th.
    const dues = directiveCheckpoints('2026-02-13', {}, '2026-02-13', undefined, onCalendar).map(
      (c) => c.dueDate,
    );
    expect(dues).toEqual(['2026-02-14', '2026-02-24', '2026-03-16']);
  });

  it('moves the first day of the holiday to the day it ends, not one day on', () => {
    expect(checkpointDueDate('2026-02-14', 1, null, onCalendar)).toBe('2026-02-24');
  });

  it('leaves a working day alone, and counts only weekends in a year nobody has published', () => {
    expect(checkpointDueDate('2026-06-15', 1, null, onCalendar)).toBe('2026-06-16');
    expect(checkpointDueDate('2027-02-04', 1, null, onCalendar)).toBe('2027-02-05');
    expect(checkpointDueDate('2027-02-05', 1, null, onCalendar)).toBe('2027-02-08');
  });

  it('judges deployment shown on the moved due day as met, and the day after as late', () => {
    const met = directiveCheckpoints(
      '2026-06-18',
      { deployedOn: '2026-06-22' },
      '2026-06-23',
      {},
      onCalendar,
    );
    expect(met[0]).toMatchObject({ dueDate: '2026-06-22', state: 'met' });
    const late = directiveCheckpoints(
      '2026-06-18',
      { deployedOn: '2026-06-23' },
      '2026-06-23',
      {},
      onCalendar,
    );
    expect(late[0]).toMatchObject({ state: 'late', daysLate: 1 });
  });

  it('stops after two weeks of days off rather than loop on a calendar that has no working day', () => {
    expect(checkpointDueDate('2026-01-01', 1, null, { isWorkingDay: () => false })).toBe('2026-01-16');
  });
});

describe('extensions', () => {
  it('moves the 见效 checkpoint to the approved date, never earlier, and leaves the others', () => {
    const dues = (effectDue: string | null) =>
      directiveCheckpoints('2025-03-10', {}, '2025-03-10', {}, { effectDue }).map((c) => c.dueDate);
    expect(dues('2025-05-31')).toEqual(['2025-03-11', '2025-03-17', '2025-05-31']);
    expect(dues('2025-03-20')).toEqual(['2025-03-11', '2025-03-17', '2025-04-09']);
    expect(dues(null)).toEqual(['2025-03-11', '2025-03-17', '2025-04-09']);
  });

  it.each<[string, string, string, ExtensionProblem | null]>([
    ['later than the due date', '2025-04-09', '2025-05-01', null],
    ['the due date itself', '2025-04-09', '2025-04-09', 'not_later'],
    ['earlier than the due date', '2025-04-09', '2025-04-01', 'not_later'],
    ['in the past', '2025-04-09', '2025-03-01', 'in_past'],
  ])('a new date %s', (_, due, newDate, problem) => {
    expect(extensionProblem(due, newDate, '2025-03-20')).toBe(problem);
  });
});

describe('region settings', () => {
  it.each<[string, string | null, [number, number, number]]>([
    ['no settings', null, [1, 7, 30]],
    ['malformed JSON', '{', [1, 7, 30]],
    ['its own offsets', '{"directiveDays":{"deployed":2,"acting":10,"effect":45}}', [2, 10, 45]],
    ['one offset only', '{"directiveDays":{"effect":60}}', [1, 7, 60]],
    ['a negative offset ignored', '{"directiveDays":{"deployed":-1}}', [1, 7, 30]],
    ['a fraction ignored', '{"directiveDays":{"acting":7.5}}', [1, 7, 30]],
    ['offsets out of order', '{"directiveDays":{"deployed":9,"acting":7}}', [1, 7, 30]],
    ['over a year', '{"directiveDays":{"effect":366}}', [1, 7, 30]],
  ])('%s', (_, settings, [deployed, acting, effect]) => {
    expect(directiveDaysOf(settings)).toEqual({ deployed, acting, effect });
  });
});

describe('urging and completion', () => {
  const cps = directiveCheckpoints('2025-03-10', { actingOn: '2025-03-20' }, '2025-04-20');
  it('urges a missed checkpoint once, never a late or implied one', () => {
    // deployed implied (late) by acting on 20 March; acting late; effect missed.
    expect(cps.map((c) => c.state)).toEqual(['late', 'late', 'missed']);
    expect(checkpointsToUrge(cps, new Set()).map((c) => c.kind)).toEqual(['effect']);
    expect(checkpointsToUrge(cps, new Set(['effect']))).toEqual([]);
  });

  it('counts a directive done once every stage is shown, late or not', () => {
    expect(isDirectiveDone(cps)).toBe(false);
    const done = directiveCheckpoints('2025-03-10', { effectOn: '2025-05-01' }, '2025-05-02');
    expect(isDirectiveDone(done)).toBe(true);
    expect(directiveOverallState(done)).toBe('late');
  });
});
