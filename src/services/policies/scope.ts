import type { Role } from '../../db/schema.js';
import type { Actor } from '../actor.js';

// The predicates every resource policy is built from. Pure: no I/O, no errors thrown.

const REGION_WIDE_READERS: readonly Role[] = ['office', 'leader', 'viewer'];
const UNIT_STAFF: readonly Role[] = ['unit_head', 'reporter'];

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Every region is a tenant: only the operator crosses regions. */
export function inRegion(actor: Actor, regionId: string): boolean {
  return isAdmin(actor) || actor.regionId === regionId;
}

/** The region's office (or the operator) in that region. */
export function isOfficeOf(actor: Actor, regionId: string): boolean {
  return inRegion(actor, regionId) && (isAdmin(actor) || actor.role === 'office');
}

/** One of these roles in that region; the operator counts as every role. */
export function hasRoleIn(actor: Actor, regionId: string, roles: readonly Role[]): boolean {
  return inRegion(actor, regionId) && (isAdmin(actor) || roles.includes(actor.role));
}

/** Office, leaders and oversight see the whole region; a unit's staff see what their unit takes part in. */
export function seesWholeRegion(actor: Actor): boolean {
  return isAdmin(actor) || REGION_WIDE_READERS.includes(actor.role);
}

/** The staff who write for a unit: a viewer or leader attached to a unit only reads. */
export function isUnitStaff(actor: Actor): boolean {
  return UNIT_STAFF.includes(actor.role);
}

export function isStaffOf(actor: Actor, unitId: string | null): boolean {
  return isUnitStaff(actor) && unitId !== null && actor.unitId === unitId;
}

/** The office and the operator work on drafts; everyone else sees plans once published. */
export function seesDrafts(actor: Actor): boolean {
  return isAdmin(actor) || actor.role === 'office';
}

/**
 * Callers with the same scope see the same data and pass the same read checks, so at one data version
 * they may share a cached response, and a cache hit stands for a check that already passed.
 */
export function visibilityScope(actor: Actor): string {
  const where = seesWholeRegion(actor) ? `region:${actor.regionId ?? '*'}` : `unit:${actor.unitId ?? '-'}`;
  return `${where}|${seesDrafts(actor) ? 'drafts' : 'published'}`;
}
