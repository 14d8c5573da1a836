import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// A district task split to a town (parentTaskId): the task page names the parent and lists the sub-tasks,
// each only to those who may read it.
describe.each(dialects)('sub-tasks on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'reporter1', 'reporter2']);

  const detail = async (cookie: string, taskId: string) =>
    (await ok(suite.w.app, cookie, { method: 'GET', url: `/api/tasks/${taskId}` })).json();

  it('shows the parent on the sub-task and the sub-tasks on the parent', async () => {
    const parentId = suite.w.tasks.dept1;
    const created = await send(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/plans/${suite.w.planId}/tasks`,
      payload: {
        title: '东城街道推进投资审批改革',
        code: '1.1',
        parentTaskId: parentId,
        areaId: suite.w.areaId,
        leadUnitId: suite.w.units.town1,
        dueDate: '2026-11-30',
      },
    });
    expect(created.statusCode).toBe(201);
    const child = created.json();
    expect(child.parentTaskId).toBe(parentId);

    const parent = await detail(suite.cookies.office, parentId);
    expect(parent.parent).toBeNull();
    expect(parent.subTasks).toEqual([
      {
        id: child.id,
        code: '1.1',
        title: '东城街道推进投资审批改革',
        leadUnit: { id: suite.w.units.town1, name: '东城街道', active: true },
        dueDate: '2026-11-30',
        status: expect.any(String),
        progress: 0,
      },
    ]);
    const sub = await detail(suite.cookies.office, child.id);
    expect(sub.parent).toMatchObject({ id: parentId, code: parent.code, title: parent.title });
    expect(sub.subTasks).toEqual([]);

    // The parent's lead unit does not take part in the town's sub-task, so it is not listed to its staff.
    expect((await detail(suite.cookies.reporter1, parentId)).subTasks).toEqual([]);
  });

  it('names the parent only to those who may read it', async () => {
    // The town's task split to the education bureau: the bureau's staff read the sub-task, not the parent.
    const created = await ok(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/plans/${suite.w.planId}/tasks`,
      payload: {
        title: '配合推进评价改革',
        parentTaskId: suite.w.tasks.town1,
        leadUnitId: suite.w.units.dept2,
      },
    });
    const sub = await detail(suite.cookies.reporter2, created.json().id);
    expect(sub.parent).toBeNull();
    const asOffice = await detail(suite.cookies.office, created.json().id);
    expect(asOffice.parent).toMatchObject({ id: suite.w.tasks.town1 });
  });
});
