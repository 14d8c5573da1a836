import { describe, expect, it } from 'vitest';
import { cast, keptByOffice, type CastMember } from './cast.fixture.js';
import { can, isActive, mayStaffAct, mayTakeNewTasks, type UnitAction } from './unit.js';

// actor × action × unit of region A → allowed
const rows: [CastMember, UnitAction, boolean][] = [
  // Everyone in the region reads its units.
  ['admin', 'list', true],
  ['office', 'list', true],
  ['leader', 'list', true],
  ['viewer', 'list', true],
  ['head', 'list', true],
  ['reporter', 'list', true],
  ['reporterOfNoUnit', 'list', true],
  ['officeB', 'list', false],
  ['stray', 'list', false],
  // The office (and the operator) keeps the list.
  ...keptByOffice<UnitAction>(['create', 'update']),
];

describe('unit policy', () => {
  it.each(rows)('%s may %s a unit of region A: %s', (who, action, expected) => {
    expect(can(cast[who], action, { regionId: 'A' })).toBe(expected);
  });
});

describe('an inactive unit', () => {
  it.each([
    ['an active unit', { active: 1 }, true, true],
    ['an active unit (as presented)', { active: true }, true, true],
    ['an inactive unit', { active: 0 }, false, false],
    ['an inactive unit (as presented)', { active: false }, false, false],
  ])('%s: active %s, staff act %s, takes new tasks %s', (_name, unit, active, takes) => {
    expect(isActive(unit)).toBe(active);
    expect(mayStaffAct(unit)).toBe(active);
    expect(mayTakeNewTasks(unit)).toBe(takes);
  });

  it('lets accounts of no unit act', () => {
    expect(mayStaffAct(null)).toBe(true);
  });
});
