import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf } from './scope.js';
import * as taskPolicy from './task.js';

export type TargetAction = 'read' | 'create' | 'edit' | 'record_measurement';

export interface TargetFacts {
  regionId: string;
  /** The task the target hangs on, with its units; null for a plan- or area-level target (and for the
   * office-only actions, which do not look at it). */
  task: taskPolicy.TaskFacts | null;
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
      return target.task === null
        ? inRegion(actor, target.regionId)
        : taskPolicy.can(actor, 'read', target.task);
    case 'create':
    case 'edit':
    case 'record_measurement':
      return isOfficeOf(actor, target.regionId);
  }
}
