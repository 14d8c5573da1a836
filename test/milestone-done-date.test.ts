import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// A milestone is marked done on the day the user says it was done (it may be marked late), never on a day
// still to come. The world's today is 2026-06-15 in China.
describe.each(dialects)('milestone done date on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'reporter1']);

  const milestone = async () =>
    (
      await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/tasks/${suite.w.tasks.dept1}` })
    ).json().milestones[0] as { id: string; version: number; doneDate: string | null };

  const mark = async (doneDate: string | null) => {
    const m = await milestone();
    return send(suite.w.app, suite.cookies.reporter1, {
      method: 'PATCH',
      url: `/api/milestones/${m.id}`,
      headers: { 'if-match': `"${m.version}"` },
      payload: { doneDate },
    });
  };

  it('refuses a done date in the future and changes nothing', async () => {
    const before = await milestone();
    const res = await mark('2026-06-16');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', reason: 'milestone.done_in_future' });
    expect(await milestone()).toEqual(before);
  });

  it('records the day the user gives, earlier or today, and can undo it', async () => {
    const earlier = await mark('2026-06-02');
    expect(earlier.statusCode).toBe(200);
    expect(earlier.json().doneDate).toBe('2026-06-02');
    expect((await mark('2026-06-15')).json().doneDate).toBe('2026-06-15');
    expect((await mark(null)).json().doneDate).toBeNull();
  });
});
