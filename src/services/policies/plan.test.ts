import { describe, expect, it } from 'vitest';
import { actor } from './cast.fixture.js';
import { can, type PlanAction, type PlanFacts } from './plan.js';

const ACTORS = {
  admin: actor('admin', null),
  office: actor('office', 'rA'),
  leader: actor('leader', 'rA'),
  viewer: actor('viewer', 'rA'),
  unitHead: actor('unit_head', 'rA', 'u1'),
  reporter: actor('reporter', 'rA', 'u1'),
  officeB: actor('office', 'rB'),
};
type Who = keyof typeof ACTORS;

const draft: PlanFacts = { regionId: 'rA', status: 'draft' };
const published: PlanFacts = { regionId: 'rA', status: 'published' };

// Each row: who, action, plan, allowed.
const ROWS: [Who, PlanAction, PlanFacts, boolean][] = [
  // A published plan is read by everyone of its region; the operator reads every region.
  ['admin', 'read', published, true],
  ['office', 'read', published, true],
  ['leader', 'read', published, true],
  ['viewer', 'read', published, true],
  ['unitHead', 'read', published, true],
  ['reporter', 'read', published, true],
  ['officeB', 'read', published, false],
  // Drafts are the office's working copies.
  ['admin', 'read', draft, true],
  ['office', 'read', draft, true],
  ['leader', 'read', draft, false],
  ['viewer', 'read', draft, false],
  ['unitHead', 'read', draft, false],
  ['reporter', 'read', draft, false],
  ['officeB', 'read', draft, false],
  // Only the office of the region creates, imports and edits, drafts and published plans alike.
  ...(['create', 'import', 'edit'] as const).flatMap((action): [Who, PlanAction, PlanFacts, boolean][] => [
    ['admin', action, draft, true],
    ['office', action, draft, true],
    ['office', action, published, true],
    ['leader', action, draft, false],
    ['viewer', action, draft, false],
    ['unitHead', action, draft, false],
    ['reporter', action, published, false],
    ['officeB', action, draft, false],
  ]),
  // Publishing is for a draft, by the office.
  ['admin', 'publish', draft, true],
  ['office', 'publish', draft, true],
  ['office', 'publish', published, false],
  ['admin', 'publish', published, false],
  ['leader', 'publish', draft, false],
  ['viewer', 'publish', draft, false],
  ['unitHead', 'publish', draft, false],
  ['reporter', 'publish', draft, false],
  ['officeB', 'publish', draft, false],
];

describe('plan policy', () => {
  it.each(ROWS)('%s may %s a %o: %s', (who, action, plan, allowed) => {
    expect(can(ACTORS[who], action, plan)).toBe(allowed);
  });
});
