import { describe, expect, it } from 'vitest';
import { cast, type CastMember } from './cast.fixture.js';
import { actionsOn, can, type PeriodAction } from './period.js';

// Region A's periods: the office (and the operator) decide; the unit's staff list what they owe.
const EXPECTED: Record<PeriodAction, CastMember[]> = {
  read: ['admin', 'office', 'leader', 'viewer', 'viewerOfUnit', 'head', 'reporter', 'reporterOfNoUnit'],
  decide: ['admin', 'office'],
  list_owed: ['head', 'reporter'],
};

const ROWS = (Object.keys(EXPECTED) as PeriodAction[]).flatMap((action) =>
  (Object.keys(cast) as CastMember[]).map(
    (who) => [who, action, EXPECTED[action].includes(who)] as [CastMember, PeriodAction, boolean],
  ),
);

describe('period policy', () => {
  it.each(ROWS)('%s may %s the periods of region A: %s', (who, action, allowed) => {
    expect(can(cast[who], action, { regionId: 'A' })).toBe(allowed);
  });
});

describe('what the office may do with a period as it stands', () => {
  it.each([
    ['closed', false, { reopen: true, close: false }],
    ['closed', true, { reopen: false, close: false }],
    ['open', false, { reopen: false, close: true }],
    ['reopened', true, { reopen: false, close: true }],
  ] as const)('%s, reported %s → %j', (state, reported, expected) => {
    expect(actionsOn(cast.office, { regionId: 'A', state, reported })).toEqual(expected);
    expect(actionsOn(cast.reporter, { regionId: 'A', state, reported })).toEqual({
      reopen: false,
      close: false,
    });
  });
});
