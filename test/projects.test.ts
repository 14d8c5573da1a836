import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// The world's clock stands at 2026-06-15: 序时 of June is 50%.

interface Project {
  id: string;
  stage: string;
  version: number;
  figures: { yearToDate: number; completion: number | null; lag: number; status: string; sinceStart: number };
  moves: { from: string | null; to: string; movedOn: string; reason: string }[];
  milestones: { id: string; name: string; version: number }[];
  reports: { id: string; month: string; investment: number; status: string }[];
  problems: { id: string; text: string; version: number; resolution: string | null }[];
}
interface List {
  totals: { count: number; yearPlan: number; yearToDate: number; completion: number | null; elapsed: number };
  items: { id: string; figures: { status: string } }[];
}

describe.each(dialects)('key projects on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2', 'reporter1', 'officeB', 'viewer']);

  async function newProject(body: Record<string, unknown> = {}): Promise<Project> {
    const res = await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/projects`,
      payload: {
        name: '新能源电池材料项目',
        stage: 'started',
        stageDate: '2026-02-10',
        nature: 'new',
        level: 'city',
        category: '产业项目',
        town: '东城街道',
        totalInvestment: 50000,
        yearPlan: 12000,
        planYear: 2026,
        investedBefore: 3000,
        leadUnitId: s.w.units.dept2,
        ...body,
      },
    });
    return res.json<Project>();
  }
  const read = async (id: string) =>
    (
      await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/projects/${id}?month=2026-06` })
    ).json<Project>();
  const reportMonth = (cookie: string, id: string, payload: Record<string, unknown>) =>
    send(s.w.app, cookie, { method: 'POST', url: `/api/projects/${id}/reports`, payload });
  const move = (id: string, version: number, payload: Record<string, unknown>) =>
    send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/projects/${id}/stage`,
      headers: { 'if-match': `"${version}"` },
      payload,
    });

  it('starts with its stage move and the default roadmap', async () => {
    const p = await newProject();
    expect(p.moves).toEqual([{ from: null, to: 'started', movedOn: '2026-02-10', reason: '' }]);
    expect(p.milestones.map((m) => m.name)).toEqual([
      '立项',
      '用地',
      '规划许可',
      '施工许可',
      '开工',
      '主体封顶',
      '竣工',
      '投产',
    ]);
  });

  it('the lead unit reports months; the colour follows investment against 序时; the office confirms', async () => {
    const p = await newProject();
    for (const [month, investment] of [
      ['2026-04', 2000],
      ['2026-05', 1500],
    ] as const)
      expect(
        (await reportMonth(s.cookies.reporter2, p.id, { month, investment, progress: '主体施工' }))
          .statusCode,
      ).toBe(200);
    let now = await read(p.id);
    // 3500 / 12000 = 29.2% against 50%: 20.8 points behind, red.
    expect(now.figures).toMatchObject({
      yearToDate: 3500,
      completion: 29.2,
      lag: 20.8,
      status: 'delayed',
      sinceStart: 6500,
    });
    const res = await reportMonth(s.cookies.reporter2, p.id, {
      month: '2026-06',
      investment: 1500,
      problems: [{ text: '施工用电容量不足', owner: '区供电公司', deadline: '2026-07-10' }],
    });
    expect(res.statusCode).toBe(200);
    now = await read(p.id);
    // 5000 / 12000 = 41.7%: 8.3 behind, green.
    expect(now.figures.status).toBe('on_track');
    expect(now.problems.map((x) => x.text)).toEqual(['施工用电容量不足']);
    const june = now.reports.find((r) => r.month === '2026-06')!;
    const confirmed = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/project-reports/${june.id}/confirm`,
    });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed' });
    const late = await reportMonth(s.cookies.reporter2, p.id, { month: '2026-06', investment: 9 });
    expect(late.json().error.reason).toBe('project.report_confirmed');
    const problem = now.problems[0]!;
    const resolved = await send(s.w.app, s.cookies.reporter2, {
      method: 'PATCH',
      url: `/api/project-problems/${problem.id}`,
      headers: { 'if-match': `"${problem.version}"` },
      payload: { resolution: '已增容至2000千伏安', resolvedOn: '2026-06-12' },
    });
    expect(resolved.json()).toMatchObject({ resolution: '已增容至2000千伏安' });
  });

  it('refuses bad months and changes nothing', async () => {
    const p = await newProject();
    const cases: [Record<string, unknown>, string][] = [
      [{ month: '2026-05', investment: -10 }, 'project.investment_negative'],
      [{ month: '2026-07', investment: 10 }, 'project.month_future'],
    ];
    for (const [body, reason] of cases) {
      const res = await reportMonth(s.cookies.reporter2, p.id, body);
      expect([res.statusCode, res.json().error.reason]).toEqual([400, reason]);
    }
    expect(
      (await reportMonth(s.cookies.reporter1, p.id, { month: '2026-05', investment: 1 })).statusCode,
    ).toBe(403);
    expect((await reportMonth(s.cookies.officeB, p.id, { month: '2026-05', investment: 1 })).statusCode).toBe(
      403,
    );
    expect((await read(p.id)).reports).toEqual([]);
  });

  it('moves stages forward with a date, and back only with a reason', async () => {
    const p = await newProject({ stage: 'reserve', stageDate: '2026-01-05' });
    const fwd = await move(p.id, p.version, { stage: 'signed', date: '2026-03-01' });
    expect(fwd.statusCode).toBe(200);
    const signed = fwd.json<Project>();
    const back = await move(p.id, signed.version, { stage: 'reserve', date: '2026-04-01' });
    expect([back.statusCode, back.json().error.reason]).toEqual([400, 'project.stage_reason_required']);
    const future = await move(p.id, signed.version, { stage: 'started', date: '2026-07-01' });
    expect(future.json().error.reason).toBe('project.date_future');
    expect((await read(p.id)).stage).toBe('signed');
    const withReason = await move(p.id, signed.version, {
      stage: 'reserve',
      date: '2026-04-01',
      reason: '投资方调整方案',
    });
    expect(withReason.json<Project>().moves.at(-1)).toMatchObject({
      from: 'signed',
      to: 'reserve',
      reason: '投资方调整方案',
    });
    const stale = await move(p.id, signed.version, { stage: 'signed', date: '2026-05-01' });
    expect(stale.statusCode).toBe(412);
  });

  it('a project with no plan this year is neither counted in the plan nor behind', async () => {
    const p = await newProject({ yearPlan: null, category: '无计划类', stage: 'signed' });
    await reportMonth(s.cookies.reporter2, p.id, { month: '2026-05', investment: 100 });
    const list = (
      await ok(s.w.app, s.cookies.viewer, {
        method: 'GET',
        url: `/api/regions/${s.w.regionA}/projects?category=无计划类&month=2026-06`,
      })
    ).json<List>();
    expect(list.totals).toMatchObject({
      count: 1,
      yearPlan: 0,
      yearToDate: 100,
      completion: null,
      elapsed: 50,
    });
    expect(list.items[0]!.figures.status).toBe('on_track');
  });

  it('lists with filters and totals, and the year’s conversion', async () => {
    await newProject({ category: '统计类', level: 'province', yearPlan: 1000 });
    await newProject({ category: '统计类', level: 'district', yearPlan: 3000 });
    const list = (
      await ok(s.w.app, s.cookies.office, {
        method: 'GET',
        url: `/api/regions/${s.w.regionA}/projects?category=统计类&level=province`,
      })
    ).json<List>();
    expect(list.totals).toMatchObject({ count: 1, yearPlan: 1000 });
    const conv = (
      await ok(s.w.app, s.cookies.office, {
        method: 'GET',
        url: `/api/regions/${s.w.regionA}/project-conversion?year=2026`,
      })
    ).json<{ newSigned: number; newStarted: number }>();
    expect(conv.newStarted).toBeGreaterThan(0);
    expect(
      (await send(s.w.app, s.cookies.officeB, { method: 'GET', url: `/api/regions/${s.w.regionA}/projects` }))
        .statusCode,
    ).toBe(403);
  });
});
