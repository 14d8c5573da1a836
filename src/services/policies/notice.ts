import { isNoticeOpen, type NoticeStatus } from '../../domain/notices.js';
import type { Actor } from '../actor.js';
import { hasRoleIn, inRegion, isAdmin, isOfficeOf, seesWholeRegion } from './scope.js';

export type NoticeAction = 'list' | 'read' | 'respond' | 'close';

export interface NoticeFacts {
  regionId: string;
  /** The unit the notice is addressed to; null when asking about a region's list. */
  unitId: string | null;
  status: NoticeStatus;
}

/**
 * Supervision notices (督办): the office issues and closes them (issuing is a task action, see task.ts);
 * the addressed unit's staff read and answer them; region-wide readers see all of the region's.
 */
export function can(actor: Actor, action: NoticeAction, notice: NoticeFacts): boolean {
  if (!inRegion(actor, notice.regionId)) return false;
  switch (action) {
    case 'list':
      return seesWholeRegion(actor) || actor.unitId !== null;
    case 'read':
      return seesWholeRegion(actor) || (actor.unitId !== null && actor.unitId === notice.unitId);
    case 'respond':
      return (
        hasRoleIn(actor, notice.regionId, ['unit_head', 'reporter']) &&
        (isAdmin(actor) || actor.unitId === notice.unitId)
      );
    case 'close':
      return isOfficeOf(actor, notice.regionId);
  }
}

/** What the caller may do with the notice as it stands. */
export function actionsOn(actor: Actor, notice: NoticeFacts): { respond: boolean; close: boolean } {
  const open = isNoticeOpen(notice.status);
  return { respond: open && can(actor, 'respond', notice), close: open && can(actor, 'close', notice) };
}
