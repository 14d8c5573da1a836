import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf, isUnitStaff } from './scope.js';

export type PeriodAction = 'read' | 'decide' | 'list_owed';

export interface PeriodFacts {
  regionId: string;
}

/**
 * Reporting periods (期次): whoever reads a task reads its periods (the route loads the task for the actor
 * first); only the office closes a period or reopens it for a late report; a unit's staff list what their
 * unit still owes.
 */
export function can(actor: Actor, action: PeriodAction, facts: PeriodFacts): boolean {
  switch (action) {
    case 'read':
      return inRegion(actor, facts.regionId);
    case 'decide':
      return isOfficeOf(actor, facts.regionId);
    case 'list_owed':
      return inRegion(actor, facts.regionId) && isUnitStaff(actor) && actor.unitId !== null;
  }
}
