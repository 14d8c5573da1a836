/**
 * A report's checks read inside its write: a period the office closes while a report for it is on its way
 * refuses that report, whichever connection or pool the two arrive on. Read before the write, as they once
 * were, the checks saw the period still open and the report was written into a closed period.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.js';
import { insertPeriodDecision } from '../src/db/repositories/period-decision-repository.js';
import { send } from './helpers/http.js';
import { CURRENT_PERIOD, freshReportTask } from './helpers/report-task.js';
import { dialects } from './helpers/storage.js';
import { TODAY, worldSuite } from './helpers/world.js';

describe.each(dialects)('a report and the closing of its period at once, on $name', (dialect) => {
  const suite = worldSuite(dialect, ['reporter2']);

  it('refuses the report when the closing commits first, though the period was open when it arrived', async () => {
    const { w } = suite;
    const taskId = await freshReportTask(w);
    const office = await w.ctx.storage.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', w.usernames.office)
      .executeTakeFirstOrThrow();
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    let holding!: () => void;
    const held = new Promise<void>((done) => (holding = done));
    // The office's closing, held uncommitted (with its region's chain locked, as every write of the region)
    // until the report has arrived and gone as far as it can.
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
    const submitting = send(w.app, suite.cookies.reporter2, {
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      payload: { period: CURRENT_PERIOD, progress: 50, narrative: '按计划推进，已完成方案起草' },
    });
    await new Promise((done) => setTimeout(done, 100));
    release();
    await closing;
    const res = await submitting;
    expect([res.statusCode, res.json<{ error?: { reason: string } }>().error?.reason]).toEqual([
      409,
      'period.closed',
    ]);
    const written = await w.ctx.storage.db
      .selectFrom('reports')
      .select('id')
      .where('task_id', '=', taskId)
      .execute();
    expect(written).toEqual([]);
  });
});
