import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// A task's parent may not be the task itself or one of its own descendants.

describe.each(dialects)('task parent cycles on $name', (dialect) => {
  const s = worldSuite(dialect, ['office']);

  async function newTask(title: string, parentTaskId?: string): Promise<string> {
    const res = await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/plans/${s.w.draftPlanId}/tasks`,
      payload: { title, ...(parentTaskId && { parentTaskId }) },
    });
    return res.json<{ id: string }>().id;
  }

  async function setParent(taskId: string, parentTaskId: string | null) {
    const current = await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/tasks/${taskId}` });
    return send(s.w.app, s.cookies.office, {
      method: 'PATCH',
      url: `/api/tasks/${taskId}`,
      headers: { 'if-match': current.headers.etag as string },
      payload: { parentTaskId },
    });
  }

  function expectCycle(res: { statusCode: number; json: () => unknown }) {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { reason: 'task.parent_cycle', details: { field: 'parentTaskId' } },
    });
  }

  it('refuses a task as its own parent, changing nothing', async () => {
    const id = await newTask('自指任务');
    const before = await s.storage.dataVersion();
    expectCycle(await setParent(id, id));
    expect(await s.storage.dataVersion()).toBe(before);
    const after = await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/tasks/${id}` });
    expect(after.json()).toMatchObject({ parentTaskId: null });
  });

  it('refuses hanging a task under its child or grandchild', async () => {
    const root = await newTask('区级任务');
    const child = await newTask('镇街任务', root);
    const grandchild = await newTask('村社任务', child);
    expectCycle(await setParent(root, child));
    expectCycle(await setParent(root, grandchild));
  });

  it('still allows moving a task under an unrelated task, or clearing its parent', async () => {
    const a = await newTask('任务甲');
    const b = await newTask('任务乙', a);
    const c = await newTask('任务丙');
    expect((await setParent(b, c)).statusCode).toBe(200);
    // Now a is no longer above b, so a may hang under b.
    expect((await setParent(a, b)).statusCode).toBe(200);
    expect((await setParent(a, null)).statusCode).toBe(200);
  });
});
