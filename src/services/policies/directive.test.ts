import { describe, expect, it } from 'vitest';
import { cast, type CastMember } from './cast.fixture.js';
import { actionsOn, can, type DirectiveAction, type DirectiveFacts } from './directive.js';

const ledByU1: DirectiveFacts = { regionId: 'A', leadUnitId: 'u1', coUnitIds: [] };
const u1Helps: DirectiveFacts = { regionId: 'A', leadUnitId: 'u2', coUnitIds: ['u1'] };
const notU1: DirectiveFacts = { regionId: 'A', leadUnitId: 'u2', coUnitIds: ['u3'] };
const list: DirectiveFacts = { regionId: 'A', leadUnitId: null, coUnitIds: [] };

// who, list, read (led by u1), read (u1 co-operates), read (neither), create, answer (led), answer (co), decide extension
const ROWS: [CastMember, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  ['admin', true, true, true, true, true, true, true, true],
  ['office', true, true, true, true, true, false, false, true],
  ['leader', true, true, true, true, false, false, false, false],
  ['viewer', true, true, true, true, false, false, false, false],
  ['viewerOfUnit', true, true, true, true, false, false, false, false],
  ['head', true, true, true, false, false, true, false, false],
  ['reporter', true, true, true, false, false, true, false, false],
  ['reporterOfNoUnit', false, false, false, false, false, false, false, false],
  ['officeB', false, false, false, false, false, false, false, false],
  ['viewerB', false, false, false, false, false, false, false, false],
  ['stray', false, false, false, false, false, false, false, false],
];

describe('directive policy', () => {
  it.each(ROWS)('%s', (who, ...expected) => {
    const actor = cast[who];
    const ask = (action: DirectiveAction, facts: DirectiveFacts) => can(actor, action, facts);
    expect([
      ask('list', list),
      ask('read', ledByU1),
      ask('read', u1Helps),
      ask('read', notU1),
      ask('create', list),
      ask('answer', ledByU1),
      ask('answer', u1Helps),
      ask('decide_extension', ledByU1),
    ]).toEqual(expected);
    // Asking for more time follows answering: the lead unit's staff only.
    expect(ask('request_extension', ledByU1)).toBe(ask('answer', ledByU1));
    expect(ask('request_extension', u1Helps)).toBe(who === 'admin');
  });

  it('offers answering only while open, and one extension request at a time', () => {
    expect(actionsOn(cast.reporter, ledByU1, { done: false, pendingExtension: false })).toEqual({
      answer: true,
      requestExtension: true,
      decideExtension: false,
    });
    expect(actionsOn(cast.reporter, ledByU1, { done: false, pendingExtension: true }).requestExtension).toBe(
      false,
    );
    expect(actionsOn(cast.reporter, ledByU1, { done: true, pendingExtension: false }).answer).toBe(false);
    expect(actionsOn(cast.office, ledByU1, { done: false, pendingExtension: true }).decideExtension).toBe(
      true,
    );
    expect(actionsOn(cast.office, ledByU1, { done: false, pendingExtension: false }).decideExtension).toBe(
      false,
    );
  });
});
