import { describe, expect, it } from 'vitest';
import { planScenarios } from './scenarios.js';
import { prng, scenarioOf } from './simulate.js';

describe('planScenarios', () => {
  it('gives every plan of five tasks or more every colour, whatever the seed', () => {
    for (let count = 5; count <= 60; count++)
      for (let seed = 0; seed < 40; seed++) {
        const scenarios = planScenarios(count, seed);
        expect(scenarios).toHaveLength(count);
        for (const s of ['done', 'delayed', 'behind', 'future', 'on_track'] as const)
          expect(scenarios, `${count} tasks, seed ${seed}`).toContain(s);
      }
  });

  it('keeps the draws where they already show every colour, and is the same on every load', () => {
    const rand = prng(31);
    const drawn = Array.from({ length: 200 }, () => scenarioOf(rand()));
    expect(planScenarios(200, 31)).toEqual(drawn);
    expect(planScenarios(22, 9)).toEqual(planScenarios(22, 9));
  });

  it('leaves a plan too small for every colour as drawn', () => {
    const rand = prng(3);
    expect(planScenarios(3, 3)).toEqual([scenarioOf(rand()), scenarioOf(rand()), scenarioOf(rand())]);
  });
});
