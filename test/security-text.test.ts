import { describe, expect, it } from 'vitest';
import { multipart, ok, send, tinyPdf } from './helpers/http.js';
import { CURRENT_PERIOD, freshReportTask } from './helpers/report-task.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// Free text is checked at the edge the same way on both databases: no controls, no bidi overrides, nothing blank.

interface Refusal {
  error: { reason: string; details: { path: string; message: string }[] };
}

describe.each(dialects)('control and invisible characters in text on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter1']);

  async function auditCount(): Promise<number> {
    return s.storage.dataVersion();
  }

  function expectRefused(res: { statusCode: number; json: () => unknown }, path: string) {
    expect(res.statusCode).toBe(400);
    const body = res.json() as Refusal;
    expect(body.error.reason).toBe('request.invalid');
    expect(body.error.details.map((d) => d.path)).toContain(path);
  }

  const newTask = (title: unknown, extra: Record<string, unknown> = {}) =>
    send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/plans/${s.w.draftPlanId}/tasks`,
      payload: { title, ...extra },
    });

  it.each([
    ['only NUL', '\u0000'],
    ['only a zero-width space', '\u200B'],
    ['zero-width characters and spaces', ' \u200B\u200C\u200D\uFEFF '],
    ['a NUL inside', '推进\u0000改革'],
    ['a right-to-left override', '推进\u202E革改'],
    ['a bidi isolate', '推进\u2067改革\u2069'],
    ['an escape sequence', '\u001B[31m推进改革'],
    ['a line break in a title', '推进\n改革'],
  ])('refuses a task title of %s with 400 naming the field, and writes nothing', async (_name, title) => {
    const before = await auditCount();
    expectRefused(await newTask(title), 'title');
    expect(await auditCount()).toBe(before);
  });

  it('accepts an ordinary title and trims it', async () => {
    const res = await newTask('  深化“放管服”改革\t试点  ');
    expect(res.statusCode).toBe(201);
    expect(res.json<{ title: string }>().title).toBe('深化“放管服”改革\t试点');
  });

  it('refuses controls in the other free-text fields of a task, naming each', async () => {
    expectRefused(await newTask('任务', { implementationPlan: '方案\u0000' }), 'implementationPlan');
    expectRefused(await newTask('任务', { leaderName: '\u202E张三' }), 'leaderName');
    expectRefused(await newTask('任务', { tags: ['首创型', '\u200B'] }), 'tags.1');
    expectRefused(await newTask('任务', { leadUnitId: 'unit\u0000' }), 'leadUnitId');
  });

  it('refuses blank or controlled names of plans, units, regions and areas', async () => {
    expectRefused(
      await send(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/regions/${s.w.regionA}/plans`,
        payload: { title: '\u200B', kind: 'action_plan', year: 2026 },
      }),
      'title',
    );
    expectRefused(
      await send(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/regions/${s.w.regionA}/units`,
        payload: { name: '区\u0000局', kind: 'department' },
      }),
      'name',
    );
    expectRefused(
      await send(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/plans/${s.w.draftPlanId}/areas`,
        payload: { title: '\u202E方面' },
      }),
      'title',
    );
  });

  it('keeps line breaks in a narrative but refuses NUL and bidi overrides there', async () => {
    const url = `/api/tasks/${s.w.tasks.dept1}/reports`;
    const base = { period: '2026-05', progress: 10 };
    expectRefused(
      await send(s.w.app, s.cookies.reporter1, {
        method: 'POST',
        url,
        payload: { ...base, narrative: '进展\u0000' },
      }),
      'narrative',
    );
    expectRefused(
      await send(s.w.app, s.cookies.reporter1, {
        method: 'POST',
        url,
        payload: { ...base, narrative: '\u200B\n\u200B' },
      }),
      'narrative',
    );
    expectRefused(
      await send(s.w.app, s.cookies.reporter1, {
        method: 'POST',
        url,
        payload: { ...base, narrative: '进展', problems: '问题\u202E' },
      }),
      'problems',
    );
    const created = await send(s.w.app, s.cookies.reporter1, {
      method: 'POST',
      url,
      payload: { ...base, narrative: '第一项\r\n第二项\n\t完成', problems: '\u200B' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ narrative: '第一项\r\n第二项\n\t完成', problems: '' });
  });

  it('refuses controls in notice bodies, responses and send-back reasons', async () => {
    expectRefused(
      await send(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/tasks/${s.w.tasks.dept1}/notices`,
        payload: { kind: 'reminder', body: '请\u0000尽快报送' },
      }),
      'body',
    );
    expectRefused(
      await send(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/notices/ntc_nothing/respond`,
        payload: { response: '\uFEFF' },
      }),
      'response',
    );
    expectRefused(
      await send(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/reports/rep_nothing/return`,
        payload: { reason: '理由\u0007' },
      }),
      'reason',
    );
  });

  it('refuses a NUL in an id, a search word or a username with 400, never 500', async () => {
    const task = await send(s.w.app, s.cookies.office, { method: 'GET', url: `/api/tasks/task%00x` });
    expect(task.statusCode).toBe(400);
    const search = await send(s.w.app, s.cookies.office, {
      method: 'GET',
      url: `/api/plans/${s.w.planId}/tasks?q=%E6%94%B9%00`,
    });
    expectRefused(search, 'q');
    const login = await send(s.w.app, null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a.office\u0000', password: 'whatever-password' },
    });
    expectRefused(login, 'username');
  });

  it("refuses an import's pasted text holding NUL and its filename holding an override", async () => {
    const before = await auditCount();
    const url = `/api/regions/${s.w.regionA}/plans/import`;
    expectRefused(
      await send(s.w.app, s.cookies.office, { method: 'POST', url, payload: { text: '一、改革\u0000任务' } }),
      'text',
    );
    expectRefused(
      await send(s.w.app, s.cookies.office, {
        method: 'POST',
        url,
        payload: { text: '一、改革任务', filename: 'a\u202Etxt.exe' },
      }),
      'filename',
    );
    const upload = multipart('计划\u202Excod.txt', Buffer.from('一、改革任务\n', 'utf8'), 'text/plain');
    expectRefused(await send(s.w.app, s.cookies.office, { method: 'POST', url, ...upload }), 'file.filename');
    expect(await auditCount()).toBe(before);
  });

  it('refuses an evidence file named with a right-to-left override', async () => {
    const taskId = await freshReportTask(s.w, s.w.units.dept1, []);
    const report = await ok(s.w.app, s.cookies.reporter1, {
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      payload: { period: CURRENT_PERIOD, progress: 5, narrative: '证据' },
    });
    const upload = multipart('报告\u202Efdp.exe', tinyPdf(), 'application/pdf');
    const res = await send(s.w.app, s.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${report.json<{ id: string }>().id}/files`,
      ...upload,
    });
    expectRefused(res, 'file.filename');
  });
});
