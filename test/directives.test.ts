/**
 * Meetings (会议) and directives (交办事项) end to end through the API: the office records a 常务会 with its
 * decisions (确定事项) and turns them into a directive or a ledger task in one step; the lead unit answers
 * the 部署/行动/见效 checkpoints (due dates moved off the 端午 holiday, which comes from the shipped calendar
 * data), asks for more time, and the office decides; the daily job urges a missed checkpoint once; a leader's
 * instruction becomes a directive too. Bad input is refused with its reason and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { runDirectiveEscalation } from '../src/jobs/directive-escalation.js';
import { multipart, ok, send, tinyPdf } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { login, worldSuite } from './helpers/world.js';

interface CheckpointJson {
  kind: string;
  dueDate: string;
  state: string;
  doneOn: string | null;
  answer: { body: string } | null;
}
interface DirectiveJson {
  id: string;
  content: string;
  state: string;
  done: boolean;
  deadline: string;
  extendedTo: string | null;
  leadUnit: { id: string };
  coUnits: { id: string }[];
  checkpoints: CheckpointJson[];
  meeting: { id: string; decisionId: string } | null;
  instruction: { id: string; taskId: string | null } | null;
  files: { id: string; checkpoint: string }[];
  extensions: { id: string; status: string; newDate: string; version: number }[];
  notices: { checkpoint: string; body: string }[];
  can: { answer: boolean; requestExtension: boolean; decideExtension: boolean };
}
interface UrgeJson {
  id: string;
  directiveId: string;
  content: string;
  unit: { id: string; name: string };
  checkpoint: string;
  dueDate: string;
  daysLate: number;
}
interface MeetingJson {
  id: string;
  kind: string;
  decisions: {
    id: string;
    content: string;
    state: string;
    directiveId: string | null;
    taskId: string | null;
  }[];
  tally: {
    total: number;
    done: number;
    directives: number;
    tasks: number;
    unassigned: number;
    sentence: string;
  };
  units: { id: string; name: string }[];
  leaders: string[];
}

describe.each(dialects)('meetings and directives on $name', (dialect) => {
  // Thursday 18 June 2026: the day before the Dragon Boat Festival (19–21 June off).
  let now = new Date('2026-06-18T02:00:00Z');
  const callers = ['office', 'leader', 'reporter1', 'head1', 'reporter2', 'officeB'] as const;
  const suite = worldSuite(dialect, [], () => now);
  const cookies = {} as Record<(typeof callers)[number], string>;
  const at = async (iso: string) => {
    now = new Date(iso);
    for (const c of callers) cookies[c] = await login(suite.w.app, suite.w.usernames[c]);
  };
  const app = () => suite.w.app;
  const meetingUrl = () => `/api/regions/${suite.w.regionA}/meetings`;
  let meeting: MeetingJson;
  let directive: DirectiveJson;

  const reasonOf = (res: { statusCode: number; json: () => { error: { reason: string } } }) => [
    res.statusCode,
    res.json().error.reason,
  ];

  it('records a 常务会 with its participants and decisions; only the office may', async () => {
    await at('2026-06-18T02:00:00Z');
    const body = {
      kind: 'executive',
      heldOn: '2026-06-17',
      topic: '区政府第12次常务会议',
      unitIds: [suite.w.units.dept1, suite.w.units.dept2],
      leaders: ['区长', '常务副区长'],
      minutes: '会议研究了营商环境和教育工作。',
      decisions: ['优化企业开办流程，压缩至1个工作日', '推进集团化办学', '研究老旧小区改造资金'],
    };
    const refused = await send(app(), cookies.reporter1, {
      method: 'POST',
      url: meetingUrl(),
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const res = await send(app(), cookies.office, { method: 'POST', url: meetingUrl(), payload: body });
    expect(res.statusCode).toBe(201);
    meeting = res.json<MeetingJson>();
    expect(meeting.decisions.map((d) => [d.content, d.state])).toEqual([
      ['优化企业开办流程，压缩至1个工作日', 'unassigned'],
      ['推进集团化办学', 'unassigned'],
      ['研究老旧小区改造资金', 'unassigned'],
    ]);
    expect(meeting.units.map((u) => u.name)).toEqual(['区发展和改革局', '区教育局']);
    expect(meeting.tally.sentence).toBe('确定事项3件，已完成0件');
    // Every unit of the region reads it; region B does not.
    await ok(app(), cookies.reporter2, { method: 'GET', url: `/api/meetings/${meeting.id}` });
    const foreign = await send(app(), cookies.officeB, { method: 'GET', url: `/api/meetings/${meeting.id}` });
    expect(foreign.statusCode).toBe(403);
  });

  it('keeps the minutes as an attachment every unit of the region may read, and refuses an unsupported file', async () => {
    const url = `/api/meetings/${meeting.id}/files`;
    const upload = await send(app(), cookies.office, {
      method: 'POST',
      url,
      ...multipart('会议纪要.pdf', tinyPdf('minutes'), 'application/pdf'),
    });
    expect(upload.statusCode).toBe(201);
    const exe = await send(app(), cookies.office, {
      method: 'POST',
      url,
      ...multipart('纪要.exe', Buffer.from('MZ\x90\x00'), 'application/octet-stream'),
    });
    expect(reasonOf(exe)).toEqual([415, 'evidence.unsupported_type']);
    const byUnit = await send(app(), cookies.reporter1, {
      method: 'POST',
      url,
      ...multipart('纪要.pdf', tinyPdf('x'), 'application/pdf'),
    });
    expect(byUnit.statusCode).toBe(403);
    const m = (
      await ok(app(), cookies.reporter2, { method: 'GET', url: `/api/meetings/${meeting.id}` })
    ).json<{
      files: { id: string; filename: string }[];
    }>();
    expect(m.files.map((f) => f.filename)).toEqual(['会议纪要.pdf']);
    const download = await send(app(), cookies.reporter2, {
      method: 'GET',
      url: `/api/meeting-files/${m.files[0]!.id}`,
    });
    expect(download.statusCode).toBe(200);
  });

  it('refuses a meeting in the future, of an unknown kind, with another region’s unit, or an impossible date', async () => {
    const base = { kind: 'topic', heldOn: '2026-06-10', topic: '专题会' };
    const cases: [object, number, string][] = [
      [{ ...base, heldOn: '2026-06-19' }, 400, 'meeting.in_future'],
      [{ ...base, kind: 'party' }, 400, 'request.invalid'],
      [{ ...base, heldOn: '2026-02-30' }, 400, 'request.invalid'],
      [{ ...base, topic: '   ' }, 400, 'request.invalid'],
      [{ ...base, unitIds: [suite.w.units.deptB] }, 400, 'unit.unknown'],
    ];
    const before = (await ok(app(), cookies.office, { method: 'GET', url: meetingUrl() })).json<unknown[]>();
    for (const [payload, status, reason] of cases) {
      const res = await send(app(), cookies.office, { method: 'POST', url: meetingUrl(), payload });
      expect(reasonOf(res)).toEqual([status, reason]);
    }
    const after = (await ok(app(), cookies.office, { method: 'GET', url: meetingUrl() })).json<unknown[]>();
    expect(after).toEqual(before);
  });

  it('turns a decision into a directive in one step, checkpoints moved off the Dragon Boat Festival', async () => {
    const decision = meeting.decisions[0]!;
    const url = `/api/meeting-decisions/${decision.id}/directive`;
    const payload = {
      leadUnitId: suite.w.units.dept1,
      coUnitIds: [suite.w.units.dept2],
      deadline: '2026-07-31',
    };
    expect((await send(app(), cookies.reporter1, { method: 'POST', url, payload })).statusCode).toBe(403);
    const res = await send(app(), cookies.office, { method: 'POST', url, payload });
    expect(res.statusCode).toBe(201);
    directive = res.json<DirectiveJson>();
    // Assigned Thursday 18 June: +1 is 19 June (端午) so Monday 22nd; +7 is Thursday 25th; +30 is Saturday
    // 18 July so Monday 20th.
    expect(directive.checkpoints.map((c) => [c.kind, c.dueDate, c.state])).toEqual([
      ['deployed', '2026-06-22', 'pending'],
      ['acting', '2026-06-25', 'pending'],
      ['effect', '2026-07-20', 'pending'],
    ]);
    expect(directive.meeting).toMatchObject({ id: meeting.id, decisionId: decision.id });
    expect(directive.state).toBe('pending');

    const again = await send(app(), cookies.office, { method: 'POST', url, payload });
    expect(reasonOf(again)).toEqual([409, 'decision.assigned']);
  });

  it('refuses a directive whose lead unit co-operates too, whose deadline has passed, or with a foreign unit', async () => {
    const url = `/api/meeting-decisions/${meeting.decisions[2]!.id}/directive`;
    const cases: [object, number, string][] = [
      [
        { leadUnitId: suite.w.units.dept1, coUnitIds: [suite.w.units.dept1], deadline: '2026-07-31' },
        400,
        'directive.lead_also_co',
      ],
      [
        { leadUnitId: suite.w.units.dept1, deadline: '2026-06-17' },
        400,
        'directive.deadline_before_assigned',
      ],
      [{ leadUnitId: suite.w.units.deptB, deadline: '2026-07-31' }, 400, 'unit.unknown'],
      [{ leadUnitId: suite.w.units.dept1, deadline: '2026-13-01' }, 400, 'request.invalid'],
    ];
    for (const [payload, status, reason] of cases)
      expect(reasonOf(await send(app(), cookies.office, { method: 'POST', url, payload }))).toEqual([
        status,
        reason,
      ]);
    const m = (
      await ok(app(), cookies.office, { method: 'GET', url: `/api/meetings/${meeting.id}` })
    ).json<MeetingJson>();
    expect(m.decisions[2]!.state).toBe('unassigned');
  });

  it('lets only the lead unit answer a checkpoint, once; answered on the moved due day it is met', async () => {
    await at('2026-06-22T02:00:00Z');
    const url = `/api/directives/${directive.id}/checkpoints/deployed/answer`;
    const co = await send(app(), cookies.reporter2, { method: 'POST', url, payload: { body: '已配合' } });
    expect(co.statusCode).toBe(403);
    const leader = await send(app(), cookies.leader, { method: 'POST', url, payload: { body: '已部署' } });
    expect(leader.statusCode).toBe(403);
    const blank = await send(app(), cookies.reporter1, { method: 'POST', url, payload: { body: ' ' } });
    expect(reasonOf(blank)).toEqual([400, 'request.invalid']);
    const bad = await send(app(), cookies.reporter1, {
      method: 'POST',
      url: `/api/directives/${directive.id}/checkpoints/finished/answer`,
      payload: { body: '已部署' },
    });
    expect(bad.statusCode).toBe(400);

    const res = await ok(app(), cookies.reporter1, {
      method: 'POST',
      url,
      payload: { body: '局党组会专题研究，印发工作方案' },
    });
    const answered = res.json<DirectiveJson>();
    expect(answered.checkpoints[0]).toMatchObject({ state: 'met', doneOn: '2026-06-22' });
    expect(answered.checkpoints[0]!.answer?.body).toBe('局党组会专题研究，印发工作方案');
    const twice = await send(app(), cookies.head1, { method: 'POST', url, payload: { body: '再次反馈' } });
    expect(reasonOf(twice)).toEqual([409, 'directive.answered']);

    const file = await ok(app(), cookies.reporter1, {
      method: 'POST',
      url: `/api/directives/${directive.id}/checkpoints/deployed/files`,
      ...multipart('工作方案.pdf', tinyPdf('plan'), 'application/pdf'),
    });
    const fileId = file.json<{ id: string }>().id;
    const download = await send(app(), cookies.reporter2, {
      method: 'GET',
      url: `/api/directive-files/${fileId}`,
    });
    expect([download.statusCode, download.headers['content-type']]).toEqual([200, 'application/pdf']);
    const foreign = await send(app(), cookies.officeB, {
      method: 'GET',
      url: `/api/directive-files/${fileId}`,
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('urges a missed checkpoint once through the daily job, and shows it missed until answered, then late', async () => {
    await at('2026-06-27T02:00:00Z');
    const first = await runDirectiveEscalation({ ...suite.w.ctx, now: () => now });
    expect(first.urge).toBe(1);
    const again = await runDirectiveEscalation({ ...suite.w.ctx, now: () => now });
    expect(again.urge).toBe(0);
    const d = (
      await ok(app(), cookies.reporter1, { method: 'GET', url: `/api/directives/${directive.id}` })
    ).json<DirectiveJson>();
    expect(d.checkpoints.map((c) => c.state)).toEqual(['met', 'missed', 'pending']);
    expect(d.state).toBe('missed');
    expect(d.notices.map((n) => n.checkpoint)).toEqual(['acting']);
    expect(d.notices[0]!.body).toContain('2026-06-25');
    const missed = (
      await ok(app(), cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/directives?state=missed`,
      })
    ).json<DirectiveJson[]>();
    expect(missed.map((x) => x.id)).toEqual([directive.id]);

    // The urge waits in the lead unit's 督办 inbox (and the office's), not the co-operating unit's.
    const urgesUrl = `/api/regions/${suite.w.regionA}/directive-urges`;
    const urgesOf = async (who: (typeof callers)[number]) =>
      (await ok(app(), cookies[who], { method: 'GET', url: urgesUrl })).json<UrgeJson[]>();
    const inbox = await urgesOf('reporter1');
    expect(inbox).toEqual([
      expect.objectContaining({
        directiveId: directive.id,
        content: directive.content,
        unit: { id: suite.w.units.dept1, name: '区发展和改革局' },
        checkpoint: 'acting',
        dueDate: '2026-06-25',
        daysLate: 2,
      }),
    ]);
    expect((await urgesOf('head1')).map((u) => u.id)).toEqual([inbox[0]!.id]);
    expect((await urgesOf('office')).map((u) => u.id)).toEqual([inbox[0]!.id]);
    expect((await urgesOf('leader')).map((u) => u.id)).toEqual([inbox[0]!.id]);
    expect(await urgesOf('reporter2')).toEqual([]);
    const foreignUrges = await send(app(), cookies.officeB, { method: 'GET', url: urgesUrl });
    expect(foreignUrges.statusCode).toBe(403);

    const late = (
      await ok(app(), cookies.reporter1, {
        method: 'POST',
        url: `/api/directives/${directive.id}/checkpoints/acting/answer`,
        payload: { body: '已召开推进会' },
      })
    ).json<DirectiveJson>();
    expect(late.checkpoints[1]).toMatchObject({ state: 'late', doneOn: '2026-06-27' });
    expect(late.state).toBe('late');
    // Answered, the urge leaves every inbox.
    expect(await urgesOf('reporter1')).toEqual([]);
    expect(await urgesOf('office')).toEqual([]);
  });

  it('takes an extension request from the lead unit and moves the 见效 checkpoint when the office approves', async () => {
    const url = `/api/directives/${directive.id}/extensions`;
    const body = { reason: '需上级部门审批', progress: '方案已报送市局', newDate: '2026-08-31' };
    const cases: [object, string][] = [
      [{ ...body, newDate: '2026-06-01' }, 'extension.in_past'],
      [{ ...body, newDate: '2026-07-20' }, 'extension.not_later'],
      [{ ...body, reason: '' }, 'request.invalid'],
    ];
    for (const [payload, reason] of cases)
      expect(reasonOf(await send(app(), cookies.reporter1, { method: 'POST', url, payload }))).toEqual([
        400,
        reason,
      ]);
    expect((await send(app(), cookies.reporter2, { method: 'POST', url, payload: body })).statusCode).toBe(
      403,
    );
    const asked = (
      await ok(app(), cookies.reporter1, { method: 'POST', url, payload: body })
    ).json<DirectiveJson>();
    expect(asked.can.requestExtension).toBe(false);
    const twice = await send(app(), cookies.reporter1, { method: 'POST', url, payload: body });
    expect(reasonOf(twice)).toEqual([409, 'extension.pending']);

    const ext = asked.extensions[0]!;
    const decide = `/api/directive-extensions/${ext.id}/decide`;
    expect(
      (await send(app(), cookies.reporter1, { method: 'POST', url: decide, payload: { approve: true } }))
        .statusCode,
    ).toBe(403);
    const stale = await send(app(), cookies.office, {
      method: 'POST',
      url: decide,
      headers: { 'if-match': `"${ext.version + 5}"` },
      payload: { approve: true },
    });
    expect(stale.statusCode).toBe(412);
    const approved = (
      await ok(app(), cookies.office, {
        method: 'POST',
        url: decide,
        payload: { approve: true, note: '同意' },
      })
    ).json<DirectiveJson>();
    expect(approved.extensions[0]!.status).toBe('approved');
    expect([approved.extendedTo, approved.deadline]).toEqual(['2026-08-31', '2026-08-31']);
    expect(approved.checkpoints[2]!.dueDate).toBe('2026-08-31');
    const decidedTwice = await send(app(), cookies.office, {
      method: 'POST',
      url: decide,
      payload: { approve: false },
    });
    expect(reasonOf(decidedTwice)).toEqual([409, 'extension.decided']);
  });

  it('counts the meeting’s decisions: one a directive carried out, one a ledger task, one not yet handed on', async () => {
    const task = await send(app(), cookies.office, {
      method: 'POST',
      url: `/api/meeting-decisions/${meeting.decisions[1]!.id}/task`,
      payload: { planId: suite.w.planId, leadUnitId: suite.w.units.dept2, dueDate: '2026-12-31' },
    });
    expect(task.statusCode).toBe(201);
    const taskId = task.json<MeetingJson>().decisions[1]!.taskId!;
    const onLedger = (
      await ok(app(), cookies.reporter2, { method: 'GET', url: `/api/tasks/${taskId}` })
    ).json<{
      title: string;
    }>();
    expect(onLedger.title).toBe('推进集团化办学');
    const twice = await send(app(), cookies.office, {
      method: 'POST',
      url: `/api/meeting-decisions/${meeting.decisions[0]!.id}/task`,
      payload: { planId: suite.w.planId, leadUnitId: suite.w.units.dept2, dueDate: '2026-12-31' },
    });
    expect(reasonOf(twice)).toEqual([409, 'decision.assigned']);

    await ok(app(), cookies.reporter1, {
      method: 'POST',
      url: `/api/directives/${directive.id}/checkpoints/effect/answer`,
      payload: { body: '企业开办时间压缩至1个工作日' },
    });
    const m = (
      await ok(app(), cookies.leader, { method: 'GET', url: `/api/meetings/${meeting.id}` })
    ).json<MeetingJson>();
    expect(m.decisions.map((d) => d.state)).toEqual(['done', 'in_progress', 'unassigned']);
    expect(m.tally).toMatchObject({ total: 3, done: 1, directives: 1, tasks: 1, unassigned: 1 });
    expect(m.tally.sentence).toBe('确定事项3件，已完成1件');
    const list = (await ok(app(), cookies.office, { method: 'GET', url: meetingUrl() })).json<
      MeetingJson[]
    >();
    expect(list.find((x) => x.id === meeting.id)!.tally.sentence).toBe('确定事项3件，已完成1件');

    const added = await ok(app(), cookies.office, {
      method: 'POST',
      url: `/api/meetings/${meeting.id}/decisions`,
      payload: { decisions: ['补充事项：加快审批系统对接'] },
    });
    expect(added.json<MeetingJson>().tally.sentence).toBe('确定事项4件，已完成1件');
  });

  it('tracks a leader’s instruction as a directive led by the unit it is addressed to', async () => {
    const instruction = (
      await ok(app(), cookies.leader, {
        method: 'POST',
        url: `/api/tasks/${suite.w.tasks.dept1}/instructions`,
        payload: { body: '请一周内拿出具体举措' },
      })
    ).json<{ id: string }>();
    const url = `/api/instructions/${instruction.id}/directive`;
    const res = await send(app(), cookies.office, {
      method: 'POST',
      url,
      payload: { deadline: '2026-08-31' },
    });
    expect(res.statusCode).toBe(201);
    const d = res.json<DirectiveJson & { content: string }>();
    expect(d.leadUnit.id).toBe(suite.w.units.dept1);
    expect(d.content).toBe('请一周内拿出具体举措');
    expect(d.instruction).toEqual({ id: instruction.id, taskId: suite.w.tasks.dept1 });
    const twice = await send(app(), cookies.office, {
      method: 'POST',
      url,
      payload: { deadline: '2026-08-31' },
    });
    expect(reasonOf(twice)).toEqual([409, 'directive.instruction_taken']);

    // The co-operating unit sees the meeting's directive; it does not see the instruction's (dept1 only).
    const inbox = (
      await ok(app(), cookies.reporter2, { method: 'GET', url: `/api/regions/${suite.w.regionA}/directives` })
    ).json<DirectiveJson[]>();
    expect(inbox.map((x) => x.id)).toEqual([directive.id]);
    const hidden = await send(app(), cookies.reporter2, { method: 'GET', url: `/api/directives/${d.id}` });
    expect(hidden.statusCode).toBe(404);
    const foreign = await send(app(), cookies.officeB, {
      method: 'GET',
      url: `/api/regions/${suite.w.regionA}/directives`,
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('drops an urge from the inbox once a later stage shows the urged one happened', async () => {
    // Assigned Wednesday 1 July: 部署 due Thursday 2nd, 行动 Wednesday 8th.
    await at('2026-07-01T02:00:00Z');
    const instruction = (
      await ok(app(), cookies.leader, {
        method: 'POST',
        url: `/api/tasks/${suite.w.tasks.dept1}/instructions`,
        payload: { body: '请研究出台配套细则' },
      })
    ).json<{ id: string }>();
    const d = (
      await ok(app(), cookies.office, {
        method: 'POST',
        url: `/api/instructions/${instruction.id}/directive`,
        payload: { deadline: '2026-09-30' },
      })
    ).json<DirectiveJson>();
    await at('2026-07-10T02:00:00Z');
    await runDirectiveEscalation({ ...suite.w.ctx, now: () => now });
    const urgesUrl = `/api/regions/${suite.w.regionA}/directive-urges`;
    const urgedOn = async () =>
      (await ok(app(), cookies.reporter1, { method: 'GET', url: urgesUrl }))
        .json<UrgeJson[]>()
        .filter((u) => u.directiveId === d.id)
        .map((u) => [u.checkpoint, u.dueDate])
        .sort((a, b) => a[1]!.localeCompare(b[1]!));
    expect(await urgedOn()).toEqual([
      ['deployed', '2026-07-02'],
      ['acting', '2026-07-08'],
    ]);
    // Showing 行动 shows 部署 was done too: neither urge waits any longer.
    await ok(app(), cookies.reporter1, {
      method: 'POST',
      url: `/api/directives/${d.id}/checkpoints/acting/answer`,
      payload: { body: '细则已起草并征求意见' },
    });
    expect(await urgedOn()).toEqual([]);
  });
});
