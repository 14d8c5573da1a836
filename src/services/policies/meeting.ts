import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf, seesWholeRegion } from './scope.js';

export type MeetingAction = 'read' | 'record' | 'assign_decision';

/**
 * Meetings are the region's record of what was decided: every account of the region with a unit, and the
 * region-wide readers, read them; the office records them and turns their decisions into work.
 */
export function can(actor: Actor, action: MeetingAction, m: { regionId: string }): boolean {
  if (!inRegion(actor, m.regionId)) return false;
  switch (action) {
    case 'read':
      return seesWholeRegion(actor) || actor.unitId !== null;
    case 'record':
    case 'assign_decision':
      return isOfficeOf(actor, m.regionId);
  }
}

export function actionsOn(
  actor: Actor,
  m: { regionId: string },
): { record: boolean; assignDecision: boolean } {
  return { record: can(actor, 'record', m), assignDecision: can(actor, 'assign_decision', m) };
}
