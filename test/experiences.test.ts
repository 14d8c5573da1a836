/**
 * The experience library through the API: a unit proposes from its task, the office returns or accepts,
 * an accepted experience (and only an accepted one) is found from every region by its Chinese words —
 * the same answers on both dialects — and another region's office records its adoption, which the source
 * region sees.
 */
import { describe, expect, it } from 'vitest';
import { listAcceptedExperiencesForAssessment } from '../src/db/repositories/experience-repository.js';
import { multipart, ok, send, tinyPdf } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

interface ExperienceJson {
  id: string;
  regionName: string;
  status: string;
  areaTitle: string | null;
  year: number;
  returnReason: string | null;
  adoptionCount: number;
  version: number;
  can: { edit: boolean; decide: boolean; adopt: boolean };
  files?: { id: string }[];
  adoptions?: { regionName: string; taskTitle: string; adoptedBy: string }[];
}

interface LibraryJson {
  terms: string[];
  total: number;
  items: ExperienceJson[];
  facets: { regions: { id: string; name: string }[]; areaTitles: string[]; years: number[] };
}

const FIRST = {
  title: '“一件事一次办”集成改革',
  reason: '群众办事需在多个部门之间往返，材料重复提交。',
  measures: '梳理高频事项清单，推行一窗受理、并联审批，数据共享替代纸质证明。',
  effects: '平均办理时间压缩六成，群众跑腿次数明显减少。',
  abstract: '以一件事为牵引，打通部门数据壁垒，实现一次告知、一表申请、一窗受理。',
};
const SECOND = {
  title: '校外培训监管闭环',
  reason: '校外培训机构点多面广，日常监管力量不足。',
  measures: '建立资金监管账户，联合执法，信用评价结果向社会公开。',
  effects: '预收费全部纳入监管，投诉量同比下降。',
  abstract: '以资金监管为抓手，形成审批、监管、执法闭环。',
};

