import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../api/types';
import { applyFilter, tagsOf } from './filters';

function task(over: Partial<TaskSummary>): TaskSummary {
  return {
    id: 't',
    can: { edit: false, editRoadmap: false, report: false, instruct: false, notify: false },
    planId: 'p1',
    areaId: 'a1',
    parentTaskId: null,
    code: '1',
    title: '任务',
    status: 'on_track',
    reasons: [],
    progress: 50,
    timeElapsed: 50,
    daysOverdue: 0,
    leadUnit: { id: 'u1', name: '区发展和改革局', active: true },
    coUnits: [],
    leaderName: '区长',
    startDate: null,
    dueDate: '2026-12-31',
    ongoing: false,
    tags: [],
    lastReportedPeriod: null,
    version: 1,
    source: null,
    proposedLeadUnit: null,
    ...over,
  };
}

describe('applyFilter', () => {
  const tasks = [
    task({ id: 'a', code: '10', status: 'delayed', tags: ['首创型'], daysOverdue: 5 }),
    task({
      id: 'b',
      code: '2',
      status: 'on_track',
      leadUnit: { id: 'u2', name: '九江镇', active: true },
      coUnits: [{ id: 'u1', name: '区发展和改革局', active: true }],
    }),
    task({
      id: 'c',
      code: '3',
      status: 'at_risk',
      title: '推进数字政府改革',
      areaId: 'a2',
      leadUnit: { id: 'u3', name: '区政务服务数据管理局', active: true },
    }),
  ];

  it('sorts codes numerically by default', () => {
    expect(applyFilter(tasks, {}).map((t) => t.id)).toEqual(['b', 'c', 'a']);
  });

  it('filters by status, area, lead unit, tag and text', () => {
    expect(applyFilter(tasks, { status: ['delayed', 'at_risk'] }).map((t) => t.id)).toEqual(['c', 'a']);
    expect(applyFilter(tasks, { area: 'a2' }).map((t) => t.id)).toEqual(['c']);
    expect(applyFilter(tasks, { unit: 'u1' }).map((t) => t.id)).toEqual(['a']);
    expect(applyFilter(tasks, { tag: '首创型' }).map((t) => t.id)).toEqual(['a']);
    expect(applyFilter(tasks, { q: '数字政府' }).map((t) => t.id)).toEqual(['c']);
  });

  it('sorts by a column either way', () => {
    expect(applyFilter(tasks, { sort: 'status', order: 'asc' }).map((t) => t.id)).toEqual(['a', 'c', 'b']);
    expect(applyFilter(tasks, { sort: 'daysOverdue', order: 'desc' }).map((t) => t.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('lists tags in use', () => {
    expect(tagsOf(tasks)).toEqual(['首创型']);
  });

  it('filters 5,000 rows quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      task({ id: String(i), code: String(i), status: i % 3 ? 'on_track' : 'delayed' }),
    );
    const start = performance.now();
    expect(applyFilter(many, { status: ['delayed'], sort: 'code', order: 'desc' })).toHaveLength(1667);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
