import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf, seesDrafts } from './scope.js';

export type PlanAction = 'read' | 'create' | 'edit' | 'publish' | 'import';

export interface PlanFacts {
  regionId: string;
  status: 'draft' | 'published';
}

/**
 * Plans (计划) and what hangs on them (areas, targets): drafts are the office's working copies, and
 * everyone in the region sees a plan once it is published. Only the office writes.
 */
export function can(actor: Actor, action: PlanAction, plan: PlanFacts): boolean {
  switch (action) {
    case 'read':
      return inRegion(actor, plan.regionId) && (plan.status === 'published' || seesDrafts(actor));
    case 'create':
    case 'import':
    case 'edit':
      return isOfficeOf(actor, plan.regionId);
    case 'publish':
      return isOfficeOf(actor, plan.regionId) && plan.status === 'draft';
  }
}
