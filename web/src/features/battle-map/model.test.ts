import { describe, expect, it } from 'vitest';
import { isBehind, rankUnits, type DashboardUnit } from './model';

const roll = (progress: number) => ({
  total: 2,
  counts: { done: 0, not_started: 0, on_track: 1, at_risk: 0, delayed: 1 },
  progress,
});
const unit = (
  id: string,
  kind: DashboardUnit['kind'],
  red: number,
  yellow: number,
  progress = 50,
): DashboardUnit => ({ id, name: id, kind, red, yellow, rollUp: roll(progress) });

describe('battle map model', () => {
  it('ranks by red, then yellow, then progress, departments and towns apart', () => {
    const units = [
      unit('a', 'department', 0, 2),
      unit('b', 'department', 1, 0),
      unit('c', 'town', 3, 0),
      unit('d', 'department', 0, 2, 10),
      unit('e', 'office', 0, 0),
    ];
    expect(rankUnits(units, 'department').map((u) => u.id)).toEqual(['b', 'd', 'a', 'e']);
    expect(rankUnits(units, 'town').map((u) => u.id)).toEqual(['c']);
  });

  it('flags an area 20 points behind the calendar', () => {
    expect(isBehind(60, 80)).toBe(true);
    expect(isBehind(61, 80)).toBe(false);
  });
});
