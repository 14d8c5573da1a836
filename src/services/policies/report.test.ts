import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../domain/report-workflow.js';
import { actor } from './cast.fixture.js';
import {
  actionsOn,
  can,
  canListQueue,
  type ReportActions,
  type ReportFacts,
  type ReportPermission,
} from './report.js';

const ACTORS = {
  admin: actor('admin', null),
  office: actor('office', 'rA', 'uOffice'),
  leader: actor('leader', 'rA'),
  viewer: actor('viewer', 'rA'),
  head: actor('unit_head', 'rA', 'u1'),
  reporter: actor('reporter', 'rA', 'u1'),
  otherHead: actor('unit_head', 'rA', 'u2'),
  otherReporter: actor('reporter', 'rA', 'u2'),
  unitViewer: actor('viewer', 'rA', 'u1'),
  officeB: actor('office', 'rB'),
  reporterB: actor('reporter', 'rB', 'u1'),
};
type Who = keyof typeof ACTORS;
const EVERYONE = Object.keys(ACTORS) as Who[];

const report = (status: ReportStatus): ReportFacts => ({ regionId: 'rA', unitId: 'u1', status });

// Who may, whatever the status: each permission and the callers allowed; everyone else may not.
const ALLOWED: [ReportPermission, Who[]][] = [
  ['edit', ['head', 'reporter']],
  ['add_evidence', ['head', 'reporter']],
  ['submit', ['admin', 'head', 'reporter']],
  ['approve', ['admin', 'head']],
  ['send_back', ['admin', 'head']],
  ['accept', ['admin', 'office']],
  ['return', ['admin', 'office']],
];

const ROWS = ALLOWED.flatMap(([permission, allowed]) =>
  EVERYONE.map((who): [Who, ReportPermission, boolean] => [who, permission, allowed.includes(who)]),
);

const NONE: ReportActions = {
  edit: false,
  addEvidence: false,
  submit: false,
  approve: false,
  sendBack: false,
  accept: false,
  return: false,
};

// What to offer now: who, the report's status, and the buttons that are on.
const OFFERS: [Who, ReportStatus, Partial<ReportActions>][] = [
  ['reporter', 'draft', { edit: true, addEvidence: true, submit: true }],
  ['reporter', 'returned', { edit: true, addEvidence: true, submit: true }],
  ['reporter', 'awaiting_head', { addEvidence: true }],
  ['reporter', 'submitted', {}],
  ['reporter', 'accepted', {}],
  ['head', 'draft', { edit: true, addEvidence: true, submit: true }],
  ['head', 'awaiting_head', { addEvidence: true, approve: true, sendBack: true }],
  ['head', 'submitted', {}],
  ['office', 'draft', {}],
  ['office', 'awaiting_head', {}],
  ['office', 'submitted', { accept: true, return: true }],
  ['office', 'accepted', {}],
  ['admin', 'draft', { submit: true }],
  ['admin', 'awaiting_head', { approve: true, sendBack: true }],
  ['admin', 'submitted', { accept: true, return: true }],
  ['otherHead', 'awaiting_head', {}],
  ['otherReporter', 'draft', {}],
  ['unitViewer', 'draft', {}],
  ['leader', 'submitted', {}],
  ['viewer', 'submitted', {}],
  ['officeB', 'submitted', {}],
  ['reporterB', 'draft', {}],
];

describe('report policy', () => {
  it.each(ROWS)('%s %s → %s', (who, permission, expected) => {
    // The answer to "who" does not depend on the status.
    for (const status of ['draft', 'awaiting_head', 'submitted', 'accepted', 'returned'] as const)
      expect(can(ACTORS[who], permission, report(status))).toBe(expected);
  });

  it.each(OFFERS)('actionsOn for %s on a %s report', (who, status, on) => {
    expect(actionsOn(ACTORS[who], report(status))).toEqual({ ...NONE, ...on });
  });

  it.each<[Who, boolean]>([
    ['admin', true],
    ['office', true],
    ['leader', true],
    ['viewer', true],
    ['head', true],
    ['reporter', true],
    ['unitViewer', true],
    ['officeB', false],
    ['reporterB', false],
  ])('%s may open the queue of region A: %s', (who, expected) => {
    expect(canListQueue(ACTORS[who], 'rA')).toBe(expected);
  });

  it('refuses the queue to an account of the region with neither region-wide sight nor a unit', () => {
    expect(canListQueue(actor('reporter', 'rA'), 'rA')).toBe(false);
  });
});
