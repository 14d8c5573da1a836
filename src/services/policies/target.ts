import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf, isStaffOf } from './scope.js';
import * as taskPolicy from './task.js';

export type TargetAction =
  'read' | 'create' | 'edit' | 'record_measurement' | 'report_value' | 'confirm_value';

export interface TargetFacts {
  regionId: string;
  /** The task the target hangs on, with its units; null for a plan- or area-level target (and for the
   * office-only actions, which do not look at it). */
  task: taskPolicy.TaskFacts | null;
  /** The responsible unit (责任单位), whose staff enter the values; absent where it does not matter. */
  unitId?: string | null;
}

/**
 * Targets (指标) of a plan and their measured values (实绩): the office sets and records them. A plan- or
 * area-level target is one of the region's published programme goals, read by everyone who reads the plan
 * (the caller has passed `planFor`); a task's target is read by whoever may read that task, so a unit's
 * staff see the targets of tasks their unit leads or co-operates on, not other units' commitments.
 */
export function can(actor: Actor, action: TargetAction, target: TargetFacts): boolean {
  switch (action) {
    case 'read':
      if (inRegion(actor, target.regionId) && isStaffOf(actor, target.unitId ?? null)) return true;
      return target.task === null
        ? inRegion(actor, target.regionId)
        : taskPolicy.can(actor, 'read', target.task);
    case 'create':
    case 'edit':
    case 'record_measurement':
    case 'confirm_value':
      return isOfficeOf(actor, target.regionId);
    // The responsible unit's staff enter its figure; the office confirms (or replaces) it.
    case 'report_value':
      return inRegion(actor, target.regionId) && isStaffOf(actor, target.unitId ?? null);
  }
}
