import { describe, expect, it } from 'vitest';
import { actionsOn, can, type BulletinAction, type BulletinFacts } from './bulletin.js';
import { cast, type CastMember } from './cast.fixture.js';

const archive: BulletinFacts = { regionId: 'A', status: null };
const draft: BulletinFacts = { regionId: 'A', status: 'draft' };
const published: BulletinFacts = { regionId: 'A', status: 'published' };

// Each row: who, may list / create / read draft / read published / edit draft / edit published / publish draft.
const ROWS: [CastMember, boolean, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  ['admin', true, true, true, true, true, false, true],
  ['office', true, true, true, true, true, false, true],
  ['leader', true, false, false, true, false, false, false],
  ['viewer', true, false, false, true, false, false, false],
  ['viewerOfUnit', true, false, false, true, false, false, false],
  ['head', true, false, false, true, false, false, false],
  ['reporter', true, false, false, true, false, false, false],
  ['officeB', false, false, false, false, false, false, false],
  ['viewerB', false, false, false, false, false, false, false],
  ['stray', false, false, false, false, false, false, false],
];

describe('bulletin policy', () => {
  it.each(ROWS)('%s', (who, list, create, readDraft, readPublished, editDraft, editPublished, publish) => {
    const actor = cast[who];
    const ask = (action: BulletinAction, facts: BulletinFacts) => can(actor, action, facts);
    expect([
      ask('list', archive),
      ask('create', archive),
      ask('read', draft),
      ask('read', published),
      ask('edit', draft),
      ask('edit', published),
      ask('publish', draft),
    ]).toEqual([list, create, readDraft, readPublished, editDraft, editPublished, publish]);
  });

  it('offers nothing on a published bulletin: it is locked', () => {
    expect(actionsOn(cast.office, published)).toEqual({ edit: false, publish: false });
    expect(actionsOn(cast.office, draft)).toEqual({ edit: true, publish: true });
  });
});