describe.each(dialects)('experience library on $name', (dialect) => {
  const callers = ['office', 'viewer', 'reporter1', 'reporter2', 'head2', 'officeB', 'reporterB'] as const;
  const s = worldSuite(dialect, callers);
  const app = () => s.w.app;
  const propose = (cookie: string, taskId: string, payload: object) =>
    send(app(), cookie, { method: 'POST', url: `/api/tasks/${taskId}/experiences`, payload });
  const library = async (cookie: string, query = '') =>
    (await ok(app(), cookie, { method: 'GET', url: `/api/experiences${query}` })).json<LibraryJson>();
  const accept = (id: string) =>
    ok(app(), s.cookies.office, { method: 'POST', url: `/api/experiences/${id}/accept` });
  let first: ExperienceJson;
  let second: ExperienceJson;

  it('takes a proposal from the lead unit only, with a short abstract', async () => {
    expect((await propose(s.cookies.reporter1, s.w.tasks.dept2, FIRST)).statusCode).toBe(403);
    expect((await propose(s.cookies.office, s.w.tasks.dept2, FIRST)).statusCode).toBe(403);
    const long = await propose(s.cookies.reporter2, s.w.tasks.dept2, {
      ...FIRST,
      abstract: '摘'.repeat(401),
    });
    expect(long.statusCode).toBe(400);
    expect((await propose(s.cookies.reporter2, s.w.tasks.dept2, { ...FIRST, title: '' })).statusCode).toBe(
      400,
    );
    const res = await propose(s.cookies.reporter2, s.w.tasks.dept2, FIRST);
    expect(res.statusCode).toBe(201);
    first = res.json<ExperienceJson>();
    expect(first).toMatchObject({ status: 'proposed', areaTitle: '深化经济体制改革', year: 2026 });
    second = (await propose(s.cookies.reporter1, s.w.tasks.dept1, SECOND)).json<ExperienceJson>();
    const file = await send(app(), s.cookies.reporter2, {
      method: 'POST',
      url: `/api/experiences/${first.id}/files`,
      ...multipart('经验材料.pdf', tinyPdf('experience'), 'application/pdf'),
    });
    expect(file.statusCode).toBe(201);
  });

  it('keeps a proposal inside its region and its unit', async () => {
    expect(
      (await send(app(), s.cookies.officeB, { method: 'GET', url: `/api/experiences/${first.id}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(app(), s.cookies.reporter1, { method: 'GET', url: `/api/experiences/${first.id}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(app(), s.cookies.viewer, { method: 'GET', url: `/api/experiences/${first.id}` }))
        .statusCode,
    ).toBe(200);
    expect((await library(s.cookies.officeB, '?q=一次办')).total).toBe(0);
    expect((await library(s.cookies.office)).total).toBe(0);
    const mine = await ok(app(), s.cookies.reporter1, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/experiences`,
    });
    expect(mine.json<ExperienceJson[]>().map((e) => e.id)).toEqual([second.id]);
    expect(
      (
        await send(app(), s.cookies.officeB, {
          method: 'POST',
          url: `/api/experiences/${first.id}/adoptions`,
          payload: { taskId: s.w.tasks.regionB },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('returns a proposal with a reason; the unit revises it and it comes back', async () => {
    const url = `/api/experiences/${first.id}`;
    expect(
      (await send(app(), s.cookies.office, { method: 'POST', url: `${url}/return`, payload: { reason: '' } }))
        .statusCode,
    ).toBe(400);
    const returned = await ok(app(), s.cookies.office, {
      method: 'POST',
      url: `${url}/return`,
      payload: { reason: '请补充量化成效' },
    });
    expect(returned.json<ExperienceJson>()).toMatchObject({
      status: 'returned',
      returnReason: '请补充量化成效',
    });
    expect((await send(app(), s.cookies.office, { method: 'POST', url: `${url}/accept` })).statusCode).toBe(
      409,
    );
    const version = returned.json<ExperienceJson>().version;
    const stale = await send(app(), s.cookies.reporter2, {
      method: 'PATCH',
      url,
      headers: { 'if-match': `"${version - 1}"` },
      payload: { effects: '过时' },
    });
    expect(stale.statusCode).toBe(412);
    const revised = await ok(app(), s.cookies.reporter2, {
      method: 'PATCH',
      url,
      headers: { 'if-match': `"${version}"` },
      payload: { effects: `${FIRST.effects}办理时间由5天压缩至2天。` },
    });
    expect(revised.json<ExperienceJson>()).toMatchObject({ status: 'proposed', returnReason: null });
  });

  it('finds accepted experiences from every region by words of two, three or more characters', async () => {
    await accept(first.id);
    await accept(second.id);
    const frozen = await send(app(), s.cookies.reporter2, {
      method: 'PATCH',
      url: `/api/experiences/${first.id}`,
      headers: { 'if-match': '"99"' },
      payload: { title: '改' },
    });
    expect(frozen.statusCode).toBe(409);
    const ids = async (q: string, extra = '') =>
      (await library(s.cookies.officeB, `?q=${encodeURIComponent(q)}${extra}`)).items.map((e) => e.id);
    // The same answers, in the same order, whichever database holds them.
    expect(await ids('一次办')).toEqual([first.id]);
    expect(await ids('监管')).toEqual([second.id]);
    expect(await ids('闭环')).toEqual([second.id]);
    // A tie in score and in acceptance time (the clock stands still here) falls back to the id.
    expect(await ids('审批')).toEqual([first.id, second.id]);
    expect(await ids('受理 数据')).toEqual([first.id]);
    expect(await ids('窗')).toEqual([first.id]);
    // Two bigrams present, never side by side: no match.
    expect(await ids('一窗审批')).toEqual([]);
    expect(await ids('区块链')).toEqual([]);
    expect(await ids('，。')).toHaveLength(2);
    expect(await ids('', `&regionId=${s.w.regionB}`)).toEqual([]);
    expect(await ids('', '&year=2025')).toEqual([]);
    expect((await ids('', `&area=${encodeURIComponent('深化经济体制改革')}&year=2026`)).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(
      (await send(app(), s.cookies.officeB, { method: 'GET', url: '/api/experiences?year=26' })).statusCode,
    ).toBe(400);
    const all = await library(s.cookies.reporterB);
    expect(all.facets).toEqual({
      regions: [{ id: s.w.regionA, name: '测试区' }],
      areaTitles: ['深化经济体制改革'],
      years: [2026],
    });
    expect(
      (await send(app(), s.cookies.reporterB, { method: 'GET', url: `/api/experiences/${first.id}` }))
        .statusCode,
    ).toBe(200);
  });

  it('records another region’s adoption once, which the source region sees', async () => {
    const adopt = (cookie: string, taskId: string) =>
      send(app(), cookie, {
        method: 'POST',
        url: `/api/experiences/${first.id}/adoptions`,
        payload: { taskId, note: '参照其清单梳理本区高频事项' },
      });
    expect((await adopt(s.cookies.office, s.w.tasks.dept1)).statusCode).toBe(403);
    expect((await adopt(s.cookies.reporterB, s.w.tasks.regionB)).statusCode).toBe(403);
    expect((await adopt(s.cookies.officeB, s.w.tasks.dept1)).statusCode).toBe(403);
    const res = await adopt(s.cookies.officeB, s.w.tasks.regionB);
    expect(res.statusCode).toBe(201);
    expect(res.json<ExperienceJson>().adoptions).toEqual([
      expect.objectContaining({ regionName: '邻近区', taskTitle: '邻区任务', adoptedBy: 'b.office' }),
    ]);
    expect((await adopt(s.cookies.officeB, s.w.tasks.regionB)).statusCode).toBe(409);
    const atSource = await ok(app(), s.cookies.viewer, {
      method: 'GET',
      url: `/api/experiences/${first.id}`,
    });
    expect(atSource.json<ExperienceJson>()).toMatchObject({
      adoptionCount: 1,
      adoptions: [{ regionName: '邻近区' }],
    });
    expect(atSource.json<ExperienceJson>().files).toHaveLength(1);
  });

  it('gives the assessment the experiences accepted in a period', async () => {
    const got = await listAcceptedExperiencesForAssessment(
      s.storage.db,
      s.w.regionA,
      '2026-06-01',
      '2026-06-30',
    );
    expect(got.map((g) => g.experienceId).sort()).toEqual([first.id, second.id].sort());
    expect(got.find((g) => g.experienceId === first.id)?.unitId).toBe(s.w.units.dept2);
    expect(
      await listAcceptedExperiencesForAssessment(s.storage.db, s.w.regionA, '2026-07-01', '2026-09-30'),
    ).toEqual([]);
    expect(
      await listAcceptedExperiencesForAssessment(s.storage.db, s.w.regionB, '2026-01-01', '2026-12-31'),
    ).toEqual([]);
  });
});
