import { describe, expect, it } from 'vitest';
import { can, type AccountabilityAction, type AccountabilityFacts } from './accountability.js';
import { cast, type CastMember } from './cast.fixture.js';

const onU1: AccountabilityFacts = { regionId: 'A', unitId: 'u1' };
const onU2: AccountabilityFacts = { regionId: 'A', unitId: 'u2' };
const list: AccountabilityFacts = { regionId: 'A', unitId: null };

// Each row: who, may list / read (on u1) / read (on u2) / create / edit.
const ROWS: [CastMember, boolean, boolean, boolean, boolean, boolean][] = [
  ['admin', true, true, true, true, true],
  ['office', true, true, true, true, true],
  ['leader', true, true, true, false, false],
  ['viewer', true, true, true, false, false],
  ['viewerOfUnit', true, true, true, false, false],
  ['head', true, true, false, false, false],
  ['reporter', true, true, false, false, false],
  ['reporterOfNoUnit', false, false, false, false, false],
  ['officeB', false, false, false, false, false],
  ['viewerB', false, false, false, false, false],
  ['stray', false, false, false, false, false],
];

describe('accountability policy', () => {
  it.each(ROWS)('%s', (who, list_, readU1, readU2, create, edit) => {
    const ask = (action: AccountabilityAction, facts: AccountabilityFacts) => can(cast[who], action, facts);
    expect([
      ask('list', list),
      ask('read', onU1),
      ask('read', onU2),
      ask('create', list),
      ask('edit', onU1),
    ]).toEqual([list_, readU1, readU2, create, edit]);
  });
});
