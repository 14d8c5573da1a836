import type { Role } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { isOfficeOf } from './scope.js';

export type AccountAction = 'list' | 'create' | 'update';

/** Accounts of a region are kept by its office (and the operator). */
export function can(actor: Actor, action: AccountAction, account: { regionId: string }): boolean {
  switch (action) {
    case 'list':
    case 'create':
    case 'update':
      return isOfficeOf(actor, account.regionId);
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
