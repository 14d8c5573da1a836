/**
 * Writes that read before they write — "is there already a report for this period?", "what is the next
 * task number?" — must not interleave. On SQLite one writer runs at a time; on PostgreSQL each request
 * has its own transaction and connection, so the same races are run there with real parallel requests.
 */
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

describe.each(dialects)('concurrent writes on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'reporter1']);

  it('lets exactly one of several simultaneous reports for the same period through', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(suite.w.app, suite.cookies.reporter1, {
          method: 'POST',
          url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
          payload: { period: '2026-06', progress: 10 + i, narrative: `第${i + 1}次提交` },
        }),
      ),
    );
    expect(attempts.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const reports = (
      await send(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
      })
    ).json<{ period: string }[]>();
    expect(reports.filter((r) => r.period === '2026-06')).toHaveLength(1);
  });

  it('numbers tasks added at the same moment one after another, without a repeat', async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(suite.w.app, suite.cookies.office, {
          method: 'POST',
          url: `/api/plans/${suite.w.planId}/tasks`,
          payload: { title: `同时新增的任务${i + 1}` },
        }),
      ),
    );
    expect(created.map((c) => c.statusCode)).toEqual(Array(8).fill(201));
    const codes = created.map((c) => c.json<{ code: string }>().code);
    expect(new Set(codes).size).toBe(8);
    expect(await verifyAuditChain(suite.storage.db)).toMatchObject({ ok: true });
  });
});
