import { describe, expect, it } from 'vitest';
import { can } from './audit.js';
import { cast, type CastMember } from './cast.fixture.js';

// actor → may verify the audit chain
const rows: [CastMember, boolean][] = [
  // The operator and oversight (纪委监委, 审计) of any region; nobody who writes in a region.
  ['admin', true],
  ['viewer', true],
  ['viewerOfUnit', true],
  ['viewerB', true],
  ['office', false],
  ['leader', false],
  ['head', false],
  ['reporter', false],
  ['officeB', false],
  ['stray', false],
];

describe('audit policy', () => {
  it.each(rows)('%s may verify the chain: %s', (who, expected) => {
    expect(can(cast[who], 'verify')).toBe(expected);
  });
});
