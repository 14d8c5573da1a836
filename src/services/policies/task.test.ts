import { describe, expect, it } from 'vitest';
import { actor } from './cast.fixture.js';
import { actionsOn, can, readNeedsCoUnits, type TaskAction, type TaskFacts } from './task.js';

const ACTORS = {
  admin: actor('admin', null),
  office: actor('office', 'rA', 'uOffice'),
  leader: actor('leader', 'rA'),
  viewer: actor('viewer', 'rA'),
  leadHead: actor('unit_head', 'rA', 'uLead'),
  leadReporter: actor('reporter', 'rA', 'uLead'),
  coReporter: actor('reporter', 'rA', 'uCo'),
  otherReporter: actor('reporter', 'rA', 'uOther'),
  // A viewer seated in the lead unit reads like any viewer and writes nothing.
  leadViewer: actor('viewer', 'rA', 'uLead'),
  noUnitReporter: actor('reporter', 'rA'),
  officeB: actor('office', 'rB'),
  reporterB: actor('reporter', 'rB', 'uLead'),
};
type Who = keyof typeof ACTORS;

const task: TaskFacts = { regionId: 'rA', leadUnitId: 'uLead', coUnitIds: ['uCo'] };
const unled: TaskFacts = { regionId: 'rA', leadUnitId: null, coUnitIds: [] };

// Each row: action, then who may do it on `task`; everyone not named may not.
const ALLOWED: [TaskAction, Who[]][] = [
  [
    'list',
    [
      'admin',
      'office',
      'leader',
      'viewer',
      'leadHead',
      'leadReporter',
      'coReporter',
      'otherReporter',
      'leadViewer',
    ],
  ],
  ['read', ['admin', 'office', 'leader', 'viewer', 'leadHead', 'leadReporter', 'coReporter', 'leadViewer']],
  ['edit', ['admin', 'office']],
  ['notify', ['admin', 'office']],
  ['instruct', ['admin', 'leader']],
  ['report', ['leadHead', 'leadReporter']],
];

const ROWS: [Who, TaskAction, boolean][] = ALLOWED.flatMap(([action, allowed]) =>
  (Object.keys(ACTORS) as Who[]).map((who): [Who, TaskAction, boolean] => [
    who,
    action,
    allowed.includes(who),
  ]),
);

describe('task policy', () => {
  it.each(ROWS)('%s %s → %s', (who, action, expected) => {
    expect(can(ACTORS[who], action, task)).toBe(expected);
  });

  it.each<[Who, TaskAction, boolean]>([
    // A task without a lead unit has nobody to report on it yet; the office still edits it.
    ['leadReporter', 'report', false],
    ['office', 'edit', true],
    ['coReporter', 'read', false],
    ['viewer', 'read', true],
  ])('a task without a lead unit: %s %s → %s', (who, action, expected) => {
    expect(can(ACTORS[who], action, unled)).toBe(expected);
  });

  it.each<[Who, ReturnType<typeof actionsOn>]>([
    ['office', { edit: true, editRoadmap: true, report: false, instruct: false, notify: true }],
    ['admin', { edit: true, editRoadmap: true, report: false, instruct: true, notify: true }],
    ['leader', { edit: false, editRoadmap: false, report: false, instruct: true, notify: false }],
    ['viewer', { edit: false, editRoadmap: false, report: false, instruct: false, notify: false }],
    ['leadHead', { edit: false, editRoadmap: true, report: true, instruct: false, notify: false }],
    ['leadReporter', { edit: false, editRoadmap: true, report: true, instruct: false, notify: false }],
    ['coReporter', { edit: false, editRoadmap: false, report: false, instruct: false, notify: false }],
    ['leadViewer', { edit: false, editRoadmap: false, report: false, instruct: false, notify: false }],
    ['officeB', { edit: false, editRoadmap: false, report: false, instruct: false, notify: false }],
    ['reporterB', { edit: false, editRoadmap: false, report: false, instruct: false, notify: false }],
  ])('actionsOn for %s', (who, expected) => {
    expect(actionsOn(ACTORS[who], task)).toEqual(expected);
  });

  it.each<[Who, string | null, boolean]>([
    ['office', 'uLead', false],
    ['viewer', null, false],
    ['leadReporter', 'uLead', false],
    ['coReporter', 'uLead', true],
    ['noUnitReporter', 'uLead', true],
  ])('a read by %s of a task led by %s needs the co-units: %s', (who, lead, expected) => {
    expect(readNeedsCoUnits(ACTORS[who], lead)).toBe(expected);
  });
});
