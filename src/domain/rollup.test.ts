import { describe, expect, it } from 'vitest';
import {
  countStatuses,
  emptyCounts,
  groupRollUp,
  groupRollUpMany,
  mergeRollUps,
  rollUp,
  type RollUpItem,
} from './rollup.js';

describe('rollUp', () => {
  it.each<[string, RollUpItem[], number, number]>([
    ['empty', [], 0, 0],
    [
      'unweighted mean',
      [
        { status: 'on_track', progress: 40 },
        { status: 'at_risk', progress: 20 },
      ],
      2,
      30,
    ],
    [
      'weighted mean',
      [
        { status: 'on_track', progress: 40, weight: 3 },
        { status: 'at_risk', progress: 20, weight: 1 },
      ],
      2,
      35,
    ],
    [
      'done counts as 100',
      [
        { status: 'done', progress: 80 },
        { status: 'on_track', progress: 0 },
      ],
      2,
      50,
    ],
    [
      'one decimal',
      [
        { status: 'on_track', progress: 10 },
        { status: 'on_track', progress: 10 },
        { status: 'on_track', progress: 11 },
      ],
      3,
      10.3,
    ],
    [
      'zero weight counts but does not move progress',
      [
        { status: 'delayed', progress: 0, weight: 0 },
        { status: 'on_track', progress: 60 },
      ],
      2,
      60,
    ],
    ['all zero weights', [{ status: 'delayed', progress: 30, weight: 0 }], 1, 0],
    [
      'progress clamped',
      [
        { status: 'on_track', progress: 150 },
        { status: 'on_track', progress: -10 },
      ],
      2,
      50,
    ],
  ])('%s', (_name, items, total, progress) => {
    const r = rollUp(items);
    expect(r.total).toBe(total);
    expect(r.progress).toBe(progress);
  });

  it('counts every status, zeros included', () => {
    const r = rollUp([
      { status: 'done', progress: 100 },
      { status: 'delayed', progress: 10 },
      { status: 'delayed', progress: 20 },
    ]);
    expect(r.counts).toEqual({ done: 1, on_track: 0, at_risk: 0, delayed: 2, not_started: 0 });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects weight %d', (weight) => {
    expect(() => rollUp([{ status: 'on_track', progress: 1, weight }])).toThrow(RangeError);
  });
});

describe('groupRollUp', () => {
  const tasks = [
    { unit: 'A', area: 1, status: 'done' as const, progress: 100 },
    { unit: 'B', area: 1, status: 'delayed' as const, progress: 20 },
    { unit: 'A', area: 2, status: 'on_track' as const, progress: 50, weight: 2 },
  ];

  it('groups by key in first-seen order', () => {
    const byUnit = groupRollUp(tasks, (t) => t.unit);
    expect([...byUnit.keys()]).toEqual(['A', 'B']);
    expect(byUnit.get('A')).toMatchObject({ total: 2, progress: 66.7, counts: { done: 1, on_track: 1 } });
    expect(byUnit.get('B')).toMatchObject({ total: 1, progress: 20, counts: { delayed: 1 } });
  });

  it('lets a task count under several keys, once per key', () => {
    const byUnit = groupRollUpMany(tasks, (t) => (t.unit === 'B' ? ['B', 'A', 'A'] : [t.unit]));
    expect(byUnit.get('A')?.total).toBe(3);
    expect(byUnit.get('B')?.total).toBe(1);
  });

  it('merges group roll-ups back to the whole exactly', () => {
    const merged = mergeRollUps(groupRollUp(tasks, (t) => t.area).values());
    expect(merged).toEqual(rollUp(tasks));
    expect(mergeRollUps([])).toEqual({
      total: 0,
      counts: emptyCounts(),
      progress: 0,
      weight: 0,
      weightedProgress: 0,
    });
  });
});

describe('countStatuses', () => {
  it('counts each status, every status present', () => {
    expect(countStatuses([{ status: 'delayed' }, { status: 'on_track' }, { status: 'delayed' }])).toEqual({
      ...emptyCounts(),
      delayed: 2,
      on_track: 1,
    });
    expect(countStatuses([])).toEqual(emptyCounts());
  });

  it('counts bare statuses as it counts items carrying them', () => {
    expect(countStatuses(['at_risk', 'done', 'at_risk'])).toEqual({ ...emptyCounts(), at_risk: 2, done: 1 });
  });
});
