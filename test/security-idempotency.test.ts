import { describe, expect, it } from 'vitest';
import { send } from './helpers/http.js';
import { CURRENT_PERIOD, freshReportTask } from './helpers/report-task.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// A retried request replays the first answer only when it is the same request: a key sent again with another
// body is a client bug, and answering with the first result would hide that the second was never written.
describe.each(dialects)('Idempotency-Key on $name', (dialect) => {
  const s = worldSuite(dialect, ['head1']);

  const submit = (taskId: string, key: string, body: object) =>
    send(s.w.app, s.cookies.head1, {
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      headers: { 'idempotency-key': key },
      payload: body,
    });

  it('replays the same body, and refuses another body with 422', async () => {
    // A task of its own: a task takes one report per open period.
    const taskId = await freshReportTask(s.w, s.w.units.dept1, []);
    const body = { period: CURRENT_PERIOD, progress: 40, narrative: '完成方案起草' };
    const key = `key-${taskId}-a`;
    const first = await submit(taskId, key, body);
    expect(first.statusCode).toBe(201);

    // The same request again, with its fields in another order: the same payload.
    const again = await submit(taskId, key, { narrative: body.narrative, progress: 40, period: body.period });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);

    const other = await submit(taskId, key, { ...body, progress: 90 });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.reason).toBe('idempotency.payload_mismatch');

    const reports = await send(s.w.app, s.cookies.head1, {
      method: 'GET',
      url: `/api/tasks/${taskId}/reports`,
    });
    const firstId = first.json<{ id: string }>().id;
    const mine = reports.json<{ id: string; progress: number }[]>().filter((r) => r.id === firstId);
    expect(mine).toEqual([expect.objectContaining({ progress: 40 })]);
  });
});
