import { describe, expect, it } from 'vitest';
import { can, type AssessmentAction, type AssessmentFacts } from './assessment.js';
import { cast, type CastMember } from './cast.fixture.js';

const own: AssessmentFacts = { regionId: 'A', unitId: 'u1', published: false };
const other: AssessmentFacts = { regionId: 'A', unitId: 'u2', published: false };
const otherPublished: AssessmentFacts = { ...other, published: true };
const otherScoredByU1: AssessmentFacts = { ...other, scoringUnitIds: ['u1'] };
const region: AssessmentFacts = { regionId: 'A', unitId: null, published: false };
const ownPublished: AssessmentFacts = { ...own, published: true };

const ASKS: [AssessmentAction, AssessmentFacts][] = [
  ['read', region],
  ['manage', region],
  ['read_sheet', own],
  ['read_sheet', other],
  ['read_sheet', otherPublished],
  ['read_sheet', otherScoredByU1],
  ['read_results', region],
  ['read_results', { ...region, published: true }],
  ['self_assess', own],
  ['self_assess', other],
  ['first_score', otherScoredByU1],
  ['propose_adjustment', own],
  ['propose_adjustment', other],
  ['object', own],
  ['object', ownPublished],
];

// Columns follow ASKS: read, manage, sheet own/other/other published/other scored by u1, results before/after
// 公示, self own/other, first score, propose own/other, object before/during 公示.
const ROWS: [CastMember, string][] = [
  ['admin', '1 1 1 1 1 1 1 1 1 1 1 1 1 0 1'],
  ['office', '1 1 1 1 1 1 1 1 0 0 1 1 1 0 0'],
  ['leader', '1 0 1 1 1 1 1 1 0 0 0 0 0 0 0'],
  ['viewer', '1 0 1 1 1 1 1 1 0 0 0 0 0 0 0'],
  ['viewerOfUnit', '1 0 1 1 1 1 1 1 0 0 0 0 0 0 0'],
  ['head', '1 0 1 0 1 1 0 1 1 0 1 1 0 0 1'],
  ['reporter', '1 0 1 0 1 1 0 1 1 0 1 1 0 0 1'],
  ['reporterOfNoUnit', '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'],
  ['officeB', '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'],
  ['viewerB', '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'],
  ['stray', '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'],
];

describe('assessment policy', () => {
  it.each(ROWS)('%s', (who, table) => {
    const want = table.split(' ').map((t) => t === '1');
    expect(ASKS.map(([action, facts]) => can(cast[who], action, facts))).toEqual(want);
  });
});
