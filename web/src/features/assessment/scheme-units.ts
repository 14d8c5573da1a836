import type { Unit } from '../../api/types';
import type { SchemeDetail } from './assessment-api';

type Group = SchemeDetail['groups'][number];

/** The group a unit is ranked in, as the server decides it: named units first, then by the unit's kind. */
export function groupOfUnit(unit: Unit, groups: readonly Group[]): Group | null {
  return (
    groups.find((g) => g.unitIds.includes(unit.id)) ??
    groups.find((g) => g.unitIds.length === 0 && g.unitKind === unit.kind) ??
    null
  );
}

/** The units an indicator applies to: those of its groups, or of every group when it names none. */
export function unitsOfGroups(units: readonly Unit[], groups: readonly Group[], codes: readonly string[]) {
  return units.filter((u) => {
    const g = groupOfUnit(u, groups);
    return g !== null && (codes.length === 0 || codes.includes(g.code));
  });
}

/** "60/57/54" (or with 、，, spaces) as a list of scores; null when any part is not a number. */
export function parseRankList(text: string): number[] | null {
  const parts = text
    .split(/[/、，,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isFinite(n) && n >= 0) ? numbers : null;
}
