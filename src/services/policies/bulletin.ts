import type { Actor } from '../actor.js';
import { inRegion, isOfficeOf } from './scope.js';

export type BulletinAction = 'list' | 'read' | 'create' | 'edit' | 'publish';

export interface BulletinFacts {
  regionId: string;
  /** null when asking about a region's archive. */
  status: 'draft' | 'published' | null;
}

/**
 * Bulletins (通报): the office drafts, edits and publishes them; once published they are circulated to the
 * whole region, so every account of the region reads them (units included: they are named in them).
 * Drafts are the office's working copy and hidden from everyone else.
 */
export function can(actor: Actor, action: BulletinAction, bulletin: BulletinFacts): boolean {
  if (!inRegion(actor, bulletin.regionId)) return false;
  switch (action) {
    case 'list':
      return true;
    case 'read':
      return bulletin.status === 'published' || isOfficeOf(actor, bulletin.regionId);
    case 'create':
      return isOfficeOf(actor, bulletin.regionId);
    case 'edit':
    case 'publish':
      return isOfficeOf(actor, bulletin.regionId) && bulletin.status === 'draft';
  }
}

export function actionsOn(actor: Actor, bulletin: BulletinFacts): { edit: boolean; publish: boolean } {
  return { edit: can(actor, 'edit', bulletin), publish: can(actor, 'publish', bulletin) };
}
