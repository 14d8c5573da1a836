import type { Actor } from '../actor.js';
import { hasRoleIn, inRegion, isAdmin, isOfficeOf, seesWholeRegion } from './scope.js';

export type DirectiveAction =
  'list' | 'read' | 'create' | 'answer' | 'request_extension' | 'decide_extension';

export interface DirectiveFacts {
  regionId: string;
  /** Null when asking about the region's list rather than one directive. */
  leadUnitId: string | null;
  coUnitIds: readonly string[];
}

/**
 * A directive (交办事项): the office makes one from a meeting's decision or a leader's instruction and
 * decides extension requests; the lead unit's staff answer its checkpoints and ask for more time; a
 * co-operating unit reads it; region-wide readers read every one.
 */
export function can(actor: Actor, action: DirectiveAction, d: DirectiveFacts): boolean {
  if (!inRegion(actor, d.regionId)) return false;
  const leads = d.leadUnitId !== null && (isAdmin(actor) || actor.unitId === d.leadUnitId);
  const takesPart = leads || (actor.unitId !== null && d.coUnitIds.includes(actor.unitId));
  switch (action) {
    case 'list':
      return seesWholeRegion(actor) || actor.unitId !== null;
    case 'read':
      return seesWholeRegion(actor) || takesPart;
    case 'create':
    case 'decide_extension':
      return isOfficeOf(actor, d.regionId);
    case 'answer':
    case 'request_extension':
      return hasRoleIn(actor, d.regionId, ['unit_head', 'reporter']) && leads;
  }
}

/** What the caller may do with the directive as it stands. */
export function actionsOn(
  actor: Actor,
  d: DirectiveFacts,
  state: { done: boolean; pendingExtension: boolean },
): { answer: boolean; requestExtension: boolean; decideExtension: boolean } {
  return {
    answer: !state.done && can(actor, 'answer', d),
    requestExtension: !state.done && !state.pendingExtension && can(actor, 'request_extension', d),
    decideExtension: state.pendingExtension && can(actor, 'decide_extension', d),
  };
}
