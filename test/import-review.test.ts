import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// The review of an imported draft on another day (the import answer gone from the browser) still gets the
// lead units suggested from the document and the time limits the import could not read.
const TEXT = `测试区2026年改革工作要点

一、深化经济体制改革
1.推进投资审批改革。2026年秋季学期前完成试点。（牵头单位：区发改局）
2.深化教育评价改革。（牵头单位：区教育局；完成时限：2026年6月底前）
3.推进基层治理改革。支持东城街道先行探索。
`;

describe.each(dialects)('import review on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'leader', 'officeB']);

  it('answers each task its suggested lead unit and unread time limit, from the stored document', async () => {
    const imported = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/regions/${suite.w.regionA}/plans/import`,
        payload: { text: TEXT, filename: 'points.txt' },
      })
    ).json();
    const planId = imported.plan.id;
    const ids = Object.fromEntries(imported.tasks.map((t: { code: string; id: string }) => [t.code, t.id]));
    expect(Object.keys(ids)).toEqual(['1', '2', '3']);

    const review = await ok(suite.w.app, suite.cookies.office, {
      method: 'GET',
      url: `/api/plans/${planId}/import-review`,
    });
    expect(review.json()).toEqual({
      suggestions: [
        { taskId: ids['1'], unitId: suite.w.units.dept1 },
        { taskId: ids['3'], unitId: suite.w.units.town1 },
      ],
      unreadDeadlines: [{ taskId: ids['1'], text: '2026年秋季学期前' }],
    });

    // Once a task has its lead unit, nothing is suggested for it any more.
    const task = imported.tasks.find((t: { code: string }) => t.code === '3');
    const current = (
      await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/tasks/${task.id}` })
    ).json();
    await ok(suite.w.app, suite.cookies.office, {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { 'if-match': `"${current.version}"` },
      payload: { leadUnitId: suite.w.units.dept2 },
    });
    const after = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/plans/${planId}/import-review`,
      })
    ).json();
    expect(after.suggestions).toEqual([{ taskId: ids['1'], unitId: suite.w.units.dept1 }]);

    for (const cookie of [suite.cookies.leader, suite.cookies.officeB]) {
      const refused = await send(suite.w.app, cookie, {
        method: 'GET',
        url: `/api/plans/${planId}/import-review`,
      });
      expect([403, 404]).toContain(refused.statusCode);
    }
  });

  it('answers nothing to suggest for a plan written by hand', async () => {
    const review = await ok(suite.w.app, suite.cookies.office, {
      method: 'GET',
      url: `/api/plans/${suite.w.planId}/import-review`,
    });
    expect(review.json()).toEqual({ suggestions: [], unreadDeadlines: [] });
  });
});
