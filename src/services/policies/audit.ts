import type { Actor } from '../actor.js';
import { isAdmin } from './scope.js';

export type AuditAction = 'verify';

/** The audit chain spans every region, so only the operator and oversight (纪委监委, 审计) walk it. */
export function can(actor: Actor, action: AuditAction): boolean {
  switch (action) {
    case 'verify':
      return isAdmin(actor) || actor.role === 'viewer';
  }
}
