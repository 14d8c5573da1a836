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
  // The region's rules (project report due day, stage names, checkpoints): its office and the operator only.
  ['admin', 'configure', A, true],
  ['office', 'configure', A, true],
  ['leader', 'configure', A, false],
  ['viewer', 'configure', A, false],
  ['head', 'configure', A, false],
  ['reporter', 'configure', A, false],
  ['officeB', 'configure', A, false],
  ['stray', 'configure', A, false],
  ['office', 'configure', null, false],
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
  // Reading the regions below one's own (a city's, a province's): its office, leaders and viewers, read-only.
  ['office', 'read_below', A, true],
  ['leader', 'read_below', A, true],
  ['viewer', 'read_below', A, true],
  ['head', 'read_below', A, false],
  ['reporter', 'read_below', A, false],
  ['officeB', 'read_below', A, false],
  ['stray', 'read_below', A, false],
  // The operator is in every region already; it reads below through its own reach, not this rule.
  ['admin', 'read_below', A, false],
  ['office', 'read_below', null, false],
  // The roll-up of the regions below: those who read below, and the operator.
  ['admin', 'read_rollup', A, true],
  ['office', 'read_rollup', A, true],
  ['viewer', 'read_rollup', A, true],
  ['head', 'read_rollup', A, false],
  ['reporter', 'read_rollup', A, false],
  ['viewerB', 'read_rollup', A, false],
];

describe('region policy', () => {
  it.each(rows)('%s may %s %j: %s', (who, action, region, expected) => {
    expect(can(cast[who], action, region)).toBe(expected);
  });
});
