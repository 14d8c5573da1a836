import type { UnitRow } from '../../db/schema.js';

function normalize(name: string, regionName: string): string {
  let n = name.replace(/\s+/g, '');
  if (regionName && n.startsWith(regionName)) n = n.slice(regionName.length);
  return n.replace(/^(区委|区政府|区)/, (m) => (m === '区' ? '' : m));
}

/**
 * Finds the region's unit a document names: exactly, without the region prefix ("南海区发展和改革局" is
 * "区发展和改革局"), or by one name holding the other when both are specific enough to be unambiguous.
 */
export function matchUnit(name: string, units: readonly UnitRow[], regionName: string): UnitRow | undefined {
  const exact = units.find((u) => u.name === name);
  if (exact) return exact;
  const wanted = normalize(name, regionName);
  const normalized = units.map((u) => ({ unit: u, key: normalize(u.name, regionName) }));
  const same = normalized.find((u) => u.key === wanted);
  if (same) return same.unit;
  if (wanted.length < 3) return undefined;
  const containing = normalized.filter(
    (u) => u.key.length >= 3 && (u.key.includes(wanted) || wanted.includes(u.key)),
  );
  return containing.length === 1 ? containing[0]!.unit : undefined;
}
