import { describe, expect, it } from 'vitest';
import { actor } from './cast.fixture.js';
import { can, type TargetAction } from './target.js';

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

// Who may set targets and record their measured values: the office of the target's region and the operator.
const EXPECTED: Record<string, Record<Who, boolean>> = {
  rA: {
    admin: true,
    office: true,
    leader: false,
    viewer: false,
    unitHead: false,
    reporter: false,
    officeB: false,
  },
  rB: {
    admin: true,
    office: false,
    leader: false,
    viewer: false,
    unitHead: false,
    reporter: false,
    officeB: true,
  },
};

const ROWS: [Who, TargetAction, string, boolean][] = (
  ['create', 'edit', 'record_measurement'] as const
).flatMap((action) =>
  Object.entries(EXPECTED).flatMap(([regionId, byWho]) =>
    (Object.keys(byWho) as Who[]).map((who): [Who, TargetAction, string, boolean] => [
      who,
      action,
      regionId,
      byWho[who],
    ]),
  ),
);

describe('target policy', () => {
  it.each(ROWS)('%s may %s a target of region %s: %s', (who, action, regionId, allowed) => {
    expect(can(ACTORS[who], action, { regionId, task: null })).toBe(allowed);
  });

  // Reading: the plan's goals to everyone in the region; a task's target to whoever reads the task.
  const onTask = (leadUnitId: string | null, coUnitIds: string[] = []) => ({
    regionId: 'rA',
    task: { regionId: 'rA', leadUnitId, coUnitIds },
  });
  const READS: [Who, string, Parameters<typeof can>[2], boolean][] = [
    ['office', 'a plan-level target', { regionId: 'rA', task: null }, true],
    ['leader', 'a plan-level target', { regionId: 'rA', task: null }, true],
    ['viewer', 'a plan-level target', { regionId: 'rA', task: null }, true],
    ['reporter', 'a plan-level target', { regionId: 'rA', task: null }, true],
    ['unitHead', 'a plan-level target', { regionId: 'rA', task: null }, true],
    ['officeB', 'a plan-level target', { regionId: 'rA', task: null }, false],
    ['admin', 'a plan-level target', { regionId: 'rA', task: null }, true],
    ['office', "another unit's task target", onTask('u2'), true],
    ['leader', "another unit's task target", onTask('u2'), true],
    ['viewer', "another unit's task target", onTask('u2'), true],
    ['reporter', "its unit's task target", onTask('u1'), true],
    ['unitHead', "its unit's task target", onTask('u1'), true],
    ['reporter', 'a target of a task it co-operates on', onTask('u2', ['u1']), true],
    ['reporter', "another unit's task target", onTask('u2', ['u3']), false],
    ['unitHead', "another unit's task target", onTask('u2'), false],
    ['reporter', 'a target of a task without a lead unit', onTask(null), false],
    ['officeB', 'a task target of region A', onTask('u1'), false],
  ];
  it.each([
    ['reporter', 'u1', 'rA', true],
    ['unitHead', 'u1', 'rA', true],
    ['reporter', 'u2', 'rA', false],
    ['reporter', null, 'rA', false],
    ['office', 'u1', 'rA', false],
    ['admin', 'u1', 'rA', false],
    ['leader', 'u1', 'rA', false],
    ['viewer', 'u1', 'rA', false],
    ['reporter', 'u1', 'rB', false],
  ] as const)(
    '%s reports a value of a target unit %s is responsible for in %s: %s',
    (who, unitId, regionId, allowed) => {
      expect(can(ACTORS[who], 'report_value', { regionId, task: null, unitId })).toBe(allowed);
    },
  );
  it.each(['office', 'admin'] as const)('%s confirms values', (who) => {
    expect(can(ACTORS[who], 'confirm_value', { regionId: 'rA', task: null, unitId: 'u1' })).toBe(true);
  });
  it.each(['reporter', 'unitHead', 'leader', 'viewer', 'officeB'] as const)(
    '%s does not confirm values',
    (who) => {
      expect(can(ACTORS[who], 'confirm_value', { regionId: 'rA', task: null, unitId: 'u1' })).toBe(false);
    },
  );
  it('a responsible unit reads its target even on another unit’s task', () => {
    expect(
      can(ACTORS.reporter, 'read', {
        regionId: 'rA',
        task: { regionId: 'rA', leadUnitId: 'u2', coUnitIds: [] },
        unitId: 'u1',
      }),
    ).toBe(true);
  });

  it.each(READS)('%s reads %s: %s', (who, _what, facts, allowed) => {
    expect(can(ACTORS[who], 'read', facts)).toBe(allowed);
  });
});
