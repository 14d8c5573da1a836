import { describe, expect, it } from 'vitest';
import { cast, type CastMember } from './cast.fixture.js';
import { can } from './meeting.js';

// who, read, record, assign a decision
const ROWS: [CastMember, boolean, boolean, boolean][] = [
  ['admin', true, true, true],
  ['office', true, true, true],
  ['leader', true, false, false],
  ['viewer', true, false, false],
  ['head', true, false, false],
  ['reporter', true, false, false],
  ['reporterOfNoUnit', false, false, false],
  ['officeB', false, false, false],
  ['viewerB', false, false, false],
  ['stray', false, false, false],
];

describe('meeting policy', () => {
  it.each(ROWS)('%s', (who, read, record, assign) => {
    const m = { regionId: 'A' };
    const actor = cast[who];
    expect([can(actor, 'read', m), can(actor, 'record', m), can(actor, 'assign_decision', m)]).toEqual([
      read,
      record,
      assign,
    ]);
  });
});
