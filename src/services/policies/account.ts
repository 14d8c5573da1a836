import type { Role } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { isAdmin, isOfficeOf } from './scope.js';

export type AccountAction = 'list' | 'create' | 'update';

/**
 * An account of a region, as a policy sees it: the roles it holds or would hold after the change (an
 * update that changes the role names both). Empty when asking about the region's accounts in general.
 */
export interface AccountFacts {
  regionId: string;
  roles: readonly Role[];
}

/**
 * Leaders and oversight (纪委监委, 审计) watch the office's work: were the office able to reset their passwords
 * or change their roles, it could sign in as the people who oversee it. Only the operator keeps these accounts.
 */
const OPERATOR_KEPT_ROLES: readonly Role[] = ['leader', 'viewer'];

/** Accounts of a region are kept by its office (and the operator); leader and oversight accounts by the operator only. */
export function can(actor: Actor, action: AccountAction, account: AccountFacts): boolean {
  switch (action) {
    case 'list':
      return isOfficeOf(actor, account.regionId);
    case 'create':
    case 'update':
      return (
        isOfficeOf(actor, account.regionId) &&
        (isAdmin(actor) || !account.roles.some((role) => OPERATOR_KEPT_ROLES.includes(role)))
      );
  }
}

/** The operator's role exists outside regions: no account of a region may hold it. */
export function mayHoldRoleInRegion(role: Role): boolean {
  return role !== 'admin';
}

/** Unit staff write for a unit, so their account must name it. */
export function roleNeedsUnit(role: Role): boolean {
  return role === 'unit_head' || role === 'reporter';
}
