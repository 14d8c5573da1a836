import type { Role } from '../../db/schema.js';
import type { Actor } from '../actor.js';

// The cast the policy tests ask about: every role in region A, the office of region B, and the operator.

/** Any account of the given role, region and unit. */
export function actor(role: Role, regionId: string | null, unitId: string | null = null): Actor {
  const name = `${role}${regionId ? `@${regionId}` : ''}${unitId ? `/${unitId}` : ''}`;
  return { accountId: name, username: name, displayName: name, role, regionId, unitId };
}

export const cast = {
  admin: actor('admin', null),
  office: actor('office', 'A', 'uOffice'),
  leader: actor('leader', 'A'),
  viewer: actor('viewer', 'A'),
  /** Oversight (纪委监委) is a unit too: attached to a unit, still only a viewer. */
  viewerOfUnit: actor('viewer', 'A', 'u1'),
  head: actor('unit_head', 'A', 'u1'),
  reporter: actor('reporter', 'A', 'u1'),
  reporterOfNoUnit: actor('reporter', 'A'),
  officeB: actor('office', 'B', 'uOfficeB'),
  viewerB: actor('viewer', 'B'),
  /** An account of no region that is not the operator: the policies must let it into nothing. */
  stray: actor('office', null),
} satisfies Record<string, Actor>;

export type CastMember = keyof typeof cast;

/** Rows for an action that only the region's office and the operator may take, against a subject of region A. */
export function keptByOffice<A extends string>(actions: readonly A[]): [CastMember, A, boolean][] {
  const outsiders = ['leader', 'viewer', 'viewerOfUnit', 'head', 'reporter', 'officeB', 'stray'] as const;
  return actions.flatMap((action): [CastMember, A, boolean][] => [
    ['admin', action, true],
    ['office', action, true],
    ...outsiders.map((who): [CastMember, A, boolean] => [who, action, false]),
  ]);
}
