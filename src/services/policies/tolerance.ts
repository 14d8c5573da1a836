import { isToleranceOpen, type ToleranceStatus } from '../../domain/accountability.js';
import type { Actor } from '../actor.js';
import { hasRoleIn, inRegion, isAdmin, isOfficeOf, seesWholeRegion } from './scope.js';

export type ToleranceAction = 'list' | 'read' | 'apply' | 'attach' | 'decide';

export interface ToleranceFacts {
  regionId: string;
  /** The applying unit; null when asking about a region's list. */
  unitId: string | null;
  status: ToleranceStatus;
}

/**
 * 容错免责: a unit's staff apply for their own unit and attach evidence while the request waits; the
 * office decides each case (一事一议); region-wide readers (oversight included) read every request.
 */
export function can(actor: Actor, action: ToleranceAction, request: ToleranceFacts): boolean {
  if (!inRegion(actor, request.regionId)) return false;
  switch (action) {
    case 'list':
      return seesWholeRegion(actor) || actor.unitId !== null;
    case 'read':
      return seesWholeRegion(actor) || (actor.unitId !== null && actor.unitId === request.unitId);
    case 'apply':
      return (
        hasRoleIn(actor, request.regionId, ['unit_head', 'reporter']) &&
        (isAdmin(actor) || (actor.unitId !== null && actor.unitId === request.unitId))
      );
    case 'attach':
      return isToleranceOpen(request.status) && can(actor, 'apply', request);
    case 'decide':
      return isToleranceOpen(request.status) && isOfficeOf(actor, request.regionId);
  }
}

export function actionsOn(actor: Actor, request: ToleranceFacts): { attach: boolean; decide: boolean } {
  return { attach: can(actor, 'attach', request), decide: can(actor, 'decide', request) };
}
