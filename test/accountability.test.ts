/**
 * 问责 and 容错免责 through the API: the office records accountability on a unit or a person, oversight
 * reads every record of the region, a unit only its own; a unit applies for fault tolerance under the
 * 三个区分开来 with evidence, the office decides once, and a granted request reaches the assessment.
 */
import { describe, expect, it } from 'vitest';
import { listExemptions } from '../src/db/repositories/accountability-repository.js';
import { multipart, ok, send, tinyPdf } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

interface RecordJson {
  id: string;
  unitId: string;
  personName: string | null;
  kind: string;
  measures: string[];
  taskCode: string | null;
  version: number;
  can: { edit: boolean };
}

interface ToleranceJson {
  id: string;
  status: string;
  version: number;
  files?: { id: string }[];
  can: { attach: boolean; decide: boolean };
}

describe.each(dialects)('accountability on $name', (dialect) => {
  const callers = ['office', 'viewer', 'leader', 'reporter1', 'head2', 'reporter2', 'officeB'] as const;
  const s = worldSuite(dialect, callers);
  const app = () => s.w.app;
  const records = (cookie: string) =>
    send(app(), cookie, { method: 'GET', url: `/api/regions/${s.w.regionA}/accountability` });
  const record = (payload: object) =>
    send(app(), s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/accountability`,
      payload,
    });
  const valid = () => ({
    unitId: s.w.units.dept2,
    personName: '张某',
    personPost: '副局长',
    kind: 'person',
    facts: '教育评价改革方案逾期两个月未出台，经两次督办仍未整改。',
    decision: '对分管负责同志进行约谈，并在全区通报批评。',
    decidedBy: '区纪委监委',
    decidedOn: '2026-06-10',
    measures: ['interview', 'criticism'],
    taskId: s.w.tasks.dept2,
  });

  it('records a decision the region’s oversight reads and the unit concerned reads, but no other unit', async () => {
    const res = await record(valid());
    expect(res.statusCode).toBe(201);
    const created = res.json<RecordJson>();
    expect(created).toMatchObject({
      personName: '张某',
      kind: 'person',
      measures: ['interview', 'criticism'],
    });

    for (const who of ['viewer', 'leader', 'office', 'reporter2', 'head2'] as const) {
      const list = (await records(s.cookies[who])).json<RecordJson[]>();
      expect([who, list.some((r) => r.id === created.id)]).toEqual([who, true]);
      const one = await send(app(), s.cookies[who], {
        method: 'GET',
        url: `/api/accountability/${created.id}`,
      });
      expect([who, one.statusCode]).toEqual([who, 200]);
    }
    const other = (await records(s.cookies.reporter1)).json<RecordJson[]>();
    expect(other.some((r) => r.id === created.id)).toBe(false);
    expect(
      (await send(app(), s.cookies.reporter1, { method: 'GET', url: `/api/accountability/${created.id}` }))
        .statusCode,
    ).toBe(404);
    expect((await records(s.cookies.officeB)).statusCode).toBe(403);
    expect(
      (
        await send(app(), s.cookies.viewer, { method: 'GET', url: `/api/accountability/${created.id}` })
      ).json<RecordJson>().can.edit,
    ).toBe(false);
  });

  it.each([
    ['an unknown kind', { kind: 'severe' }, 'request.invalid'],
    ['no measure', { measures: [] }, 'request.invalid'],
    ['an unknown measure', { measures: ['fine'] }, 'request.invalid'],
    ['a date that does not exist', { decidedOn: '2026-02-30' }, 'request.invalid'],
    ['a control character in the facts', { facts: '事实\u0000' }, 'request.invalid'],
    ['a unit of another region', { unitId: 'unit_elsewhere' }, 'unit.unknown'],
    ['a task of another region', { taskId: 'REGION_B_TASK' }, 'accountability.link_unknown'],
    ['an unknown assessment item', { assessmentItemId: 'asa_nope' }, 'accountability.link_unknown'],
  ])('refuses %s and records nothing', async (_label, patch, reason) => {
    const before = (await records(s.cookies.office)).json<RecordJson[]>().length;
    const body = { ...valid(), ...patch } as Record<string, unknown>;
    if (body.unitId === 'unit_elsewhere') body.unitId = s.w.units.deptB;
    if (body.taskId === 'REGION_B_TASK') body.taskId = s.w.tasks.regionB;
    const res = await record(body);
    expect(res.json<{ error: { reason: string } }>().error.reason).toBe(reason);
    expect((await records(s.cookies.office)).json<RecordJson[]>()).toHaveLength(before);
  });

  it('lets no one but the office write, and revises only the version read', async () => {
    for (const who of ['viewer', 'leader', 'head2'] as const) {
      const res = await send(app(), s.cookies[who], {
        method: 'POST',
        url: `/api/regions/${s.w.regionA}/accountability`,
        payload: valid(),
      });
      expect([who, res.statusCode]).toEqual([who, 403]);
    }
    const created = (await record({ ...valid(), personName: '', kind: 'matter' })).json<RecordJson>();
    expect(created.personName).toBeNull();
    const url = `/api/accountability/${created.id}`;
    const patch = { decision: '责令书面检查' };
    expect((await send(app(), s.cookies.office, { method: 'PATCH', url, payload: patch })).statusCode).toBe(
      428,
    );
    const revised = await ok(app(), s.cookies.office, {
      method: 'PATCH',
      url,
      headers: { 'if-match': `"${created.version}"` },
      payload: { ...patch, measures: ['written_review'] },
    });
    expect(revised.json<RecordJson>()).toMatchObject({ measures: ['written_review'], version: 2 });
    const stale = await send(app(), s.cookies.office, {
      method: 'PATCH',
      url,
      headers: { 'if-match': `"${created.version}"` },
      payload: { decision: '覆盖' },
    });
    expect(stale.statusCode).toBe(412);
  });
});

describe.each(dialects)('容错免责 on $name', (dialect) => {
  const callers = ['office', 'viewer', 'reporter1', 'reporter2', 'head2', 'officeB'] as const;
  const s = worldSuite(dialect, callers);
  const app = () => s.w.app;
  const apply = (cookie: string, payload: object) =>
    send(app(), cookie, { method: 'POST', url: `/api/regions/${s.w.regionA}/tolerance-requests`, payload });
  const reasons = {
    situation: '为推进集团化办学，先行试点跨校调配教师，未及时履行备案程序，被挂牌督办。',
    pilotReason: '属于区委部署的先行先试，不是明知故犯。',
    experimentReason: '是探索性试验，无明令禁止的规定。',
    mistakeReason: '属无意过失，未谋取任何私利。',
  };

  it('takes a unit’s case with evidence, decided once by the office, and reports the exemption', async () => {
    const notice = (
      await ok(app(), s.cookies.office, {
        method: 'POST',
        url: `/api/tasks/${s.w.tasks.dept2}/notices`,
        payload: { kind: 'listed', body: '请说明滞后原因' },
      })
    ).json<{ id: string }>();
    const source = { sourceKind: 'notice', sourceId: notice.id };
    // Only the unit the notice is addressed to may ask.
    const wrongUnit = await apply(s.cookies.reporter1, { ...source, ...reasons });
    expect(wrongUnit.json<{ error: { reason: string } }>().error.reason).toBe('tolerance.source_unknown');
    expect(
      (await apply(s.cookies.office, { ...source, ...reasons, unitId: s.w.units.dept2 })).statusCode,
    ).toBe(403);

    const res = await apply(s.cookies.reporter2, { ...source, ...reasons });
    expect(res.statusCode).toBe(201);
    const created = res.json<ToleranceJson>();
    expect(created).toMatchObject({
      status: 'submitted',
      noticeKind: 'listed',
      sourceTask: { id: s.w.tasks.dept2, title: '深化教育评价改革' },
      can: { attach: true, decide: false },
    });
    expect((await apply(s.cookies.head2, { ...source, ...reasons })).statusCode).toBe(409);

    const file = await send(app(), s.cookies.reporter2, {
      method: 'POST',
      url: `/api/tolerance-requests/${created.id}/files`,
      ...multipart('试点批复.pdf', tinyPdf('approval'), 'application/pdf'),
    });
    expect(file.statusCode).toBe(201);
    const fileId = file.json<{ id: string }>().id;
    // Oversight reads the case and its evidence; another unit does not know it exists.
    const asViewer = await ok(app(), s.cookies.viewer, {
      method: 'GET',
      url: `/api/tolerance-requests/${created.id}`,
    });
    expect(asViewer.json<ToleranceJson>().files).toHaveLength(1);
    expect(
      (await send(app(), s.cookies.viewer, { method: 'GET', url: `/api/attachments/${fileId}` })).statusCode,
    ).toBe(200);
    expect(
      (await send(app(), s.cookies.reporter1, { method: 'GET', url: `/api/attachments/${fileId}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await send(app(), s.cookies.reporter1, {
          method: 'GET',
          url: `/api/tolerance-requests/${created.id}`,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await send(app(), s.cookies.officeB, { method: 'GET', url: `/api/tolerance-requests/${created.id}` }))
        .statusCode,
    ).toBe(403);

    const decide = (cookie: string, payload: object) =>
      send(app(), cookie, { method: 'POST', url: `/api/tolerance-requests/${created.id}/decide`, payload });
    expect((await decide(s.cookies.reporter2, { grant: true, note: '自己批准' })).statusCode).toBe(403);
    expect((await decide(s.cookies.office, { grant: true, note: '  ' })).statusCode).toBe(400);
    const granted = await decide(s.cookies.office, { grant: true, note: '符合容错情形，免除该挂牌督办扣分' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json<ToleranceJson>()).toMatchObject({
      status: 'granted',
      can: { attach: false, decide: false },
    });
    expect((await decide(s.cookies.office, { grant: false, note: '改判' })).statusCode).toBe(409);
    const late = await send(app(), s.cookies.reporter2, {
      method: 'POST',
      url: `/api/tolerance-requests/${created.id}/files`,
      ...multipart('补充.pdf', tinyPdf('late'), 'application/pdf'),
    });
    expect(late.json<{ error: { reason: string } }>().error.reason).toBe('attachment.closed');

    expect(await listExemptions(s.storage.db, s.w.regionA)).toEqual([
      {
        unitId: s.w.units.dept2,
        sourceKind: 'notice',
        sourceId: notice.id,
        note: '符合容错情形，免除该挂牌督办扣分',
      },
    ]);
    expect(await listExemptions(s.storage.db, s.w.regionB)).toEqual([]);
  });

  it('lists a unit’s own requests to it, every request to oversight, and refuses half a case', async () => {
    const res = await apply(s.cookies.reporter1, {
      sourceKind: 'task',
      sourceId: s.w.tasks.dept1,
      ...reasons,
    });
    expect(res.statusCode).toBe(201);
    const list = (cookie: string) =>
      ok(app(), cookie, { method: 'GET', url: `/api/regions/${s.w.regionA}/tolerance-requests` }).then((r) =>
        r.json<ToleranceJson[]>(),
      );
    expect((await list(s.cookies.viewer)).length).toBeGreaterThanOrEqual(2);
    expect((await list(s.cookies.reporter1)).map((r) => r.id)).toEqual([res.json<ToleranceJson>().id]);
    const half = { ...reasons, mistakeReason: undefined };
    expect(
      (await apply(s.cookies.reporter1, { sourceKind: 'task', sourceId: s.w.tasks.town1, ...half }))
        .statusCode,
    ).toBe(400);
    expect(
      (await apply(s.cookies.reporter1, { sourceKind: 'task', sourceId: s.w.tasks.town1, ...reasons }))
        .statusCode,
    ).toBe(400);
  });
});
