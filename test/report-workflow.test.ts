/**
 * The reporting workflow end to end through the API: draft → unit head → office → accepted, with every
 * send-back and return on the way, the ledger and battle map reacting to an accepted completion, evidence
 * files, and supervision notices answered by the unit they are addressed to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeExe, multipart, ok, send, tinyPdf, tinyPng } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { login, worldSuite } from './helpers/world.js';
import { CURRENT_PERIOD, freshReportTask } from './helpers/report-task.js';

interface Report {
  id: string;
  status: string;
  version: number;
  returnReason: string | null;
  rating: number | null;
  narrative: string;
  files: { id: string; sha256: string; filename: string; size: number; mime: string }[];
}

describe.each(dialects)('report workflow on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'head1', 'reporter1', 'reporter2']);

  const act = (cookie: string, id: string, action: string, payload?: object) =>
    send(suite.w.app, cookie, {
      method: 'POST',
      url: `/api/reports/${id}/${action}`,
      ...(payload && { payload }),
    });
  const getReport = async (id: string): Promise<Report> =>
    (await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/reports/${id}` })).json();
  const newDraft = async (
    period: string,
    extra: object = {},
    taskId = suite.w.tasks.dept1,
  ): Promise<Report> =>
    (
      await ok(suite.w.app, suite.cookies.reporter1, {
        method: 'POST',
        url: `/api/tasks/${taskId}/reports`,
        payload: { period, progress: 30, narrative: '完成调研', submit: false, ...extra },
      })
    ).json();

  it('refuses, and writes nothing for, a report on a task its unit may not report on', async () => {
    const post = (taskId: string, cookie = suite.cookies.reporter1) =>
      send(suite.w.app, cookie, {
        method: 'POST',
        url: `/api/tasks/${taskId}/reports`,
        payload: { period: '2026-05', progress: 10, narrative: '开展调研' },
      });
    // A task of a plan still in draft is not out to the units: to them it does not exist.
    const unpublished = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/plans/${suite.w.draftPlanId}/tasks`,
        payload: { title: '草稿中的任务', leadUnitId: suite.w.units.dept1 },
      })
    ).json<{ id: string }>();
    const refusals = [
      [await post('tsk_nonexistent'), 404, 'task.not_found'],
      [await post(unpublished.id), 404, 'task.not_found'],
      [await post(suite.w.tasks.dept2), 403, 'access.not_own_unit_task'],
      [await post(suite.w.tasks.regionB), 403, 'access.other_region'],
    ] as const;
    for (const [res, status, code] of refusals) {
      expect(res.statusCode).toBe(status);
      expect(res.json().error.reason).toBe(code);
    }
    for (const taskId of [unpublished.id, suite.w.tasks.dept2, suite.w.tasks.regionB]) {
      const reports = await suite.w.ctx.storage.db
        .selectFrom('reports')
        .select('id')
        .where('task_id', '=', taskId)
        .execute();
      expect(reports).toEqual([]);
    }
  });

  it('takes a report from draft through the head and the suite.cookies.office, with send-back and return, to accepted', async () => {
    const draft = await newDraft('2026-05', { progress: 40, narrative: '完成方案起草' });
    expect(draft).toMatchObject({ status: 'draft', returnReason: null });

    const submitted = await act(suite.cookies.reporter1, draft.id, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('awaiting_head');
    // Submitted reports are frozen for the unit until they come back.
    const frozen = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'PATCH',
      url: `/api/reports/${draft.id}`,
      headers: { 'if-match': `"${submitted.json().version as number}"` },
      payload: { progress: 99 },
    });
    expect(frozen.statusCode).toBe(409);

    // A send-back needs a reason; with one, the report is the unit's draft again and says why.
    expect((await act(suite.cookies.head1, draft.id, 'send-back')).statusCode).toBe(400);
    expect((await getReport(draft.id)).status).toBe('awaiting_head');
    const sentBack = await act(suite.cookies.head1, draft.id, 'send-back', { reason: '请补充投资项目数量' });
    expect(sentBack.statusCode).toBe(200);
    expect(sentBack.json()).toMatchObject({ status: 'draft', returnReason: '请补充投资项目数量' });

    // Editing needs the current version: none → 428, stale → 412 with the current row, current → 200.
    const version = sentBack.json().version as number;
    const patch = { narrative: '完成方案起草，梳理投资项目23个', progress: 45 };
    expect(
      (
        await send(suite.w.app, suite.cookies.reporter1, {
          method: 'PATCH',
          url: `/api/reports/${draft.id}`,
          payload: patch,
        })
      ).statusCode,
    ).toBe(428);
    const stale = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'PATCH',
      url: `/api/reports/${draft.id}`,
      headers: { 'if-match': `"${version - 1}"` },
      payload: patch,
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.details.current.narrative).toBe('完成方案起草');
    const edited = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'PATCH',
      url: `/api/reports/${draft.id}`,
      headers: { 'if-match': `"${version}"` },
      payload: patch,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ narrative: patch.narrative, progress: 45, version: version + 1 });
    expect(edited.headers.etag).toBe(`"${version + 1}"`);

    expect((await act(suite.cookies.reporter1, draft.id, 'submit')).json()).toMatchObject({
      status: 'awaiting_head',
      returnReason: null,
    });
    expect((await act(suite.cookies.head1, draft.id, 'approve')).json().status).toBe('submitted');

    // The suite.cookies.office returns it with a reason; the unit fixes and resubmits through its head again.
    expect((await act(suite.cookies.office, draft.id, 'return')).statusCode).toBe(400);
    const returned = await act(suite.cookies.office, draft.id, 'return', { reason: '佐证材料不足' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '佐证材料不足' });
    const fixed = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'PATCH',
      url: `/api/reports/${draft.id}`,
      headers: { 'if-match': `"${returned.json().version as number}"` },
      payload: { problems: '项目前期手续较多' },
    });
    expect(fixed.statusCode).toBe(200);
    expect((await act(suite.cookies.reporter1, draft.id, 'submit')).json().status).toBe('awaiting_head');
    expect((await act(suite.cookies.head1, draft.id, 'approve')).json().status).toBe('submitted');
    const accepted = await act(suite.cookies.office, draft.id, 'accept', { rating: 4 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', rating: 4 });

    const history = (
      await ok(suite.w.app, suite.cookies.office, { method: 'GET', url: `/api/tasks/${suite.w.tasks.dept1}` })
    ).json().history as { action: string; data: { reportId?: string } }[];
    expect(
      history
        .filter((h) => h.data.reportId === draft.id)
        .map((h) => h.action)
        .reverse(),
    ).toEqual([
      'report.create',
      'report.submit',
      'report.send_back',
      'report.update',
      'report.submit',
      'report.approve',
      'report.return',
      'report.update',
      'report.submit',
      'report.approve',
      'report.accept',
    ]);
  });

  it('answers a transition from the wrong state with 409 and leaves the report as it was', async () => {
    // A task takes reports for its open periods only: each report here gets a task of its own.
    const draft = await newDraft(CURRENT_PERIOD, {}, await freshReportTask(suite.w, suite.w.units.dept1, []));
    const accepted = await newDraft(
      CURRENT_PERIOD,
      {},
      await freshReportTask(suite.w, suite.w.units.dept1, []),
    );
    await ok(suite.w.app, suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${accepted.id}/submit`,
    });
    await ok(suite.w.app, suite.cookies.head1, {
      method: 'POST',
      url: `/api/reports/${accepted.id}/approve`,
    });
    await ok(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/reports/${accepted.id}/accept`,
      payload: { rating: 3 },
    });
    const before = await Promise.all([getReport(draft.id), getReport(accepted.id)]);

    const attempts: [string, string, string, object?][] = [
      [suite.cookies.head1, draft.id, 'approve'],
      [suite.cookies.head1, draft.id, 'send-back', { reason: '不应允许' }],
      [suite.cookies.office, draft.id, 'accept'],
      [suite.cookies.office, draft.id, 'return', { reason: '不应允许' }],
      [suite.cookies.reporter1, accepted.id, 'submit'],
      [suite.cookies.head1, accepted.id, 'approve'],
      [suite.cookies.office, accepted.id, 'accept'],
      [suite.cookies.office, accepted.id, 'return', { reason: '不应允许' }],
    ];
    for (const [cookie, id, action, payload] of attempts) {
      const res = await act(cookie, id, action, payload);
      expect([action, res.statusCode, res.json().error?.code]).toEqual([action, 409, 'conflict']);
    }
    const editAccepted = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'PATCH',
      url: `/api/reports/${accepted.id}`,
      headers: { 'if-match': `"${before[1].version}"` },
      payload: { progress: 1 },
    });
    expect(editAccepted.statusCode).toBe(409);
    expect(await Promise.all([getReport(draft.id), getReport(accepted.id)])).toEqual(before);
  });

  it('marks a task done in the ledger and on the battle map once its completion claim is accepted', async () => {
    const statusOf = async () => {
      const ledger = (
        await ok(suite.w.app, suite.cookies.office, {
          method: 'GET',
          url: `/api/plans/${suite.w.planId}/tasks`,
        })
      ).json<{ id: string; status: string; progress: number }[]>();
      return ledger.find((t) => t.id === suite.w.tasks.dept2)!;
    };
    const counts = async () =>
      (
        await ok(suite.w.app, suite.cookies.office, {
          method: 'GET',
          url: `/api/regions/${suite.w.regionA}/dashboard`,
        })
      ).json<{
        total: { counts: Record<string, number> };
        redList: { taskId: string }[];
      }>();
    const before = await counts();
    expect((await statusOf()).status).toBe('delayed');
    expect(before.redList.map((r) => r.taskId)).toContain(suite.w.tasks.dept2);

    // The unit head's own report goes straight to the suite.cookies.office; claiming completion is not completion yet.
    const head2 = await login(suite.w.app, suite.w.usernames.head2);
    const claim = (
      await ok(suite.w.app, head2, {
        method: 'POST',
        url: `/api/tasks/${suite.w.tasks.dept2}/reports`,
        payload: {
          period: '2026-06',
          progress: 100,
          narrative: '评价改革方案已印发实施',
          claimsCompletion: true,
        },
      })
    ).json();
    expect(claim.status).toBe('submitted');
    expect((await statusOf()).status).not.toBe('done');

    await ok(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/reports/${claim.id as string}/accept`,
      payload: { rating: 5 },
    });
    expect(await statusOf()).toMatchObject({ status: 'done', progress: 100 });
    const after = await counts();
    expect(after.total.counts.done).toBe(before.total.counts.done! + 1);
    expect(after.total.counts.delayed).toBe(before.total.counts.delayed! - 1);
    expect(after.redList.map((r) => r.taskId)).not.toContain(suite.w.tasks.dept2);
  });

  it('stores evidence by its sha256 and serves the same bytes; refuses disguised, oversized and other units’ files', async () => {
    const draft = await newDraft(CURRENT_PERIOD, {}, await freshReportTask(suite.w, suite.w.units.dept1, []));
    const pdf = tinyPdf('evidence');
    const upPdf = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/files`,
      ...multipart('调研报告.pdf', pdf, 'application/pdf'),
    });
    expect(upPdf.statusCode).toBe(201);
    const file = upPdf.json();
    expect(file).toMatchObject({ filename: '调研报告.pdf', mime: 'application/pdf', size: pdf.length });
    const stored = join(suite.w.ctx.filesDir, (file.sha256 as string).slice(0, 2), file.sha256 as string);
    expect(readFileSync(stored).equals(pdf)).toBe(true);

    const png = tinyPng();
    const upPng = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/files`,
      ...multipart('现场照片.PNG', png, 'image/png'),
    });
    expect(upPng.statusCode).toBe(201);
    expect(upPng.json().mime).toBe('image/png');

    for (const [f, bytes, mime] of [
      [file, pdf, 'application/pdf'],
      [upPng.json(), png, 'image/png'],
    ] as const) {
      const got = await send(suite.w.app, suite.cookies.reporter1, {
        method: 'GET',
        url: `/api/files/${f.id as string}`,
      });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(bytes)).toBe(true);
      expect(got.headers['content-type']).toContain(mime);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
    }
    // Oversight reads the evidence too; a unit with no part in the task does not.
    const viewer = await login(suite.w.app, suite.w.usernames.viewer);
    expect(
      (await send(suite.w.app, viewer, { method: 'GET', url: `/api/files/${file.id as string}` })).statusCode,
    ).toBe(200);
    expect(
      (
        await send(suite.w.app, suite.cookies.reporter2, {
          method: 'GET',
          url: `/api/files/${file.id as string}`,
        })
      ).statusCode,
    ).toBe(403);

    const exe = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/files`,
      ...multipart('方案.pdf', fakeExe(), 'application/pdf'),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('unsupported_media_type');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
    const tooBig = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/files`,
      ...multipart('大文件.pdf', big, 'application/pdf'),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    const empty = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${draft.id}/files`,
      ...multipart('空.txt', Buffer.alloc(0), 'text/plain'),
    });
    expect(empty.statusCode).toBe(400);

    // Another unit's report: suite.cookies.reporter2 neither leads nor co-operates on this task.
    const foreign = await send(suite.w.app, suite.cookies.reporter2, {
      method: 'POST',
      url: `/api/reports/${draft.id}/files`,
      ...multipart('x.pdf', tinyPdf('foreign'), 'application/pdf'),
    });
    expect(foreign.statusCode).toBe(403);
    // A co-operating unit sees the lead unit's report but may not add to it.
    const dept2Draft = (
      await ok(suite.w.app, suite.cookies.reporter2, {
        method: 'POST',
        url: `/api/tasks/${await freshReportTask(suite.w)}/reports`,
        payload: { period: CURRENT_PERIOD, progress: 10, narrative: '起草', submit: false },
      })
    ).json();
    const coUnit = await send(suite.w.app, suite.cookies.reporter1, {
      method: 'POST',
      url: `/api/reports/${dept2Draft.id as string}/files`,
      ...multipart('y.pdf', tinyPdf('co-unit'), 'application/pdf'),
    });
    expect(coUnit.statusCode).toBe(403);
    // Only the two accepted files reached the store: nothing of the refused ones, no temporary leftovers.
    const storedFiles = readdirSync(suite.w.ctx.filesDir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => d.name);
    expect(storedFiles.sort()).toEqual([file.sha256 as string, upPng.json().sha256 as string].sort());

    const report = await getReport(draft.id);
    expect(report.files.map((f) => f.filename).sort()).toEqual(['现场照片.PNG', '调研报告.pdf'].sort());
    expect((await getReport(dept2Draft.id as string)).files).toEqual([]);
  });

  it('lets the suite.cookies.office issue a notice, the addressed unit answer it and the suite.cookies.office close it; other units cannot answer', async () => {
    const issued = await send(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/tasks/${suite.w.tasks.dept1}/notices`,
      payload: { kind: 'urge', body: '请于本周内报送5月进展' },
    });
    expect(issued.statusCode).toBe(201);
    const notice = issued.json();
    // An urge gives five working days from "today" (Monday 2026-06-15 in the test world; 19 June is 端午).
    expect(notice).toMatchObject({
      unitId: suite.w.units.dept1,
      kind: 'urge',
      status: 'issued',
      responseDue: '2026-06-23',
      response: null,
    });

    const mine = (
      await ok(suite.w.app, suite.cookies.reporter1, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/notices`,
      })
    ).json<{ id: string }[]>();
    expect(mine.map((n) => n.id)).toContain(notice.id);
    const theirs = (
      await ok(suite.w.app, suite.cookies.reporter2, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/notices`,
      })
    ).json<{ id: string }[]>();
    expect(theirs.map((n) => n.id)).not.toContain(notice.id);

    const intruder = await send(suite.w.app, suite.cookies.reporter2, {
      method: 'POST',
      url: `/api/notices/${notice.id as string}/respond`,
      payload: { response: '代为答复' },
    });
    expect([403, 404]).toContain(intruder.statusCode);
    expect(
      (
        await send(suite.w.app, suite.cookies.head1, {
          method: 'POST',
          url: `/api/notices/${notice.id as string}/close`,
        })
      ).statusCode,
    ).toBe(403);

    const answered = await send(suite.w.app, suite.cookies.head1, {
      method: 'POST',
      url: `/api/notices/${notice.id as string}/respond`,
      payload: { response: '已于6月16日报送' },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'responded', response: '已于6月16日报送' });

    const closed = await send(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/notices/${notice.id as string}/close`,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(
      (
        await send(suite.w.app, suite.cookies.office, {
          method: 'POST',
          url: `/api/notices/${notice.id as string}/close`,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await send(suite.w.app, suite.cookies.reporter1, {
          method: 'POST',
          url: `/api/notices/${notice.id as string}/respond`,
          payload: { response: '补充' },
        })
      ).statusCode,
    ).toBe(409);
    const final = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/notices?taskId=${suite.w.tasks.dept1}`,
      })
    ).json<{ id: string; response: string }[]>();
    expect(final.find((n) => n.id === notice.id)).toMatchObject({
      status: 'closed',
      response: '已于6月16日报送',
    });
  });

  it('leaves an intact audit chain behind the whole workflow', async () => {
    const admin = await login(suite.w.app, suite.w.usernames.admin);
    const verify = (await ok(suite.w.app, admin, { method: 'GET', url: '/api/audit/verify' })).json();
    expect(verify.ok).toBe(true);
  });
});
