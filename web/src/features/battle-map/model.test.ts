import { describe, expect, it } from 'vitest';
import { areaLabel, areasByPlan, isBehind, rankUnits, type DashboardUnit } from './model';

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
  it('keeps the server’s ranking, departments and towns apart', () => {
    // As the server sends them: most red, then most yellow, then least progress (domain/battle-map.ts).
    const units = [
      unit('c', 'town', 3, 0),
      unit('b', 'department', 1, 0),
      unit('t0', 'town', 0, 0, 0),
      unit('d', 'department', 0, 2, 10),
      unit('a', 'department', 0, 2),
      unit('e', 'office', 0, 0),
    ];
    expect(rankUnits(units, 'department').map((u) => u.id)).toEqual(['b', 'd', 'a', 'e']);
    expect(rankUnits(units, 'town').map((u) => u.id)).toEqual(['c', 't0']);
  });

  it('groups areas under their plans and labels them by short name', () => {
    const rollUp = roll(0);
    const plan = (id: string) => ({ id, title: id, shortName: id, year: 2026, rollUp, timeElapsed: 50 });
    const area = (id: string, planId: string, code: string) => ({
      id,
      planId,
      code,
      title: `围绕建设现代化产业体系的${id}`,
      shortName: id,
      rollUp,
      timeElapsed: 50,
    });
    const groups = areasByPlan({
      plans: [plan('p1'), plan('p2'), plan('empty')],
      areas: [area('实体支撑', 'p1', '1'), area('经济提升', 'p2', '1'), area('要素保障', 'p1', '2')],
    });
    expect(groups.map((g) => [g.plan.id, g.areas.map(areaLabel)])).toEqual([
      ['p1', ['1. 实体支撑', '2. 要素保障']],
      ['p2', ['1. 经济提升']],
    ]);
  });

  it('flags an area 20 points behind the calendar', () => {
    expect(isBehind(60, 80)).toBe(true);
    expect(isBehind(61, 80)).toBe(false);
  });
});
