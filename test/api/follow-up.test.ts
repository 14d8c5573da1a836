/**
 * Follow-through on what a unit is asked to answer: notice deadlines in working days (chosen by the office
 * or the kind's default), the overdue mark and the notice list's filters, a leader's instruction addressed
 * to a unit that replies, and the holiday calendar an administrator replaces without a release.
 */
import { describe, expect, it } from 'vitest';
import { runEscalation } from '../../src/jobs/escalation-job.js';
import { ok, send } from '../helpers/http.js';
import { dialects } from '../helpers/storage.js';
import { login, worldSuite } from '../helpers/world.js';

interface NoticeJson {
  id: string;
  kind: string;
  unitId: string;
  responseDue: string;
  status: string;
  overdueDays: number;
  version: number;
}

interface InstructionJson {
  id: string;
  unitId: string | null;
  unitName: string | null;
  responseDue: string | null;
  status: string;
  reply: string | null;
  overdueDays: number;
  version: number;
  can: { reply: boolean };
}

describe.each(dialects)('follow-through on $name', (dialect) => {
  // The world is built on Monday 15 June 2026; tests move the clock on from there.
  let now = new Date('2026-06-15T04:00:00Z');
  const callers = ['admin', 'office', 'leader', 'reporter1', 'head2', 'reporter2'] as const;
  const suite = worldSuite(dialect, [], () => now);
  const cookies = {} as Record<(typeof callers)[number], string>;
  /** Moves the clock, and signs everyone in again: a session idle for days has expired. */
  const at = async (iso: string) => {
    now = new Date(iso);
    for (const c of callers) cookies[c] = await login(suite.w.app, suite.w.usernames[c]);
  };

  const issue = (taskId: string, payload: object) =>
    send(suite.w.app, cookies.office, { method: 'POST', url: `/api/tasks/${taskId}/notices`, payload });
  const notices = async (cookie: string, query = '') =>
    (
      await ok(suite.w.app, cookie, { method: 'GET', url: `/api/regions/${suite.w.regionA}/notices${query}` })
    ).json<NoticeJson[]>();

  it('counts a notice’s default deadline in working days, skipping the Dragon Boat Festival', async () => {
    await at('2026-06-15T04:00:00Z');
    const res = await issue(suite.w.tasks.dept1, { kind: 'urge', body: '请于5个工作日内报送进展' });
    expect(res.statusCode).toBe(201);
    // 16, 17, 18 June; 19 June (端午) and the weekend off; 22, 23 June.
    expect(res.json<NoticeJson>()).toMatchObject({ responseDue: '2026-06-23', overdueDays: 0 });
  });

  it('takes the deadline the office chooses, as working days or a date, and refuses one in the past or both', async () => {
    await at('2026-06-15T04:00:00Z');
    const days = await issue(suite.w.tasks.dept1, { kind: 'supervise', body: '限期整改', workingDays: 4 });
    expect(days.json<NoticeJson>().responseDue).toBe('2026-06-22');
    const date = await issue(suite.w.tasks.dept1, {
      kind: 'reminder',
      body: '按时报送',
      responseDue: '2026-07-01',
    });
    expect(date.json<NoticeJson>().responseDue).toBe('2026-07-01');

    const past = await issue(suite.w.tasks.dept1, {
      kind: 'reminder',
      body: '按时报送',
      responseDue: '2026-06-14',
    });
    expect([past.statusCode, past.json().error.reason]).toEqual([400, 'deadline.in_past']);
    const both = await issue(suite.w.tasks.dept1, {
      kind: 'reminder',
      body: '按时报送',
      responseDue: '2026-07-01',
      workingDays: 3,
    });
    expect([both.statusCode, both.json().error.reason]).toEqual([400, 'deadline.both']);
    for (const workingDays of [0, 1.5, 1000]) {
      const bad = await issue(suite.w.tasks.dept1, { kind: 'reminder', body: '按时报送', workingDays });
      expect(bad.statusCode).toBe(400);
    }
  });

  it('marks an unanswered notice overdue once its deadline has passed, and filters the list by it', async () => {
    await at('2026-06-15T04:00:00Z');
    const late = (
      await issue(suite.w.tasks.dept2, { kind: 'listed', body: '挂牌督办', workingDays: 1 })
    ).json<NoticeJson>();
    const answered = (
      await issue(suite.w.tasks.dept2, { kind: 'urge', body: '催办', workingDays: 1 })
    ).json<NoticeJson>();
    expect(late.responseDue).toBe('2026-06-16');
    await ok(suite.w.app, cookies.reporter2, {
      method: 'POST',
      url: `/api/notices/${answered.id}/respond`,
      payload: { response: '已报送' },
    });

    await at('2026-06-20T04:00:00Z');
    const overdue = await notices(cookies.office, '?overdue=true');
    expect(overdue.map((n) => n.id)).toContain(late.id);
    expect(overdue.map((n) => n.id)).not.toContain(answered.id);
    expect(overdue.find((n) => n.id === late.id)!.overdueDays).toBe(4);
    expect(overdue.every((n) => n.overdueDays > 0 && n.status === 'issued')).toBe(true);
    // The unit sees the same mark in its inbox.
    const inbox = await notices(cookies.reporter2);
    expect(inbox.find((n) => n.id === late.id)!.overdueDays).toBe(4);
    expect(inbox.find((n) => n.id === answered.id)!.overdueDays).toBe(0);
    // And the task page too.
    const task = (
      await ok(suite.w.app, cookies.office, { method: 'GET', url: `/api/tasks/${suite.w.tasks.dept2}` })
    ).json<{
      notices: NoticeJson[];
    }>();
    expect(task.notices.find((n) => n.id === late.id)!.overdueDays).toBe(4);
  });

  it('filters the notice list by unit, kind and open, within what the caller may see', async () => {
    await at('2026-06-20T04:00:00Z');
    const all = await notices(cookies.office);
    const byUnit = await notices(cookies.office, `?unitId=${suite.w.units.dept2}`);
    expect(byUnit.length).toBeGreaterThan(0);
    expect(byUnit.every((n) => n.unitId === suite.w.units.dept2)).toBe(true);
    expect(byUnit.length).toBe(all.filter((n) => n.unitId === suite.w.units.dept2).length);
    const listed = await notices(cookies.office, '?kind=listed');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((n) => n.kind === 'listed')).toBe(true);

    const closing = all.find((n) => n.kind === 'reminder')!;
    await ok(suite.w.app, cookies.office, { method: 'POST', url: `/api/notices/${closing.id}/close` });
    const open = await notices(cookies.office, '?open=true');
    expect(open.map((n) => n.id)).not.toContain(closing.id);
    expect(open.length).toBe(all.length - 1);

    // A unit asking for another unit's notices gets none; its own filter still applies.
    expect(await notices(cookies.reporter1, `?unitId=${suite.w.units.dept2}`)).toEqual([]);
    const own = await notices(cookies.reporter1, `?unitId=${suite.w.units.dept1}`);
    expect(own.length).toBeGreaterThan(0);
    for (const bad of ['?kind=scold', '?overdue=yes', '?open=1', '?color=red']) {
      const res = await send(suite.w.app, cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/notices${bad}`,
      });
      expect([bad, res.statusCode]).toEqual([bad, 400]);
    }
  });

  it('addresses a leader’s instruction to the lead unit, which replies; the leader and the office see the reply', async () => {
    await at('2026-06-15T04:00:00Z');
    const res = await send(suite.w.app, cookies.leader, {
      method: 'POST',
      url: `/api/tasks/${suite.w.tasks.dept2}/instructions`,
      payload: { body: '请教育局月底前拿出评价方案', workingDays: 3 },
    });
    expect(res.statusCode).toBe(201);
    const instruction = res.json<InstructionJson>();
    expect(instruction).toMatchObject({
      unitId: suite.w.units.dept2,
      unitName: '区教育局',
      responseDue: '2026-06-18',
      status: 'issued',
      reply: null,
      can: { reply: false },
    });

    const inbox = (
      await ok(suite.w.app, cookies.reporter2, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/instructions?open=true`,
      })
    ).json<InstructionJson[]>();
    expect(inbox.map((i) => i.id)).toContain(instruction.id);
    expect(inbox.find((i) => i.id === instruction.id)!.can.reply).toBe(true);
    // The co-operating unit reads the task but is not asked: the instruction is not in its inbox.
    const coInbox = (
      await ok(suite.w.app, cookies.reporter1, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/instructions`,
      })
    ).json<InstructionJson[]>();
    expect(coInbox.map((i) => i.id)).not.toContain(instruction.id);
    const intruder = await send(suite.w.app, cookies.reporter1, {
      method: 'POST',
      url: `/api/instructions/${instruction.id}/reply`,
      payload: { reply: '代为回复' },
    });
    expect(intruder.statusCode).toBe(404);

    // Past the deadline, unanswered: overdue for everyone who sees it.
    await at('2026-06-22T04:00:00Z');
    const overdue = (
      await ok(suite.w.app, cookies.office, {
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/instructions?overdue=true`,
      })
    ).json<InstructionJson[]>();
    expect(overdue.find((i) => i.id === instruction.id)?.overdueDays).toBe(4);

    const replied = await send(suite.w.app, cookies.head2, {
      method: 'POST',
      url: `/api/instructions/${instruction.id}/reply`,
      headers: { 'if-match': `"${instruction.version}"` },
      payload: { reply: '评价方案初稿已完成，6月底前印发' },
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json<InstructionJson>()).toMatchObject({ status: 'replied', overdueDays: 0 });
    const again = await send(suite.w.app, cookies.reporter2, {
      method: 'POST',
      url: `/api/instructions/${instruction.id}/reply`,
      payload: { reply: '再次回复' },
    });
    expect([again.statusCode, again.json().error.reason]).toEqual([409, 'instruction.replied']);

    for (const cookie of [cookies.leader, cookies.office]) {
      const task = (
        await ok(suite.w.app, cookie, { method: 'GET', url: `/api/tasks/${suite.w.tasks.dept2}` })
      ).json<{ instructions: InstructionJson[] }>();
      expect(task.instructions.find((i) => i.id === instruction.id)?.reply).toBe(
        '评价方案初稿已完成，6月底前印发',
      );
    }
  });

  it('lets the leader address a co-operating unit, never a unit outside the task; no deadline by default', async () => {
    await at('2026-06-15T04:00:00Z');
    const post = (payload: object) =>
      send(suite.w.app, cookies.leader, {
        method: 'POST',
        url: `/api/tasks/${suite.w.tasks.dept2}/instructions`,
        payload,
      });
    const toCo = await post({ body: '请发改局配合', unitId: suite.w.units.dept1 });
    expect(toCo.statusCode).toBe(201);
    expect(toCo.json<InstructionJson>()).toMatchObject({
      unitId: suite.w.units.dept1,
      responseDue: null,
      overdueDays: 0,
    });
    const toOther = await post({ body: '请东城街道配合', unitId: suite.w.units.town1 });
    expect([toOther.statusCode, toOther.json().error.reason]).toEqual([
      400,
      'instruction.addressee_not_on_task',
    ]);
    const past = await post({ body: '限期', responseDue: '2026-06-01' });
    expect([past.statusCode, past.json().error.reason]).toEqual([400, 'deadline.in_past']);
  });

  it('reads a year of the holiday calendar, and lets only the administrator replace one', async () => {
    await at('2026-12-28T04:00:00Z');
    const shipped = (
      await ok(suite.w.app, cookies.office, { method: 'GET', url: '/api/calendar/years/2026' })
    ).json();
    expect(shipped).toMatchObject({ year: 2026, status: 'published', stored: false });
    expect(shipped.workdays).toContainEqual({ name: '国庆节', date: '2026-10-10' });
    const unknown = (
      await ok(suite.w.app, cookies.office, { method: 'GET', url: '/api/calendar/years/2027' })
    ).json();
    expect(unknown).toMatchObject({ status: 'unknown', holidays: [] });

    // Monday 28 December + 5 working days runs into 2027: weekends only, flagged unknown.
    const before = (
      await ok(suite.w.app, cookies.office, {
        method: 'GET',
        url: '/api/calendar/deadline?workingDays=5',
      })
    ).json();
    expect(before).toEqual({ from: '2026-12-28', due: '2027-01-04', known: false });

    const year2027 = {
      status: 'published',
      source: '测试用的2027年安排',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      workdays: [],
    };
    const put = (cookie: string, body: object) =>
      send(suite.w.app, cookie, { method: 'PUT', url: '/api/calendar/years/2027', payload: body });
    expect((await put(cookies.office, year2027)).statusCode).toBe(403);
    const bad = await put(cookies.admin, {
      ...year2027,
      workdays: [{ name: '元旦', date: '2027-01-05' }],
    });
    expect([bad.statusCode, bad.json().error.reason]).toEqual([400, 'calendar.invalid']);
    const stored = await put(cookies.admin, year2027);
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({ year: 2027, status: 'published', stored: true });

    // The new year counts at once: 1 January 2027 (a Friday) is now off.
    const after = (
      await ok(suite.w.app, cookies.office, {
        method: 'GET',
        url: '/api/calendar/deadline?workingDays=5',
      })
    ).json();
    expect(after).toEqual({ from: '2026-12-28', due: '2027-01-05', known: true });
    const notice = await issue(suite.w.tasks.dept1, { kind: 'urge', body: '年底催办' });
    expect(notice.json<NoticeJson>().responseDue).toBe('2027-01-05');
  });

  it('gives the automatic notices a deadline in working days too', async () => {
    await at('2026-09-30T04:00:00Z');
    await runEscalation({ ...suite.w.ctx, now: () => now });
    const auto = await suite.storage.db
      .selectFrom('notices')
      .select(['kind', 'response_due', 'body'])
      .where('issued_by', 'is', null)
      .execute();
    expect(auto.length).toBeGreaterThan(0);
    // From 30 September: 8 October is the first working day after National Day, 10 October (调休) the third.
    for (const n of auto) expect(n.response_due).toBe(n.kind === 'urge' ? '2026-10-13' : '2026-10-10');
    expect(auto.filter((n) => n.kind === 'supervise').every((n) => n.body.includes('3个工作日'))).toBe(true);
  });
});
