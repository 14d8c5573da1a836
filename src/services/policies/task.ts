import type { Actor } from '../actor.js';
import * as milestonePolicy from './milestone.js';
import { hasRoleIn, inRegion, isOfficeOf, isStaffOf, seesWholeRegion } from './scope.js';

export type TaskAction = 'list' | 'read' | 'edit' | 'report' | 'instruct' | 'notify';

export interface TaskFacts {
  regionId: string;
  leadUnitId: string | null;
  coUnitIds: readonly string[];
}

/** The lead unit (牵头单位) or a co-operating unit (配合单位) of the task. */
export function isTaskUnit(actor: Actor, task: TaskFacts): boolean {
  return actor.unitId !== null && (task.leadUnitId === actor.unitId || task.coUnitIds.includes(actor.unitId));
}

/**
 * Tasks (任务): office, leaders and oversight read every task of the region, a unit's staff the tasks
 * their unit leads or co-operates on. The office edits and supervises; leaders write instructions (批示);
 * the lead unit's staff report progress (co-units contribute through the lead unit). Listing a plan's
 * tasks (leadUnitId and coUnitIds then unused) needs region-wide sight or a unit whose tasks to list.
 */
export function can(actor: Actor, action: TaskAction, task: TaskFacts): boolean {
  switch (action) {
    case 'list':
      return inRegion(actor, task.regionId) && (seesWholeRegion(actor) || actor.unitId !== null);
    case 'read':
      return inRegion(actor, task.regionId) && (seesWholeRegion(actor) || isTaskUnit(actor, task));
    case 'edit':
    case 'notify':
      return isOfficeOf(actor, task.regionId);
    case 'instruct':
      return hasRoleIn(actor, task.regionId, ['leader']);
    case 'report':
      return inRegion(actor, task.regionId) && isStaffOf(actor, task.leadUnitId);
  }
}

/** Whether a read needs the co-units: most callers are decided by region-wide sight or the lead unit alone. */
export function readNeedsCoUnits(actor: Actor, leadUnitId: string | null): boolean {
  return !seesWholeRegion(actor) && !(actor.unitId !== null && leadUnitId === actor.unitId);
}

export type TaskActions = Record<'edit' | 'editRoadmap' | 'report' | 'instruct' | 'notify', boolean>;

/** What the caller may do with the task: the buttons the web app shows on a ledger line and the task page. */
export function actionsOn(actor: Actor, task: TaskFacts): TaskActions {
  return {
    edit: can(actor, 'edit', task),
    editRoadmap: milestonePolicy.can(actor, 'edit_roadmap', task),
    report: can(actor, 'report', task),
    instruct: can(actor, 'instruct', task),
    notify: can(actor, 'notify', task),
  };
}
