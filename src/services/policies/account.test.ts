import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.js';
import { can, mayHoldRoleInRegion, roleNeedsUnit, type AccountAction } from './account.js';
import { cast, keptByOffice } from './cast.fixture.js';

// actor × action × account of region A → allowed
// Accounts of a region are kept by its office and the operator, nobody else.
const rows = keptByOffice<AccountAction>(['list', 'create', 'update']);

describe('account policy', () => {
  it.each(rows)('%s may %s an account of region A: %s', (who, action, expected) => {
    expect(can(cast[who], action, { regionId: 'A', roles: [] })).toBe(expected);
  });

  // role → may a region's account hold it, does it need a unit
  const roles: [Role, boolean, boolean][] = [
    ['admin', false, false],
    ['office', true, false],
    ['leader', true, false],
    ['viewer', true, false],
    ['unit_head', true, true],
    ['reporter', true, true],
  ];
  it.each(roles)('role %s: held in a region %s, needs a unit %s', (role, inRegion, needsUnit) => {
    expect(mayHoldRoleInRegion(role)).toBe(inRegion);
    expect(roleNeedsUnit(role)).toBe(needsUnit);
  });
});
