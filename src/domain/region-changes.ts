// Which writes a region's battle map and ledger, kept in memory, can take by re-reading only the tasks they
// name, and which make them build again. Read from the region's audit chain: every write appends one event
// naming what it changed, in the write's own transaction.

/** One event of a region's chain, as far as this rule reads it. */
export interface RegionChange {
  action: string;
  entity: string;
  entity_id: string | null;
}

/** The kept inputs stay and these tasks are read again; or everything is built again. */
export type ChangeScope = { tasks: ReadonlySet<string> } | 'rebuild';

/**
 * Kinds of record neither the ledger nor the battle map reads (projects, directives, assessment and the rest
 * have pages of their own), and whose writes touch no task, milestone, report, plan, area or unit.
 */
const UNREAD_ENTITIES: ReadonlySet<string> = new Set([
  'account',
  'accountability',
  'assessment_round',
  'assessment_scheme',
  'bulletin',
  'directive',
  'meeting',
  'project',
  'tolerance',
]);

/** A plan's indicators (指标) and their figures: audited as the plan's, read by neither page. */
const UNREAD_PLAN_ACTIONS = /^(target|measurement)\./;

/** More changes than this at once (an import, the demo's history) and building again is as cheap. */
export const MAX_KEPT_CHANGES = 64;

/**
 * What `changes` (oldest first) ask of the kept inputs. A task's own write (reports, milestones, its row and
 * co-units) names the task; a new task changes the plan's list and its order, so it builds again, as does a
 * write to a plan, area, unit or region, which every line or figure may show.
 */
export function scopeOfChanges(changes: readonly RegionChange[]): ChangeScope {
  if (changes.length > MAX_KEPT_CHANGES) return 'rebuild';
  const tasks = new Set<string>();
  for (const c of changes) {
    if (UNREAD_ENTITIES.has(c.entity)) continue;
    if (c.entity === 'plan' && UNREAD_PLAN_ACTIONS.test(c.action)) continue;
    if (c.entity !== 'task' || c.entity_id === null || c.action === 'task.create') return 'rebuild';
    tasks.add(c.entity_id);
  }
  return { tasks };
}

/**
 * Whether a region's standing in its parents' roll-ups (its tasks' statuses and progress, its red list and its
 * indicators) still holds after `changes` (oldest first): only writes to records it never reads leave it so —
 * the logins of a working day, above all.
 */
export function leavesStanding(changes: readonly RegionChange[]): boolean {
  return changes.length <= MAX_KEPT_CHANGES && changes.every((c) => UNREAD_ENTITIES.has(c.entity));
}
