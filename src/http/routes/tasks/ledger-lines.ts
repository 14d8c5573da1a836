import type { Actor } from '../../../services/actor.js';
import type { TaskView, UnitRow } from '../../../services/task-service.js';
import { presentTaskSummary } from './presenter.js';

type UnitNames = ReadonlyMap<string, Pick<UnitRow, 'name' | 'active'>>;
type Memo<K extends object> = WeakMap<K, { units: UnitNames; byAudience: Map<string, Buffer> }>;

/**
 * The bytes made of `key` for an audience, for as long as `key` lives and is read with the same unit names.
 * `audience` must name everything of the actor the bytes depend on (the route's cache key does).
 */
function remembered<K extends object>(
  memo: Memo<K>,
  key: K,
  units: UnitNames,
  audience: string,
  make: () => Buffer,
): Buffer {
  let entry = memo.get(key);
  if (entry?.units !== units) {
    entry = { units, byAudience: new Map() };
    memo.set(key, entry);
  }
  let bytes = entry.byAudience.get(audience);
  if (bytes === undefined) {
    bytes = make();
    entry.byAudience.set(audience, bytes);
  }
  return bytes;
}

/**
 * Each ledger line's JSON, as UTF-8, for as long as its task's view lives. A published plan's views are kept
 * across requests and replaced only when their task changes (services/kept-region.ts), so a ledger rebuilt
 * after a write serializes the changed line and joins the others as they were: encoding a ledger's mostly
 * Chinese text again on every rebuild cost more than joining it.
 */
const lines: Memo<TaskView> = new WeakMap();
/** A ledger's JSON, for as long as its line array is the same (a kept plan's is, until one of its tasks changes). */
const bodies: Memo<readonly TaskView[]> = new WeakMap();

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The ledger's JSON array: a write elsewhere in the region rebuilds nothing, a write to one task one line. */
export function ledgerBody(
  tasks: readonly TaskView[],
  units: UnitNames,
  actor: Actor,
  audience: string,
): Buffer {
  return remembered(bodies, tasks, units, audience, () => {
    const parts: Buffer[] = [OPEN];
    tasks.forEach((task, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(
        remembered(lines, task, units, audience, () =>
          Buffer.from(JSON.stringify(presentTaskSummary(task, units, actor)), 'utf8'),
        ),
      );
    });
    parts.push(CLOSE);
    return Buffer.concat(parts);
  });
}
