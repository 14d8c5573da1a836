import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// Task and milestone dates are calendar dates: an impossible one is refused at the edge, and one that was
// stored before dates were checked must not take the ledger, the task page or the dashboard down.
describe.each(dialects)('task and milestone dates on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'reporter1']);

  const taskOf = async (taskId: string) =>
    (await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/tasks/${taskId}` })).json();

  it('refuses an impossible date with 400 and changes nothing', async () => {
    const everyStatus = `/api/plans/${suite.w.planId}/tasks?status=done,not_started,on_track,at_risk,delayed`;
    const before = (await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: everyStatus })).json();
    const task = await taskOf(suite.w.tasks.dept1);
    const milestone = task.milestones[0];

    const refused = [
      await send(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/plans/${suite.w.planId}/tasks`,
        payload: { title: '日期有误的任务', dueDate: '2026-02-30' },
      }),
      await send(suite.w.app, suite.cookies.office, {
        method: 'PATCH',
        url: `/api/tasks/${suite.w.tasks.dept1}`,
        headers: { 'if-match': `"${task.version}"` },
        payload: { startDate: '2026-02-29' },
      }),
      await send(suite.w.app, suite.cookies.reporter1, {
        method: 'POST',
        url: `/api/tasks/${suite.w.tasks.dept1}/milestones`,
        payload: { title: '日期有误的节点', dueDate: '2026-04-31' },
      }),
      await send(suite.w.app, suite.cookies.reporter1, {
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
    const after = (
      await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `${everyStatus}&q=` })
    ).json();
    expect(after).toEqual(before);
    const unchanged = await taskOf(suite.w.tasks.dept1);
    expect(unchanged.version).toBe(task.version);
    expect(unchanged.startDate).toBe(task.startDate);
    expect(unchanged.milestones).toEqual(task.milestones);
  });

  it('marks a task ongoing (长期坚持): no due date, never overdue, and never both', async () => {
    const task = await taskOf(suite.w.tasks.dept1);
    const both = await send(suite.w.app, suite.cookies.office, {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { 'if-match': `"${task.version}"` },
      payload: { ongoing: true, dueDate: '2026-06-30' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.reason).toBe('task.ongoing_with_due');
    expect((await taskOf(task.id)).version).toBe(task.version);

    const marked = await ok(suite.w.app, suite.cookies.office, {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { 'if-match': `"${task.version}"` },
      payload: { ongoing: true, officeNote: '列入重点督办' },
    });
    expect(marked.json()).toMatchObject({ ongoing: true, dueDate: null, daysOverdue: 0 });
    const detail = await taskOf(task.id);
    expect(detail).toMatchObject({ ongoing: true, dueDate: null, officeNote: '列入重点督办' });

    // A reporter may not write the office's note.
    const byUnit = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { 'if-match': `"${detail.version}"` },
      payload: { officeNote: '单位自填' },
    });
    expect(byUnit.statusCode).toBe(403);

    // A due date set again ends the ongoing mark.
    const dated = await ok(suite.w.app, suite.cookies.office, {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { 'if-match': `"${detail.version}"` },
      payload: { dueDate: task.dueDate ?? '2026-12-31' },
    });
    expect(dated.json()).toMatchObject({ ongoing: false, dueDate: task.dueDate ?? '2026-12-31' });
  });

  it('answers 200 on the ledger, the task page and the dashboard when a bad date is already stored', async () => {
    // Written around the services, as an older version or a hand edit could have left it.
    await suite.storage.db
      .updateTable('tasks')
      .set({ due_date: '2026-02-30', start_date: '2026-13-01' })
      .where('id', '=', suite.w.tasks.dept1)
      .execute();
    await suite.storage.db
      .updateTable('milestones')
      .set({ due_date: '2026-02-30' })
      .where('task_id', '=', suite.w.tasks.dept1)
      .execute();

    for (const cookie of [suite.cookies.office, suite.cookies.reporter1]) {
      const ledger = await send(suite.w.app, cookie, {
        method: 'GET',
        url: `/api/plans/${suite.w.planId}/tasks?q=改革`,
      });
      expect(ledger.statusCode).toBe(200);
      const line = ledger.json().find((t: { id: string }) => t.id === suite.w.tasks.dept1);
      expect(line.dueDate).toBe('2026-02-30');
      expect(line.reasons).toContain('date_invalid');

      const page = await send(suite.w.app, cookie, {
        method: 'GET',
        url: `/api/tasks/${suite.w.tasks.dept1}`,
      });
      expect(page.statusCode).toBe(200);
      expect(page.json().reasons).toContain('date_invalid');
      expect(page.json().milestones[0].dueDate).toBe('2026-02-30');

      const dashboard = await send(suite.w.app, cookie, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/dashboard`,
      });
      expect(dashboard.statusCode).toBe(200);
    }
  });
});
