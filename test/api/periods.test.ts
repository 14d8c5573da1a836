/**
 * Reporting periods (期次): reports only for the plan's periods from the task's publication on; a period
 * closes after its due day (a region setting) or by the office; a late report needs the office to reopen
 * the period for the task, which the audit log records. The world's today is 2026-06-15 and its plan was
 * published in January: May is still open (due 06-05, closes 06-15), March is closed.
 */
import { describe, expect, it } from 'vitest';
import { multipart, ok, send, tinyPdf } from '../helpers/http.js';
import { CURRENT_PERIOD, freshReportTask } from '../helpers/report-task.js';
import { dialects } from '../helpers/storage.js';
import { worldSuite } from '../helpers/world.js';

interface TaskPeriod {
  period: string;
  dueDate: string;
  closesOn: string;
  state: 'open' | 'closed' | 'reopened';
  by: 'calendar' | 'office';
  report: { id: string; status: string } | null;
  can: { reopen: boolean; close: boolean };
}

interface Owed {
  taskId: string;
  taskCode: string;
  period: string;
  dueDate: string;
  overdue: boolean;
  state: string;
  report: { id: string; status: string } | null;
}

describe.each(dialects)('reporting periods on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'head1', 'reporter1', 'reporter2', 'reporterB', 'leader']);
  const app = () => suite.w.app;

  const report = (cookie: string, taskId: string, period: string, extra: object = {}) =>
    send(app(), cookie, {
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      payload: { period, progress: 30, narrative: '按计划推进', ...extra },
    });
  const decide = (cookie: string, taskId: string, period: string, action: string, reason?: string) =>
    send(app(), cookie, {
      method: 'POST',
      url: `/api/tasks/${taskId}/periods/${period}/${action}`,
      ...(reason !== undefined && { payload: { reason } }),
    });
  const periodsOf = async (cookie: string, taskId: string): Promise<TaskPeriod[]> =>
    (await ok(app(), cookie, { method: 'GET', url: `/api/tasks/${taskId}/periods` })).json();
  const owed = async (cookie: string): Promise<Owed[]> =>
    (await ok(app(), cookie, { method: 'GET', url: `/api/regions/${suite.w.regionA}/owed-reports` })).json();
  const reasonOf = (res: { json: () => unknown }) =>
    (res.json() as { error: { reason: string } }).error.reason;

  it('takes reports for the plan’s open periods only', async () => {
    const task = suite.w.tasks.dept1;
    const cookie = suite.cookies.reporter1;
    const refused = [
      ['2030-05', 400, 'period.outside_plan'],
      ['2025-12', 400, 'period.outside_plan'],
      ['2026-Q2', 400, 'period.wrong_cadence'],
      ['2026-07', 400, 'period.not_started'],
      ['2026-03', 409, 'period.closed'],
      ['2026-13', 400, 'period.malformed'],
    ] as const;
    for (const [period, status, reason] of refused) {
      const res = await report(cookie, task, period);
      expect([period, res.statusCode, reasonOf(res)]).toEqual([period, status, reason]);
    }
    const reports = await ok(app(), cookie, { method: 'GET', url: `/api/tasks/${task}/reports` });
    expect(reports.json()).toEqual([]);
    // May's report is late (due 06-05) but the period takes it until 06-15.
    expect((await report(cookie, task, '2026-05')).statusCode).toBe(201);
  });

  it('owes nothing for the months before a task was assigned', async () => {
    // Added to the plan today: June is its first period.
    const task = await freshReportTask(suite.w, suite.w.units.dept1, []);
    const res = await report(suite.cookies.reporter1, task, '2026-05');
    expect([res.statusCode, reasonOf(res)]).toEqual([400, 'period.before_publication']);
    expect((await periodsOf(suite.cookies.reporter1, task)).map((p) => p.period)).toEqual([CURRENT_PERIOD]);
  });

  it('lists a task’s periods with their state, due and closing days, and the office’s actions', async () => {
    const task = suite.w.tasks.town1;
    const forOffice = await periodsOf(suite.cookies.office, task);
    expect(forOffice.map((p) => [p.period, p.state])).toEqual([
      ['2026-06', 'open'],
      ['2026-05', 'open'],
      ['2026-04', 'closed'],
      ['2026-03', 'closed'],
      ['2026-02', 'closed'],
      ['2026-01', 'closed'],
    ]);
    expect(forOffice[2]).toMatchObject({
      dueDate: '2026-05-05',
      closesOn: '2026-05-15',
      by: 'calendar',
      report: null,
      can: { reopen: true, close: false },
    });
    expect(forOffice[0]!.can).toEqual({ reopen: false, close: true });
    // A closed period that has its report needs no reopening.
    // May of the development bureau's task has its report (the first test): once closed, nothing is offered.
    const closed = await decide(suite.cookies.office, suite.w.tasks.dept1, '2026-05', 'close');
    expect(closed.json()).toMatchObject({
      state: 'closed',
      report: { status: 'awaiting_head' },
      can: { reopen: false, close: false },
    });
    const forLeader = await periodsOf(suite.cookies.leader, task);
    expect(forLeader.every((p) => !p.can.reopen && !p.can.close)).toBe(true);
  });

  it('lets the office reopen a closed period for one task, in the audit log, and then takes the late report', async () => {
    const task = await freshReportTask(suite.w, suite.w.units.dept2, []);
    const other = await freshReportTask(suite.w, suite.w.units.dept2, []);
    // Published today, so reopen a period it owes: close June for it, then reopen it.
    expect((await decide(suite.cookies.reporter2, task, CURRENT_PERIOD, 'close')).statusCode).toBe(403);
    expect((await decide(suite.cookies.leader, task, CURRENT_PERIOD, 'close')).statusCode).toBe(403);
    const closed = await decide(suite.cookies.office, task, CURRENT_PERIOD, 'close', '本期报送已截止');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ period: CURRENT_PERIOD, state: 'closed', by: 'office' });
    const late = await report(suite.cookies.reporter2, task, CURRENT_PERIOD);
    expect([late.statusCode, reasonOf(late)]).toEqual([409, 'period.closed']);
    // The other task's June is untouched.
    expect((await report(suite.cookies.reporter2, other, CURRENT_PERIOD)).statusCode).toBe(201);

    const reopened = await decide(
      suite.cookies.office,
      task,
      CURRENT_PERIOD,
      'reopen',
      '因系统故障未能按时报送',
    );
    expect(reopened.json()).toMatchObject({ state: 'reopened', can: { reopen: false, close: true } });
    expect((await report(suite.cookies.reporter2, task, CURRENT_PERIOD)).statusCode).toBe(201);

    const audit = await suite.storage.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'data'])
      .where('action', 'in', ['period.close', 'period.reopen'])
      .where('entity_id', '=', task)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['period.close', 'period.reopen']);
    expect(JSON.parse(audit[1]!.data)).toMatchObject({
      period: CURRENT_PERIOD,
      reason: '因系统故障未能按时报送',
    });
  });

  it('reopens a month closed by the calendar, for that task only', async () => {
    const task = suite.w.tasks.town1;
    const res = await decide(suite.cookies.office, task, '2026-03', 'reopen', '补报');
    expect(res.json()).toMatchObject({ period: '2026-03', state: 'reopened', by: 'office' });
    // A period the task is not reported for cannot be reopened.
    const outside = await decide(suite.cookies.office, task, '2030-01', 'reopen');
    expect([outside.statusCode, reasonOf(outside)]).toEqual([400, 'period.outside_plan']);
    const dept1March = await report(suite.cookies.reporter1, suite.w.tasks.dept1, '2026-03');
    expect(reasonOf(dept1March)).toBe('period.closed');
  });

  it('keeps a draft of a closed period from being submitted, until the office reopens it', async () => {
    const task = await freshReportTask(suite.w, suite.w.units.dept1, []);
    const draft = (
      await ok(app(), suite.cookies.reporter1, {
        method: 'POST',
        url: `/api/tasks/${task}/reports`,
        payload: { period: CURRENT_PERIOD, progress: 20, narrative: '起草中', submit: false },
      })
    ).json<{ id: string }>();
    await ok(app(), suite.cookies.office, {
      method: 'POST',
      url: `/api/tasks/${task}/periods/${CURRENT_PERIOD}/close`,
    });
    const submit = await send(app(), suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/submit`,
    });
    expect([submit.statusCode, reasonOf(submit)]).toEqual([409, 'period.closed']);
    await ok(app(), suite.cookies.office, {
      method: 'POST',
      url: `/api/tasks/${task}/periods/${CURRENT_PERIOD}/reopen`,
    });
    const again = await send(app(), suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/submit`,
    });
    expect(again.json()).toMatchObject({ status: 'awaiting_head' });
  });

  it('lets the office close a period for the whole region, and only its own region', async () => {
    const task = await freshReportTask(suite.w, suite.w.units.dept1, []);
    const foreign = await send(app(), suite.cookies.office, {
      method: 'POST',
      url: `/api/regions/${suite.w.regionB}/periods/${CURRENT_PERIOD}/close`,
    });
    expect(foreign.statusCode).toBe(403);
    const future = await send(app(), suite.cookies.office, {
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/periods/2026-08/close`,
    });
    expect(reasonOf(future)).toBe('period.not_started');
    const closed = await ok(app(), suite.cookies.office, {
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/periods/${CURRENT_PERIOD}/close`,
      payload: { reason: '六月报送截止' },
    });
    expect(closed.json()).toMatchObject({ period: CURRENT_PERIOD, taskId: null, state: 'closed' });
    expect(reasonOf(await report(suite.cookies.reporter1, task, CURRENT_PERIOD))).toBe('period.closed');
    // The office reopens it for the one task that asked; the region-wide close holds for the rest.
    await ok(app(), suite.cookies.office, {
      method: 'POST',
      url: `/api/tasks/${task}/periods/${CURRENT_PERIOD}/reopen`,
    });
    expect((await report(suite.cookies.reporter1, task, CURRENT_PERIOD)).statusCode).toBe(201);
    const town = (await periodsOf(suite.cookies.office, suite.w.tasks.town1))[0]!;
    expect(town).toMatchObject({ period: CURRENT_PERIOD, state: 'closed', by: 'office' });
    // Open June again for everyone, as the later tests expect.
    await ok(app(), suite.cookies.office, {
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/periods/${CURRENT_PERIOD}/reopen`,
    });
  });

  it('keeps periods open as long as the region’s setting says', async () => {
    // Region B keeps periods open 80 days after the due day: March (due 04-05) takes reports to 06-24,
    // February (due 03-05) only to 05-24.
    await suite.storage.db
      .updateTable('regions')
      .set({ settings: JSON.stringify({ periodLockDays: 80 }) })
      .where('id', '=', suite.w.regionB)
      .execute();
    expect((await report(suite.cookies.reporterB, suite.w.tasks.regionB, '2026-03')).statusCode).toBe(201);
    const feb = await report(suite.cookies.reporterB, suite.w.tasks.regionB, '2026-02');
    expect(reasonOf(feb)).toBe('period.closed');
  });

  it('lists what the caller’s unit owes, with due dates, until the report is on its way', async () => {
    const task = await freshReportTask(suite.w, suite.w.units.dept1, []);
    const mine = async () => (await owed(suite.cookies.reporter1)).filter((o) => o.taskId === task);
    expect(await mine()).toEqual([
      expect.objectContaining({
        period: CURRENT_PERIOD,
        dueDate: '2026-07-05',
        overdue: false,
        report: null,
      }),
    ]);
    // The development bureau's own task still owes June, and May's report went in in the first test.
    const dept1 = (await owed(suite.cookies.head1)).filter((o) => o.taskId === suite.w.tasks.dept1);
    expect(dept1.map((o) => o.period)).toEqual([CURRENT_PERIOD]);
    // Another unit's tasks are not listed.
    const others = await owed(suite.cookies.reporter2);
    expect(others.some((o) => o.taskId === task)).toBe(false);

    const draft = (
      await ok(app(), suite.cookies.reporter1, {
        method: 'POST',
        url: `/api/tasks/${task}/reports`,
        payload: { period: CURRENT_PERIOD, progress: 20, narrative: '起草中', submit: false },
      })
    ).json<{ id: string }>();
    expect((await mine())[0]!.report).toEqual({ id: draft.id, status: 'draft' });
    await ok(app(), suite.cookies.reporter1, { method: 'POST', url: `/api/reports/${draft.id}/submit` });
    expect(await mine()).toEqual([]);

    const forbidden = await send(app(), suite.cookies.office, {
      method: 'GET',
      url: `/api/regions/${suite.w.regionA}/owed-reports`,
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('shows the evidence on the reports waiting in the head’s and the office’s queues', async () => {
    const task = await freshReportTask(suite.w, suite.w.units.dept1, []);
    const draft = (
      await ok(app(), suite.cookies.reporter1, {
        method: 'POST',
        url: `/api/tasks/${task}/reports`,
        payload: { period: CURRENT_PERIOD, progress: 50, narrative: '完成调研', submit: false },
      })
    ).json<{ id: string }>();
    await ok(app(), suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/files`,
      ...multipart('调研报告.pdf', tinyPdf('queue'), 'application/pdf'),
    });
    await ok(app(), suite.cookies.reporter1, { method: 'POST', url: `/api/reports/${draft.id}/submit` });
    const queueOf = async (cookie: string) =>
      (await ok(app(), cookie, { method: 'GET', url: `/api/regions/${suite.w.regionA}/report-queue` })).json<
        { id: string; files: { filename: string }[] }[]
      >();
    const forHead = (await queueOf(suite.cookies.head1)).find((r) => r.id === draft.id);
    expect(forHead?.files.map((f) => f.filename)).toEqual(['调研报告.pdf']);
    await ok(app(), suite.cookies.head1, { method: 'POST', url: `/api/reports/${draft.id}/approve` });
    const forOffice = (await queueOf(suite.cookies.office)).find((r) => r.id === draft.id);
    expect(forOffice?.files.map((f) => f.filename)).toEqual(['调研报告.pdf']);
  });

  it('does not colour a task published late in the year by the months before it', async () => {
    const plan = (
      await ok(app(), suite.cookies.office, {
        method: 'POST',
        url: `/api/regions/${suite.w.regionA}/plans`,
        payload: { title: '年中追加计划', kind: 'action_plan', year: 2026 },
      })
    ).json<{ id: string }>();
    const task = (
      await ok(app(), suite.cookies.office, {
        method: 'POST',
        url: `/api/plans/${plan.id}/tasks`,
        payload: { title: '追加的改革任务', leadUnitId: suite.w.units.dept1, dueDate: '2026-03-31' },
      })
    ).json<{ id: string }>();
    await ok(app(), suite.cookies.office, { method: 'POST', url: `/api/plans/${plan.id}/publish` });
    const detail = (
      await ok(app(), suite.cookies.office, { method: 'GET', url: `/api/tasks/${task.id}` })
    ).json<{
      status: string;
      reasons: string[];
      daysOverdue: number;
    }>();
    expect(detail.status).not.toBe('delayed');
    expect(detail.daysOverdue).toBe(0);
    expect(detail.reasons).not.toContain('report_missing');
    expect(detail.reasons).not.toContain('overdue');
  });
});
