import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// The world's clock stands at 2026-06-15.

interface Settings {
  projectReportDueDay: number;
  projectStageLabels: Record<string, string>;
  directiveDays: Record<string, number>;
  version: number;
  can: { edit: boolean };
}
interface Project {
  id: string;
  stageLabels: Record<string, string>;
  reporting: {
    dueDay: number;
    month: string;
    dueOn: string;
    overdue: boolean;
    late: { month: string; daysLate: number }[];
  };
}

const labels = {
  planning: '谋划',
  reserve: '新储备',
  signed: '签约',
  started: '新动工',
  operating: '新投产',
};
const body = {
  projectReportDueDay: 10,
  projectStageLabels: labels,
  directiveDays: { deployed: 2, acting: 10, effect: 40 },
};

describe.each(dialects)('a region’s settings on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2', 'officeB', 'viewer']);
  const url = () => `/api/regions/${s.w.regionA}/settings`;
  const read = async (cookie = s.cookies.office) =>
    (await ok(s.w.app, cookie, { method: 'GET', url: url() })).json<Settings>();
  const put = (cookie: string, version: number, payload: Record<string, unknown>) =>
    send(s.w.app, cookie, { method: 'PUT', url: url(), headers: { 'if-match': `"${version}"` }, payload });

  async function newProject(): Promise<Project> {
    const res = await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/projects`,
      payload: {
        name: '智能装备产业园',
        stage: 'reserve',
        stageDate: '2026-01-10',
        nature: 'new',
        level: 'district',
        yearPlan: 1200,
        planYear: 2026,
        leadUnitId: s.w.units.dept2,
      },
    });
    return res.json<Project>();
  }
  const project = async (id: string) =>
    (await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/projects/${id}` })).json<Project>();

  it('starts from the defaults, which every reader of the region sees and only the office may edit', async () => {
    const office = await read();
    expect(office).toMatchObject({
      projectReportDueDay: 25,
      projectStageLabels: {
        planning: '谋划',
        reserve: '储备',
        signed: '签约',
        started: '开工',
        operating: '投产',
      },
      directiveDays: { deployed: 1, acting: 7, effect: 30 },
      can: { edit: true },
    });
    expect((await read(s.cookies.reporter2)).can.edit).toBe(false);
    const refused = await put(s.cookies.reporter2, office.version, body);
    expect(refused.statusCode).toBe(403);
    const other = await send(s.w.app, s.cookies.officeB, { method: 'GET', url: url() });
    expect(other.statusCode).toBe(403);
  });

  it('the office saves them: lists and pages name the stages so, and lateness follows the due day', async () => {
    const before = await read();
    const saved = await put(s.cookies.office, before.version, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Settings>()).toMatchObject({ ...body, version: before.version + 1 });

    const p = await newProject();
    const list = await ok(s.w.app, s.cookies.viewer, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/projects`,
    });
    expect(list.json<{ stageLabels: Record<string, string> }>().stageLabels).toEqual(labels);

    // June's report was due on the 10th: on the 15th, with none, it is overdue.
    expect((await project(p.id)).reporting).toEqual({
      dueDay: 10,
      month: '2026-06',
      dueOn: '2026-06-10',
      overdue: true,
      late: [],
    });
    for (const month of ['2026-05', '2026-06']) {
      const res = await send(s.w.app, s.cookies.reporter2, {
        method: 'POST',
        url: `/api/projects/${p.id}/reports`,
        payload: { month, investment: 100 },
      });
      expect(res.statusCode).toBe(200);
    }
    const after = await project(p.id);
    expect(after.stageLabels).toEqual(labels);
    expect(after.reporting.overdue).toBe(false);
    // Sent on 06-15: May's (due 05-10) 36 days late, June's (due 06-10) 5 days late.
    expect(after.reporting.late).toEqual([
      { month: '2026-05', daysLate: 36 },
      { month: '2026-06', daysLate: 5 },
    ]);

    // The checkpoints of a directive follow the saved offsets.
    expect((await read()).directiveDays).toEqual(body.directiveDays);
  });

  it.each([
    [{ ...body, projectReportDueDay: 0 }, 'settings.due_day_out_of_range', 'projectReportDueDay'],
    [{ ...body, projectReportDueDay: 32 }, 'settings.due_day_out_of_range', 'projectReportDueDay'],
    [
      { ...body, projectStageLabels: { ...labels, signed: ' ' } },
      'settings.stage_label_blank',
      'projectStageLabels.signed',
    ],
    [
      { ...body, projectStageLabels: { ...labels, signed: '新储备' } },
      'settings.stage_labels_repeat',
      'projectStageLabels',
    ],
    [
      { ...body, directiveDays: { deployed: 9, acting: 7, effect: 30 } },
      'settings.directive_days_out_of_order',
      'directiveDays',
    ],
    [
      { ...body, directiveDays: { deployed: 1, acting: 7, effect: 400 } },
      'settings.directive_days_out_of_range',
      'directiveDays.effect',
    ],
  ])('refuses %j with its reason and changes nothing', async (payload, reason, field) => {
    const before = await read();
    const res = await put(s.cookies.office, before.version, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: unknown }>().error).toMatchObject({ reason, details: { field } });
    expect(await read()).toEqual(before);
  });

  it('answers a stale version with 412 and the settings as they are', async () => {
    const before = await read();
    const res = await put(s.cookies.office, before.version - 1 + 100, body);
    expect(res.statusCode).toBe(412);
    expect(await read()).toEqual(before);
  });
});
