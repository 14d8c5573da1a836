import { describe, expect, it } from 'vitest';
import { leavesStanding, MAX_KEPT_CHANGES, scopeOfChanges, type RegionChange } from './region-changes.js';

const change = (action: string, entity: string, entity_id: string | null = 'x'): RegionChange => ({
  action,
  entity,
  entity_id,
});

describe('scopeOfChanges', () => {
  it.each([
    ['report.create', 'task', 'tsk_1'],
    ['report.accept', 'task', 'tsk_1'],
    ['milestone.update', 'task', 'tsk_1'],
    ['task.update', 'task', 'tsk_1'],
    ['notice.issue', 'task', 'tsk_1'],
  ])('%s re-reads the task it names', (action, entity, id) => {
    expect(scopeOfChanges([change(action, entity, id)])).toEqual({ tasks: new Set([id]) });
  });

  it.each([
    ['login', 'account'],
    ['project.create', 'project'],
    ['directive.answer', 'directive'],
    ['meeting.record', 'meeting'],
    ['target.update', 'plan'],
    ['measurement.confirm', 'plan'],
  ])('%s on a %s changes nothing either page reads', (action, entity) => {
    expect(scopeOfChanges([change(action, entity)])).toEqual({ tasks: new Set() });
  });

  it.each([
    ['task.create', 'task'],
    ['plan.update', 'plan'],
    ['area.create', 'plan'],
    ['unit.update', 'unit'],
    ['region.settings', 'region'],
    ['something.new', 'something_new'],
  ])('%s on a %s builds again', (action, entity) => {
    expect(scopeOfChanges([change('report.create', 'task', 't'), change(action, entity)])).toBe('rebuild');
  });

  it('builds again for a task event that names no task', () => {
    expect(scopeOfChanges([change('task.update', 'task', null)])).toBe('rebuild');
  });

  it('gathers the tasks of many changes, each once', () => {
    const scope = scopeOfChanges([
      change('report.create', 'task', 'a'),
      change('login', 'account'),
      change('report.accept', 'task', 'a'),
      change('milestone.create', 'task', 'b'),
    ]);
    expect(scope).toEqual({ tasks: new Set(['a', 'b']) });
  });

  it('builds again after more changes than are worth replaying', () => {
    const many = Array.from({ length: MAX_KEPT_CHANGES + 1 }, () => change('report.create', 'task', 'a'));
    expect(scopeOfChanges(many)).toBe('rebuild');
    expect(scopeOfChanges(many.slice(1))).not.toBe('rebuild');
  });
});

describe('leavesStanding', () => {
  it('holds after logins, projects, directives and the other records a standing never reads', () => {
    expect(leavesStanding([])).toBe(true);
    expect(
      leavesStanding([
        change('login', 'account'),
        change('project.update', 'project'),
        change('directive.create', 'directive'),
        change('logout', 'account'),
      ]),
    ).toBe(true);
  });

  it.each([
    ['report.create', 'task'],
    ['measurement.confirm', 'plan'],
    ['target.update', 'plan'],
    ['unit.update', 'unit'],
    ['area.create', 'plan'],
    ['region.settings', 'region'],
    ['something.new', 'something_new'],
  ])('not after %s on a %s', (action, entity) => {
    expect(leavesStanding([change('login', 'account'), change(action, entity)])).toBe(false);
  });

  it('not after more changes than are worth reading', () => {
    const logins = Array.from({ length: MAX_KEPT_CHANGES + 1 }, () => change('login', 'account'));
    expect(leavesStanding(logins)).toBe(false);
    expect(leavesStanding(logins.slice(1))).toBe(true);
  });
});
