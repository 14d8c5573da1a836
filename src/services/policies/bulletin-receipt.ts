import type { Actor } from '../actor.js';
import { inRegion, isStaffOf, seesWholeRegion } from './scope.js';

export type BulletinReceiptAction = 'list' | 'acknowledge' | 'readings';

export interface BulletinReceiptFacts {
  regionId: string;
  /** The receiving unit; null when asking about a bulletin's receipts as a whole. */
  unitId: string | null;
}

/**
 * 收到通报: a published bulletin reaches each unit it names. The unit's own staff list what it received and
 * say 已阅 for it; those who oversee the whole region (the office that sent it, leaders, oversight) list any
 * unit's receipts and see who has read a bulletin. Nobody says 已阅 on a unit's behalf, the operator included.
 */
export function can(actor: Actor, action: BulletinReceiptAction, receipt: BulletinReceiptFacts): boolean {
  if (!inRegion(actor, receipt.regionId)) return false;
  switch (action) {
    case 'list':
      return seesWholeRegion(actor) || isStaffOf(actor, receipt.unitId);
    case 'acknowledge':
      return isStaffOf(actor, receipt.unitId);
    case 'readings':
      return seesWholeRegion(actor);
  }
}
