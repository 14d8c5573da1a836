import type { Dashboard } from '../../api/types';

export type DashboardUnit = Dashboard['units'][number];
export type DashboardArea = Dashboard['areas'][number];
export type DashboardPlan = Dashboard['plans'][number];

/** 时间过半、任务过半: the same 20-point gap the server uses for yellow, applied to an area's roll-up. */
export const BEHIND_GAP = 20;

export function isBehind(progress: number, timeElapsed: number): boolean {
  return timeElapsed - progress >= BEHIND_GAP;
}

/** 区直单位 and 镇街 are ranked apart, as assessments rank them. */
export function unitGroup(unit: Pick<DashboardUnit, 'kind'>): 'department' | 'town' {
  return unit.kind === 'town' ? 'town' : 'department';
}

/**
 * One group's units in the order the server ranked them (src/domain/battle-map.ts compareUnitStanding: most
 * red, then most yellow, then least progress, then name), so the page and its caption state one rule.
 */
export function rankUnits(units: readonly DashboardUnit[], group: 'department' | 'town'): DashboardUnit[] {
  return units.filter((u) => unitGroup(u) === group && u.rollUp.total > 0);
}

/** The areas under their plan, in the dashboard's order; a plan without areas is left out. */
export function areasByPlan(dashboard: Pick<Dashboard, 'plans' | 'areas'>): {
  plan: DashboardPlan;
  areas: DashboardArea[];
}[] {
  return dashboard.plans
    .map((plan) => ({ plan, areas: dashboard.areas.filter((a) => a.planId === plan.id) }))
    .filter((g) => g.areas.length > 0);
}

/** An area where room is short: its number and short name ("3. 产业结构优化"). */
export function areaLabel(area: Pick<DashboardArea, 'code' | 'shortName'>): string {
  return `${area.code}. ${area.shortName}`;
}
