import { describe, expect, it } from 'vitest';
import { directiveCheckpoints, directiveOverallState, type DirectiveEvidence } from './directives.js';

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
