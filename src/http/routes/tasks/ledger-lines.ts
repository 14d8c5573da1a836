import type { Actor } from '../../../services/actor.js';
import type { TaskView, UnitRow } from '../../../services/task-service.js';
import { presentTaskSummary } from './presenter.js';

type UnitNames = ReadonlyMap<string, Pick<UnitRow, 'name' | 'active'>>;

/**
 * Each ledger line's JSON, per audience, for as long as its task's view lives. A published plan's views are
 * kept across requests and replaced only when their task changes (services/kept-region.ts), so a ledger
 * rebuilt after a write serializes the changed line and joins the others as they were.
 */
const linesOf = new WeakMap<TaskView, { units: UnitNames; byAudience: Map<string, Buffer> }>();

/**
 * The line as UTF-8 JSON: encoded once, since encoding a ledger's mostly Chinese text again on every rebuild
 * cost more than joining it. `audience` must name everything of the actor the line depends on (the route's
 * cache key does).
 */
function ledgerLineJson(task: TaskView, units: UnitNames, actor: Actor, audience: string): Buffer {
  let entry = linesOf.get(task);
  if (entry?.units !== units) {
    entry = { units, byAudience: new Map() };
    linesOf.set(task, entry);
  }
  let json = entry.byAudience.get(audience);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(presentTaskSummary(task, units, actor)), 'utf8');
    entry.byAudience.set(audience, json);
  }
  return json;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

const bodies = new WeakMap<readonly TaskView[], { units: UnitNames; byAudience: Map<string, Buffer> }>();

/**
 * A ledger's JSON: the same for as long as its line array is the same (a kept plan's is, until one of its
 * tasks changes), so a write elsewhere in the region rebuilds nothing.
 */
export function ledgerBody(
  tasks: readonly TaskView[],
  units: UnitNames,
  actor: Actor,
  audience: string,
): Buffer {
  let entry = bodies.get(tasks);
  if (entry?.units !== units) {
    entry = { units, byAudience: new Map() };
    bodies.set(tasks, entry);
  }
  let body = entry.byAudience.get(audience);
  if (body === undefined) {
    body = ledgerJson(tasks.map((t) => ledgerLineJson(t, units, actor, audience)));
    entry.byAudience.set(audience, body);
  }
  return body;
}

/** The JSON array of the lines, copied into one buffer. */
function ledgerJson(lines: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [OPEN];
  lines.forEach((line, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(line);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
