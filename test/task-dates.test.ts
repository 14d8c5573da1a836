import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, type World } from './helpers/world.js';

// Task and milestone dates are calendar dates: an impossible one is refused at the edge, and one that was
// stored before dates were checked must not take the ledger, the task page or the dashboard down.
describe.each(dialects)('task and milestone dates on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let office: string;
  let reporter1: string;

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    office = await login(w.app, w.usernames.office);
    reporter1 = await login(w.app, w.usernames.reporter1);
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  const taskOf = async (taskId: string) =>
    (await ok(w.app, office, { method: 'GET', url: `/api/tasks/${taskId}` })).json();

  it('refuses an impossible date with 400 and changes nothing', async () => {
    const everyStatus = `/api/plans/${w.planId}/tasks?status=done,not_started,on_track,at_risk,delayed`;
    const before = (await ok(w.app, office, { method: 'GET', url: everyStatus })).json();
    const task = await taskOf(w.tasks.dept1);
    const milestone = task.milestones[0];

    const refused = [
      await send(w.app, office, {
        method: 'POST',
        url: `/api/plans/${w.planId}/tasks`,
        payload: { title: '日期有误的任务', dueDate: '2026-02-30' },
      }),
      await send(w.app, office, {
        method: 'PATCH',
        url: `/api/tasks/${w.tasks.dept1}`,
        headers: { 'if-match': `"${task.version}"` },
        payload: { startDate: '2026-02-29' },
      }),
      await send(w.app, reporter1, {
        method: 'POST',
        url: `/api/tasks/${w.tasks.dept1}/milestones`,
        payload: { title: '日期有误的节点', dueDate: '2026-04-31' },
      }),
      await send(w.app, reporter1, {
        method: 'PATCH',
        url: `/api/milestones/${milestone.id}`,
        headers: { 'if-match': `"${milestone.version}"` },
        payload: { doneDate: '2026-06-31' },
      }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }

    // A fresh query: the cached ledger stands for the data version, which nothing above may have moved.
    const after = (await ok(w.app, office, { method: 'GET', url: `${everyStatus}&q=` })).json();
    expect(after).toEqual(before);
    const unchanged = await taskOf(w.tasks.dept1);
    expect(unchanged.version).toBe(task.version);
    expect(unchanged.startDate).toBe(task.startDate);
    expect(unchanged.milestones).toEqual(task.milestones);
  });

  it('answers 200 on the ledger, the task page and the dashboard when a bad date is already stored', async () => {
    // Written around the services, as an older version or a hand edit could have left it.
    await storage.db
      .updateTable('tasks')
      .set({ due_date: '2026-02-30', start_date: '2026-13-01' })
      .where('id', '=', w.tasks.dept1)
      .execute();
    await storage.db
      .updateTable('milestones')
      .set({ due_date: '2026-02-30' })
      .where('task_id', '=', w.tasks.dept1)
      .execute();

    for (const cookie of [office, reporter1]) {
      const ledger = await send(w.app, cookie, { method: 'GET', url: `/api/plans/${w.planId}/tasks?q=改革` });
      expect(ledger.statusCode).toBe(200);
      const line = ledger.json().find((t: { id: string }) => t.id === w.tasks.dept1);
      expect(line.dueDate).toBe('2026-02-30');
      expect(line.reasons).toContain('date_invalid');

      const page = await send(w.app, cookie, { method: 'GET', url: `/api/tasks/${w.tasks.dept1}` });
      expect(page.statusCode).toBe(200);
      expect(page.json().reasons).toContain('date_invalid');
      expect(page.json().milestones[0].dueDate).toBe('2026-02-30');

      const dashboard = await send(w.app, cookie, {
        method: 'GET',
        url: `/api/regions/${w.regionA}/dashboard`,
      });
      expect(dashboard.statusCode).toBe(200);
    }
  });
});
