import { describe, expect, it } from 'vitest';
import {
  capOf,
  scoreFault,
  scoreIndicator,
  type IndicatorRule,
  type Measured,
} from './assessment-methods.js';

const rule = (r: Partial<IndicatorRule>): IndicatorRule => ({
  method: 'manual',
  points: 10,
  params: {},
  ...r,
});

describe('scoreIndicator, method by method', () => {
  it.each<[string, Partial<IndicatorRule>, Measured, number | null]>([
    // completion ratio × points
    ['ratio: half done', { method: 'ratio' }, { actual: 50, target: 100 }, 5],
    ['ratio: over 100 % is capped at the points', { method: 'ratio' }, { actual: 150, target: 100 }, 10],
    [
      'ratio: over 100 % earns up to an explicit cap',
      { method: 'ratio', cap: 12 },
      { actual: 150, target: 100 },
      12,
    ],
    ['ratio: no target → not assessed', { method: 'ratio' }, { actual: 50, target: null }, null],
    ['ratio: zero target → not assessed', { method: 'ratio' }, { actual: 5, target: 0 }, null],
    ['ratio: negative actual floors at 0', { method: 'ratio' }, { actual: -5, target: 10 }, 0],
    [
      'ratio: difficulty 1.2 multiplies',
      { method: 'ratio', difficulty: 1.2 },
      { actual: 50, target: 100 },
      6,
    ],
    // reaching target earns X %, ± k per point
    [
      'step: exactly at target',
      { method: 'target_step', params: { reachPercent: 80, stepPerPoint: 0.5 } },
      { actual: 100, target: 100 },
      8,
    ],
    [
      'step: 2 points above',
      { method: 'target_step', params: { reachPercent: 80, stepPerPoint: 0.5 } },
      { actual: 102, target: 100 },
      9,
    ],
    [
      'step: far above is capped',
      { method: 'target_step', params: { reachPercent: 80, stepPerPoint: 0.5 } },
      { actual: 130, target: 100 },
      10,
    ],
    [
      'step: below target loses per point',
      { method: 'target_step', params: { reachPercent: 80, stepPerPoint: 0.5 } },
      { actual: 96, target: 100 },
      6,
    ],
    [
      'step: far below floors at 0',
      { method: 'target_step', params: { reachPercent: 80, stepPerPoint: 1 } },
      { actual: 50, target: 100 },
      0,
    ],
    ['step: no target → not assessed', { method: 'target_step' }, { actual: 5 }, null],
    // by rank
    [
      'rank list: first',
      { method: 'rank', points: 60, params: { rankScores: [60, 57, 54] } },
      { rank: 1, of: 5 },
      60,
    ],
    [
      'rank list: third',
      { method: 'rank', points: 60, params: { rankScores: [60, 57, 54] } },
      { rank: 3, of: 5 },
      54,
    ],
    [
      'rank list: past the list takes its last',
      { method: 'rank', points: 60, params: { rankScores: [60, 57, 54] } },
      { rank: 5, of: 5 },
      54,
    ],
    [
      'rank linear: middle of five',
      { method: 'rank', points: 10, params: { firstScore: 10, lastScore: 6 } },
      { rank: 3, of: 5 },
      8,
    ],
    [
      'rank linear: last',
      { method: 'rank', points: 10, params: { firstScore: 10, lastScore: 6 } },
      { rank: 5, of: 5 },
      6,
    ],
    [
      'rank linear: alone',
      { method: 'rank', points: 10, params: { firstScore: 10, lastScore: 6 } },
      { rank: 1, of: 1 },
      10,
    ],
    ['rank: no rank → not assessed', { method: 'rank' }, {}, null],
    // k off per occurrence, floor 0
    [
      'per occurrence: none',
      { method: 'per_occurrence', params: { perOccurrence: 2 } },
      { occurrences: 0 },
      10,
    ],
    [
      'per occurrence: three',
      { method: 'per_occurrence', params: { perOccurrence: 2 } },
      { occurrences: 3 },
      4,
    ],
    [
      'per occurrence: floor 0',
      { method: 'per_occurrence', params: { perOccurrence: 2 } },
      { occurrences: 9 },
      0,
    ],
    // any occurrence scores 0
    ['any zero: none', { method: 'any_zero' }, { occurrences: 0 }, 10],
    ['any zero: one', { method: 'any_zero' }, { occurrences: 1 }, 0],
    // rating scaled
    ['rating: 85 of 100', { method: 'rating', points: 20 }, { rating: 85 }, 17],
    ['rating: 4 of 5', { method: 'rating', params: { ratingMax: 5 } }, { rating: 4 }, 8],
    ['rating: above the scale is clamped', { method: 'rating' }, { rating: 120 }, 10],
    ['rating: none → not assessed', { method: 'rating' }, {}, null],
    // manual with a written basis
    ['manual: as given', { method: 'manual' }, { score: 7.5 }, 7.5],
    ['manual: clamped to the cap', { method: 'manual' }, { score: 11 }, 10],
    ['manual: nothing given', { method: 'manual' }, {}, null],
  ])('%s', (_name, r, measured, expected) => {
    expect(scoreIndicator(rule(r), measured)).toBe(expected);
  });
});

describe('capOf and scoreFault', () => {
  it.each<[string, Partial<IndicatorRule>, number, ReturnType<typeof scoreFault>]>([
    ['within the points', {}, 10, null],
    ['above the points', {}, 10.5, 'above_cap'],
    ['within an explicit cap', { cap: 12 }, 11, null],
    ['above an explicit cap', { cap: 12 }, 12.01, 'above_cap'],
    ['difficulty raises the default cap', { difficulty: 1.5 }, 15, null],
    ['negative', {}, -1, 'negative'],
    ['not a number', {}, Number.NaN, 'not_finite'],
  ])('%s', (_name, r, score, fault) => {
    expect(scoreFault(rule(r), score)).toBe(fault);
  });

  it('a cap of 0 is a cap', () => {
    expect(capOf({ points: 10, cap: 0 })).toBe(0);
  });
});
