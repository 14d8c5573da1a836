import type { ExperienceStatus } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { hasRoleIn, inRegion, isAdmin, isOfficeOf, seesWholeRegion } from './scope.js';

export type ExperienceAction = 'list' | 'read' | 'propose' | 'edit' | 'decide' | 'adopt';

export interface ExperienceFacts {
  regionId: string;
  /** The proposing unit (for 'propose': the task's lead unit); null when asking about a region's list. */
  unitId: string | null;
  status: ExperienceStatus;
}

const inHand = (status: ExperienceStatus) => status === 'proposed' || status === 'returned';

/**
 * 可复制推广经验. Inside the region: the lead unit's staff propose from their task and revise while it is
 * not accepted; the office accepts or returns; region-wide readers read all, a unit its own and the
 * accepted. Across regions — the one deliberate opening of the tenant wall — every account reads an
 * accepted experience, and another region's office records its adoption.
 */
export function can(actor: Actor, action: ExperienceAction, experience: ExperienceFacts): boolean {
  const accepted = experience.status === 'accepted';
  switch (action) {
    case 'list':
      return inRegion(actor, experience.regionId) && (seesWholeRegion(actor) || actor.unitId !== null);
    case 'read':
      if (!inRegion(actor, experience.regionId)) return accepted && actor.regionId !== null;
      return (
        accepted || seesWholeRegion(actor) || (actor.unitId !== null && actor.unitId === experience.unitId)
      );
    case 'propose':
    case 'edit':
      return (
        (action === 'propose' || inHand(experience.status)) &&
        hasRoleIn(actor, experience.regionId, ['unit_head', 'reporter']) &&
        (isAdmin(actor) || (actor.unitId !== null && actor.unitId === experience.unitId))
      );
    case 'decide':
      return experience.status === 'proposed' && isOfficeOf(actor, experience.regionId);
    case 'adopt':
      return (
        accepted &&
        (isAdmin(actor) ||
          (actor.role === 'office' && actor.regionId !== null && actor.regionId !== experience.regionId))
      );
  }
}

export function actionsOn(
  actor: Actor,
  experience: ExperienceFacts,
): { edit: boolean; decide: boolean; adopt: boolean } {
  return {
    edit: can(actor, 'edit', experience),
    decide: can(actor, 'decide', experience),
    adopt: can(actor, 'adopt', experience),
  };
}
