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

/** True when the characters of `short` appear in `long` in order, starting with its first: 发改局 in 发展和改革局. */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0]) return false;
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of the two names' character pairs: 1 for the same name, 0 for nothing shared. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let shared = 0;
  for (const pair of x) {
    const i = pool.indexOf(pair);
    if (i !== -1) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** How close a unit's name is to the name a document wrote, from 0 (unrelated) to 1 (the same). */
function closeness(written: string, unitKey: string): number {
  if (written === unitKey) return 1;
  const dice = similarity(written, unitKey);
  // An abbreviation shares few pairs with the full name (发改局, 发展和改革局) but is no less that unit.
  const abbreviation = abbreviates(written, unitKey) ? 0.6 + 0.3 * (written.length / unitKey.length) : 0;
  return Math.max(dice, abbreviation);
}

const CLOSE_ENOUGH = 0.5;

/**
 * The region's unit closest to a name the document wrote that matched none exactly: an abbreviation
 * (区发改局, 区委改革办) or a near spelling. Undefined when nothing is close or two units are equally close.
 */
export function closestUnit(
  name: string,
  units: readonly UnitRow[],
  regionName: string,
): UnitRow | undefined {
  const matched = matchUnit(name, units, regionName);
  if (matched) return matched;
  const written = normalize(name, regionName);
  if (written.length < 2) return undefined;
  const scored = units
    .map((unit) => ({ unit, score: closeness(written, normalize(unit.name, regionName)) }))
    .filter((s) => s.score >= CLOSE_ENOUGH)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || (second && second.score === best.score)) return undefined;
  return best.unit;
}

/**
 * A lead unit to propose for a task the document gave none the region has: the unit closest to the lead
 * the document named, else the first of the region's units the task's own text names (里水镇 in
 * "支持里水镇……") that is not already one of its co-operating units. Only active units are proposed.
 */
export function suggestLeadUnit(
  task: { proposedLead: string | null; text: string; coUnitIds: readonly string[] },
  units: readonly UnitRow[],
  regionName: string,
): UnitRow | undefined {
  const active = units.filter((u) => Boolean(u.active));
  if (task.proposedLead) {
    const close = closestUnit(task.proposedLead, active, regionName);
    if (close) return close;
  }
  let first: { unit: UnitRow; at: number } | undefined;
  for (const unit of active) {
    if (task.coUnitIds.includes(unit.id)) continue;
    const key = normalize(unit.name, regionName);
    const atName = task.text.indexOf(unit.name);
    const atKey = key.length >= 3 ? task.text.indexOf(key) : -1;
    const at = atName !== -1 ? atName : atKey;
    if (at !== -1 && (!first || at < first.at)) first = { unit, at };
  }
  return first?.unit;
}
