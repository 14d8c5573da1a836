import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.js';
import { can, type AccountAction } from './account.js';
import { cast, type CastMember } from './cast.fixture.js';

// Leaders and oversight (纪委监委) watch the office's work, so the office must not be able to take their
// accounts over: only the operator creates, changes or resets an account that holds (or would hold) those roles.

// actor × action × roles the account holds or would hold → allowed
const rows: [CastMember, AccountAction, Role[], boolean][] = (['create', 'update'] as const).flatMap(
  (action): [CastMember, AccountAction, Role[], boolean][] => [
    ['admin', action, ['leader'], true],
    ['admin', action, ['viewer'], true],
    ['admin', action, ['reporter', 'viewer'], true],
    ['office', action, ['leader'], false],
    ['office', action, ['viewer'], false],
    // Promoting a reporter to oversight, or demoting oversight to a reporter, touches an oversight account.
    ['office', action, ['reporter', 'viewer'], false],
    ['office', action, ['viewer', 'reporter'], false],
    ['office', action, ['reporter', 'unit_head'], true],
    ['office', action, ['office'], true],
    ['office', action, ['unit_head'], true],
    ['leader', action, ['leader'], false],
    ['viewer', action, ['viewer'], false],
    ['officeB', action, ['reporter'], false],
  ],
);

describe('account policy: leader and oversight accounts', () => {
  it.each(rows)('%s may %s an account holding %j: %s', (who, action, roles, expected) => {
    expect(can(cast[who], action, { regionId: 'A', roles })).toBe(expected);
  });

  it('the office still lists every account of its region, oversight included', () => {
    expect(can(cast.office, 'list', { regionId: 'A', roles: ['viewer', 'leader'] })).toBe(true);
  });
});
