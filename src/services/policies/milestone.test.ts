import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import { actor } from './cast.fixture.js';
import { can } from './milestone.js';

const led = { regionId: 'rA', leadUnitId: 'uLead' };
const unled = { regionId: 'rA', leadUnitId: null };

// Each row: who, task, may edit its roadmap.
const ROWS: [string, Actor, { regionId: string; leadUnitId: string | null }, boolean][] = [
  ['the operator', actor('admin', null), led, true],
  ['the office', actor('office', 'rA', 'uOffice'), led, true],
  ['the office, on a task without a lead unit', actor('office', 'rA'), unled, true],
  ['the lead unit head', actor('unit_head', 'rA', 'uLead'), led, true],
  ['the lead unit reporter', actor('reporter', 'rA', 'uLead'), led, true],
  ['a reporter, on a task without a lead unit', actor('reporter', 'rA', 'uLead'), unled, false],
  ['another unit reporter', actor('reporter', 'rA', 'uOther'), led, false],
  ['a viewer seated in the lead unit', actor('viewer', 'rA', 'uLead'), led, false],
  ['a leader', actor('leader', 'rA'), led, false],
  ['a viewer', actor('viewer', 'rA'), led, false],
  ['another region office', actor('office', 'rB'), led, false],
  ['the same unit id in another region', actor('reporter', 'rB', 'uLead'), led, false],
];

describe('milestone policy: edit_roadmap', () => {
  it.each(ROWS)('%s → %s', (_who, who, task, expected) => {
    expect(can(who, 'edit_roadmap', task)).toBe(expected);
  });
});
