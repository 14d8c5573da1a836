import { describe, expect, it } from 'vitest';
import { actionsOn, can, type ToleranceAction, type ToleranceFacts } from './tolerance.js';
import { cast, type CastMember } from './cast.fixture.js';

const u1: ToleranceFacts = { regionId: 'A', unitId: 'u1', status: 'submitted' };
const u2: ToleranceFacts = { regionId: 'A', unitId: 'u2', status: 'submitted' };
const decided: ToleranceFacts = { ...u1, status: 'granted' };

// Each row: who, may read u1's / read u2's / apply for u1 / attach to u1's / decide u1's / decide a decided one.
const ROWS: [CastMember, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  ['admin', true, true, true, true, true, false],
  ['office', true, true, false, false, true, false],
  ['leader', true, true, false, false, false, false],
  ['viewer', true, true, false, false, false, false],
  ['viewerOfUnit', true, true, false, false, false, false],
  ['head', true, false, true, true, false, false],
  ['reporter', true, false, true, true, false, false],
  ['reporterOfNoUnit', false, false, false, false, false, false],
  ['officeB', false, false, false, false, false, false],
  ['viewerB', false, false, false, false, false, false],
  ['stray', false, false, false, false, false, false],
];

describe('tolerance policy', () => {
  it.each(ROWS)('%s', (who, readU1, readU2, apply, attach, decide, decideDecided) => {
    const ask = (action: ToleranceAction, facts: ToleranceFacts) => can(cast[who], action, facts);
    expect([
      ask('read', u1),
      ask('read', u2),
      ask('apply', u1),
      ask('attach', u1),
      ask('decide', u1),
      ask('decide', decided),
    ]).toEqual([readU1, readU2, apply, attach, decide, decideDecided]);
  });

  it('takes no more evidence once decided', () => {
    expect(actionsOn(cast.reporter, decided)).toEqual({ attach: false, decide: false });
  });
});
