import type { Actor } from '../actor.js';
import { hasRoleIn, inRegion, isAdmin, seesWholeRegion } from './scope.js';

export type InstructionAction = 'list' | 'read' | 'reply';

export interface InstructionFacts {
  regionId: string;
  /** The unit it is addressed to; null for one written before instructions had an addressee, or a list. */
  unitId: string | null;
  status: 'issued' | 'replied';
}

/**
 * A leader's instruction (批示): writing one is a task action (task.ts `instruct`). Region-wide readers
 * see every instruction of the region; the addressed unit's staff read it in their inbox and reply, once.
 * An instruction without an addressee asks nobody for a reply.
 */
export function can(actor: Actor, action: InstructionAction, i: InstructionFacts): boolean {
  if (!inRegion(actor, i.regionId)) return false;
  const addressed = i.unitId !== null && (isAdmin(actor) || actor.unitId === i.unitId);
  switch (action) {
    case 'list':
      return seesWholeRegion(actor) || actor.unitId !== null;
    case 'read':
      return seesWholeRegion(actor) || addressed;
    case 'reply':
      return hasRoleIn(actor, i.regionId, ['unit_head', 'reporter']) && addressed;
  }
}

/** What the caller may do with the instruction as it stands. */
export function actionsOn(actor: Actor, i: InstructionFacts): { reply: boolean } {
  return { reply: i.status === 'issued' && can(actor, 'reply', i) };
}
