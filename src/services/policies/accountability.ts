import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf, seesWholeRegion } from './scope.js';

export type AccountabilityAction = 'list' | 'read' | 'create' | 'edit';

export interface AccountabilityFacts {
  regionId: string;
  /** The unit the record is on (or the person's unit); null when asking about a region's list. */
  unitId: string | null;
}

/**
 * 问责 records: the office writes them as decided; oversight (纪委监委), leaders and the office read every
 * record of the region; a unit's staff read only the records on their own unit.
 */
export function can(actor: Actor, action: AccountabilityAction, record: AccountabilityFacts): boolean {
  if (!inRegion(actor, record.regionId)) return false;
  switch (action) {
    case 'list':
      return seesWholeRegion(actor) || actor.unitId !== null;
    case 'read':
      return seesWholeRegion(actor) || (actor.unitId !== null && actor.unitId === record.unitId);
    case 'create':
    case 'edit':
      return isOfficeOf(actor, record.regionId);
  }
}

export function actionsOn(actor: Actor, record: AccountabilityFacts): { edit: boolean } {
  return { edit: can(actor, 'edit', record) };
}
