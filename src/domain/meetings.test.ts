import { describe, expect, it } from 'vitest';
import { decisionState, decisionTally, tallySentence, type DecisionFacts } from './meetings.js';

const directive = (state: DecisionFacts['state']): DecisionFacts => ({
  state,
  becameDirective: true,
  becameTask: false,
});

describe('decisionState', () => {
  it.each<[boolean | null, boolean | null, string]>([
    [null, null, 'unassigned'],
    [false, null, 'in_progress'],
    [true, null, 'done'],
    [null, false, 'in_progress'],
    [null, true, 'done'],
  ])('directive done %s, task done %s → %s', (directiveDone, taskDone, state) => {
    expect(decisionState({ directiveDone, taskDone })).toBe(state);
  });
});

describe('decisionTally', () => {
  it('counts nothing for a meeting that decided nothing', () => {
    const t = decisionTally([]);
    expect(t).toEqual({ total: 0, done: 0, inProgress: 0, unassigned: 0, directives: 0, tasks: 0 });
    expect(tallySentence(t)).toBe('确定事项0件，已完成0件');
  });

  it('counts 43 decisions with 16 done as the bulletin words it', () => {
    const decisions: DecisionFacts[] = [
      ...Array.from({ length: 16 }, () => directive('done')),
      ...Array.from({ length: 20 }, () => ({
        state: 'in_progress' as const,
        becameDirective: false,
        becameTask: true,
      })),
      ...Array.from({ length: 7 }, () => ({
        state: 'unassigned' as const,
        becameDirective: false,
        becameTask: false,
      })),
    ];
    const t = decisionTally(decisions);
    expect(t).toEqual({ total: 43, done: 16, inProgress: 20, unassigned: 7, directives: 16, tasks: 20 });
    expect(tallySentence(t)).toBe('确定事项43件，已完成16件');
  });
});
