import { describe, expect, it } from 'vitest';
import { actionsOn, can, type InstructionAction, type InstructionFacts } from './instruction.js';
import { cast, type CastMember } from './cast.fixture.js';

const toU1: InstructionFacts = { regionId: 'A', unitId: 'u1', status: 'issued' };
const toU2: InstructionFacts = { regionId: 'A', unitId: 'u2', status: 'issued' };
const unaddressed: InstructionFacts = { regionId: 'A', unitId: null, status: 'issued' };
const list: InstructionFacts = { regionId: 'A', unitId: null, status: 'issued' };

// Each row: who, may list / read (to u1) / read (to u2) / reply (to u1) / reply (to u2) / reply (unaddressed).
const ROWS: [CastMember, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  ['admin', true, true, true, true, true, false],
  ['office', true, true, true, false, false, false],
  ['leader', true, true, true, false, false, false],
  ['viewer', true, true, true, false, false, false],
  ['viewerOfUnit', true, true, true, false, false, false],
  ['head', true, true, false, true, false, false],
  ['reporter', true, true, false, true, false, false],
  ['reporterOfNoUnit', false, false, false, false, false, false],
  ['officeB', false, false, false, false, false, false],
  ['viewerB', false, false, false, false, false, false],
  ['stray', false, false, false, false, false, false],
];

describe('instruction policy', () => {
  it.each(ROWS)('%s', (who, list_, readU1, readU2, replyU1, replyU2, replyNone) => {
    const actor = cast[who];
    const ask = (action: InstructionAction, facts: InstructionFacts) => can(actor, action, facts);
    expect([
      ask('list', list),
      ask('read', toU1),
      ask('read', toU2),
      ask('reply', toU1),
      ask('reply', toU2),
      ask('reply', unaddressed),
    ]).toEqual([list_, readU1, readU2, replyU1, replyU2, replyNone]);
  });

  it('offers a reply only while the instruction waits for one', () => {
    expect(actionsOn(cast.reporter, toU1)).toEqual({ reply: true });
    expect(actionsOn(cast.reporter, { ...toU1, status: 'replied' })).toEqual({ reply: false });
    expect(actionsOn(cast.leader, toU1)).toEqual({ reply: false });
  });
});
