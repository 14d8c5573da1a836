/**
 * A report's checks read inside its write: a period the office closes while a report for it is on its way
 * refuses that report, whichever connection or pool the two arrive on. Read before the write, as they once
 * were, the checks saw the period still open and the report was written into a closed period.
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.js';
import { insertPeriodDecision } from '../src/db/repositories/period-decision-repository.js';
import { send } from './helpers/http.js';
import { CURRENT_PERIOD, freshReportTask } from './helpers/report-task.js';
import { dialects } from './helpers/storage.js';
import { TODAY, worldSuite } from './helpers/world.js';

const REPORT = { period: CURRENT_PERIOD, progress: 50, narrative: '按计划推进，已完成方案起草' };

describe.each(dialects)('a report and the closing of its period at once, on $name', (dialect) => {
  const suite = worldSuite(dialect, ['reporter2']);

  /**
   * Runs `request` while the office's closing of the task's current period is written but not committed (its
   * region's chain locked, as every write of the region), and commits the closing once the request has gone
   * as far as it can.
   */
  async function whileClosing(
    taskId: string,
    request: () => Promise<LightMyRequestResponse>,
  ): Promise<LightMyRequestResponse> {
    const { w } = suite;
    const office = await w.ctx.storage.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', w.usernames.office)
      .executeTakeFirstOrThrow();
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    let holding!: () => void;
    const held = new Promise<void>((done) => (holding = done));
    const closing = w.ctx.storage.transact(async (trx) => {
      await insertPeriodDecision(trx, {
        id: newId('pd'),
        region_id: w.regionA,
        period: CURRENT_PERIOD,
        task_id: taskId,
        state: 'closed',
        reason: '到期关闭',
        decided_by: office.id,
        decided_at: TODAY.toISOString(),
      });
      holding();
      await gate;
    }, w.regionA);
    await held;
    const answer = request();
    await new Promise((done) => setTimeout(done, 100));
    release();
    await closing;
    return answer;
  }

  const reasonOf = (res: LightMyRequestResponse) => res.json<{ error?: { reason: string } }>().error?.reason;
  const reportsOf = (taskId: string) =>
    suite.w.ctx.storage.db
      .selectFrom('reports')
      .select(['id', 'status'])
      .where('task_id', '=', taskId)
      .execute();

  it('refuses a new report when the closing commits first, though the period was open when it arrived', async () => {
    const taskId = await freshReportTask(suite.w);
    const res = await whileClosing(taskId, () =>
      send(suite.w.app, suite.cookies.reporter2, {
        method: 'POST',
        url: `/api/tasks/${taskId}/reports`,
        payload: REPORT,
      }),
    );
    expect([res.statusCode, reasonOf(res)]).toEqual([409, 'period.closed']);
    expect(await reportsOf(taskId)).toEqual([]);
  });

  it('keeps a draft a draft when the closing commits before its submission', async () => {
    const taskId = await freshReportTask(suite.w);
    const draft = await send(suite.w.app, suite.cookies.reporter2, {
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      payload: { ...REPORT, submit: false },
    });
    expect(draft.statusCode).toBe(201);
    const { id } = draft.json<{ id: string }>();
    const res = await whileClosing(taskId, () =>
      send(suite.w.app, suite.cookies.reporter2, { method: 'POST', url: `/api/reports/${id}/submit` }),
    );
    expect([res.statusCode, reasonOf(res)]).toEqual([409, 'period.closed']);
    expect(await reportsOf(taskId)).toEqual([{ id, status: 'draft' }]);
  });
});
