import { describe, expect, it } from 'vitest';
import { cast, type CastMember } from './cast.fixture.js';
import { can, type RegionAction } from './region.js';

const A = { id: 'A' };

// actor × action × region → allowed
const rows: [CastMember, RegionAction, { id: string } | null, boolean][] = [
  // Only the operator lists every region and creates regions.
  ['admin', 'list_all', null, true],
  ['office', 'list_all', null, false],
  ['viewer', 'list_all', null, false],
  ['stray', 'list_all', null, false],
  ['admin', 'create', null, true],
  ['office', 'create', null, false],
  ['leader', 'create', null, false],
  ['viewer', 'create', null, false],
  ['stray', 'create', null, false],
  // Everyone reads their own region; only the operator crosses regions.
  ['admin', 'read', A, true],
  ['office', 'read', A, true],
  ['leader', 'read', A, true],
  ['viewer', 'read', A, true],
  ['head', 'read', A, true],
  ['reporter', 'read', A, true],
  ['reporterOfNoUnit', 'read', A, true],
  ['officeB', 'read', A, false],
  ['stray', 'read', A, false],
  ['office', 'read', null, false],
  // The dashboard: region-wide readers, and unit staff for their unit's tasks; not an account with neither.
  ['admin', 'read_dashboard', A, true],
  ['office', 'read_dashboard', A, true],
  ['leader', 'read_dashboard', A, true],
  ['viewer', 'read_dashboard', A, true],
  ['head', 'read_dashboard', A, true],
  ['reporter', 'read_dashboard', A, true],
  ['reporterOfNoUnit', 'read_dashboard', A, false],
  ['officeB', 'read_dashboard', A, false],
  ['viewerB', 'read_dashboard', A, false],
  ['office', 'read_dashboard', null, false],
];

describe('region policy', () => {
  it.each(rows)('%s may %s %j: %s', (who, action, region, expected) => {
    expect(can(cast[who], action, region)).toBe(expected);
  });
});
