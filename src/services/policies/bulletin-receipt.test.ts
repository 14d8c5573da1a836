import { describe, expect, it } from 'vitest';
import { can, type BulletinReceiptAction, type BulletinReceiptFacts } from './bulletin-receipt.js';
import { cast, type CastMember } from './cast.fixture.js';

const ownUnit: BulletinReceiptFacts = { regionId: 'A', unitId: 'u1' };
const otherUnit: BulletinReceiptFacts = { regionId: 'A', unitId: 'u2' };
const bulletin: BulletinReceiptFacts = { regionId: 'A', unitId: null };

// Each row: who, may list u1's / u2's receipts, acknowledge for u1 / for u2, see who has read a bulletin.
const ROWS: [CastMember, boolean, boolean, boolean, boolean, boolean][] = [
  ['admin', true, true, false, false, true],
  ['office', true, true, false, false, true],
  ['leader', true, true, false, false, true],
  ['viewer', true, true, false, false, true],
  ['viewerOfUnit', true, true, false, false, true],
  ['head', true, false, true, false, false],
  ['reporter', true, false, true, false, false],
  ['reporterOfNoUnit', false, false, false, false, false],
  ['officeB', false, false, false, false, false],
  ['viewerB', false, false, false, false, false],
  ['stray', false, false, false, false, false],
];

describe('bulletin receipt policy', () => {
  it.each(ROWS)('%s', (who, listOwn, listOther, ackOwn, ackOther, readings) => {
    const ask = (action: BulletinReceiptAction, facts: BulletinReceiptFacts) => can(cast[who], action, facts);
    expect([
      ask('list', ownUnit),
      ask('list', otherUnit),
      ask('acknowledge', ownUnit),
      ask('acknowledge', otherUnit),
      ask('readings', bulletin),
    ]).toEqual([listOwn, listOther, ackOwn, ackOther, readings]);
  });
});
