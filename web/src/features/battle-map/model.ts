import type { Dashboard } from '../../api/types';

export type DashboardUnit = Dashboard['units'][number];
export type DashboardArea = Dashboard['areas'][number];

/** 时间过半、任务过半: the same 20-point gap the server uses for yellow, applied to an area's roll-up. */
export const BEHIND_GAP = 20;

export function isBehind(progress: number, timeElapsed: number): boolean {
  return timeElapsed - progress >= BEHIND_GAP;
}

/** 区直单位 and 镇街 are ranked apart, as assessments rank them. */
export function unitGroup(unit: Pick<DashboardUnit, 'kind'>): 'department' | 'town' {
  return unit.kind === 'town' ? 'town' : 'department';
}

/** Most red first, then most yellow, then lowest progress: the order the office chases units in. */
export function rankUnits(units: readonly DashboardUnit[], group: 'department' | 'town'): DashboardUnit[] {
  return units
    .filter((u) => unitGroup(u) === group && u.rollUp.total > 0)
    .sort(
      (a, b) =>
        b.red - a.red ||
        b.yellow - a.yellow ||
        a.rollUp.progress - b.rollUp.progress ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}
