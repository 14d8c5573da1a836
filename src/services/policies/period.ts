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

/**
 * What the office may do with a task's period as it stands: reopen a closed one that has no report on
 * its way (a period already reported needs no late report), close one that takes reports.
 */
export function actionsOn(
  actor: Actor,
  facts: PeriodFacts & { state: 'open' | 'closed' | 'reopened'; reported: boolean },
): { reopen: boolean; close: boolean } {
  const decide = can(actor, 'decide', facts);
  return {
    reopen: decide && facts.state === 'closed' && !facts.reported,
    close: decide && facts.state !== 'closed',
  };
}
