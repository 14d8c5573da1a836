import { describe, expect, it } from 'vitest';
import type { ExperienceStatus } from '../../db/schema.js';
import { can, type ExperienceAction, type ExperienceFacts } from './experience.js';
import { cast, type CastMember } from './cast.fixture.js';

const of = (unitId: string, status: ExperienceStatus): ExperienceFacts => ({ regionId: 'A', unitId, status });

// Each row: who, may read u2's proposal / read u2's accepted / propose for u1 / edit u1's returned /
// accept u1's proposal / adopt an accepted one.
const ROWS: [CastMember, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  ['admin', true, true, true, true, true, true],
  ['office', true, true, false, false, true, false],
  ['leader', true, true, false, false, false, false],
  ['viewer', true, true, false, false, false, false],
  ['viewerOfUnit', true, true, false, false, false, false],
  ['head', false, true, true, true, false, false],
  ['reporter', false, true, true, true, false, false],
  ['reporterOfNoUnit', false, true, false, false, false, false],
  ['officeB', false, true, false, false, false, true],
  ['viewerB', false, true, false, false, false, false],
  ['stray', false, false, false, false, false, false],
];

describe('experience policy', () => {
  it.each(ROWS)('%s', (who, readProposal, readAccepted, propose, edit, decide, adopt) => {
    const ask = (action: ExperienceAction, facts: ExperienceFacts) => can(cast[who], action, facts);
    expect([
      ask('read', of('u2', 'proposed')),
      ask('read', of('u2', 'accepted')),
      ask('propose', of('u1', 'proposed')),
      ask('edit', of('u1', 'returned')),
      ask('decide', of('u1', 'proposed')),
      ask('adopt', of('u1', 'accepted')),
    ]).toEqual([readProposal, readAccepted, propose, edit, decide, adopt]);
  });

  it('freezes an accepted experience and decides a proposal once', () => {
    expect(can(cast.reporter, 'edit', of('u1', 'accepted'))).toBe(false);
    expect(can(cast.office, 'decide', of('u1', 'returned'))).toBe(false);
    expect(can(cast.officeB, 'adopt', of('u1', 'proposed'))).toBe(false);
  });
});
