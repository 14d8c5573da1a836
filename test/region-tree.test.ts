/**
 * Regions in a tree: a city's and a province's office, leaders and viewers read the battle maps and ledgers
 * of the regions below them, with a roll-up per region directly below, and never write there. A sibling
 * region and an unrelated one stay closed, and nobody reads upwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setRegionParent } from '../src/db/repositories/region-repository.js';
import { publishedBulletin } from './helpers/bulletin-fixtures.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { login, PASSWORD, worldSuite } from './helpers/world.js';

interface Laggard {
  targetId: string;
  regionId: string;
  indicator: string;
  result: { status: string; gap: number; text: string };
}

interface RollUpBody {
  region: { id: string };
  total: { total: number; counts: Record<string, number> };
  children: { id: string; name: string; regions: number; total: { total: number; progress: number } }[];
}

describe.each(dialects)('regions in a tree on $name', (dialect) => {
  const suite = worldSuite(dialect, ['admin', 'office', 'reporter1', 'reporter2', 'officeB']);
  const ids = { province: '', city: '', sibling: '' };
  const cookies = { city: '', province: '', sibling: '' };
  /** Region A's own resources, made by its office: what a page below is about. */
  const fx = { project: '', scheme: '', round: '', bulletin: '', report: '' };

  const get = (cookie: string, url: string) => send(suite.w.app, cookie, { method: 'GET', url });

  beforeAll(async () => {
    const admin = suite.cookies.admin;
    const create = async (name: string, kind: string, parentId?: string) => {
      const res = await send(suite.w.app, admin, {
        method: 'POST',
        url: '/api/regions',
        payload: { name, kind, ...(parentId && { parentId }) },
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string; parentId: string | null }>();
    };
    ids.province = (await create('测试省', '省')).id;
    const city = await create('测试市', '市', ids.province);
    expect(city.parentId).toBe(ids.province);
    ids.city = city.id;
    ids.sibling = (await create('邻近市', '市', ids.province)).id;
    // The world's region A comes under the city; region B stays on its own.
    await setRegionParent(suite.storage.db, suite.w.regionA, ids.city);
    for (const [regionId, username, role] of [
      [ids.city, 'city.office', 'office'],
      [ids.province, 'province.leader', 'leader'],
      [ids.sibling, 'sibling.viewer', 'viewer'],
    ] as const) {
      const res = await send(suite.w.app, admin, {
        method: 'POST',
        url: `/api/regions/${regionId}/accounts`,
        payload: { username, displayName: username, password: PASSWORD, role },
      });
      expect(res.statusCode).toBe(201);
    }
    cookies.city = await login(suite.w.app, 'city.office');
    cookies.province = await login(suite.w.app, 'province.leader');
    cookies.sibling = await login(suite.w.app, 'sibling.viewer');

    const office = suite.cookies.office;
    const made = async (url: string, payload: Record<string, unknown>) =>
      (await ok(suite.w.app, office, { method: 'POST', url, payload })).json<{ id: string }>().id;
    fx.project = await made(`/api/regions/${suite.w.regionA}/projects`, {
      name: '下辖区重点项目',
      stage: 'reserve',
      stageDate: '2026-01-10',
      nature: 'new',
      level: 'district',
      totalInvestment: 20000,
      yearPlan: 5000,
      leadUnitId: suite.w.units.dept2,
    });
    fx.scheme = await made(`/api/regions/${suite.w.regionA}/assessment-schemes`, {
      year: 2026,
      title: '下辖区考核方案',
      docNo: '测改办〔2026〕9号',
    });
    fx.round = await made(`/api/assessment-schemes/${fx.scheme}/rounds`, { period: '2026-Q1' });
    fx.bulletin = (await publishedBulletin(suite.w.app, office, suite.w.regionA)).id;
    fx.report = (
      await ok(suite.w.app, suite.cookies.reporter1, {
        method: 'POST',
        url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
        payload: { period: '2026-06', progress: 40, narrative: '按计划推进' },
      })
    ).json<{ id: string }>().id;
  });

  /** The read routes of a region's pages below the battle map and ledger: task, notices, projects, indicators, assessment, bulletins. */
  const pagesOf = (regionId: string): string[] => [
    `/api/tasks/${suite.w.tasks.dept1}`,
    `/api/tasks/${suite.w.tasks.dept1}/reports`,
    `/api/tasks/${suite.w.tasks.dept1}/periods`,
    `/api/reports/${fx.report}`,
    `/api/regions/${regionId}/units`,
    `/api/regions/${regionId}/notices`,
    `/api/regions/${regionId}/instructions`,
    `/api/regions/${regionId}/projects`,
    `/api/regions/${regionId}/project-conversion?year=2026`,
    `/api/projects/${fx.project}`,
    `/api/plans/${suite.w.planId}/indicators`,
    `/api/regions/${regionId}/progress-summary`,
    `/api/regions/${regionId}/assessment-schemes`,
    `/api/assessment-schemes/${fx.scheme}`,
    `/api/assessment-rounds/${fx.round}`,
    `/api/assessment-rounds/${fx.round}/units/${suite.w.units.dept1}`,
    `/api/regions/${regionId}/bulletins`,
    `/api/bulletins/${fx.bulletin}`,
    `/api/bulletins/${fx.bulletin}/docx`,
  ];

  it('rolls up each region below, as that region’s own battle map counts it', async () => {
    const own = (await get(suite.cookies.office, `/api/regions/${suite.w.regionA}/dashboard`)).json<{
      total: { total: number; progress: number };
    }>();
    const res = await get(cookies.city, `/api/regions/${ids.city}/rollup`);
    expect(res.statusCode).toBe(200);
    const body = res.json<RollUpBody>();
    expect(body.children.map((c) => c.id)).toEqual([suite.w.regionA]);
    expect(body.children[0]!.total).toMatchObject({ total: own.total.total, progress: own.total.progress });
    expect(body.total.total).toBe(own.total.total);
    expect(own.total.total).toBeGreaterThan(0);

    // The province sees its two cities; the one with no regions below rolls up to nothing.
    const province = (await get(cookies.province, `/api/regions/${ids.province}/rollup`)).json<RollUpBody>();
    expect(province.children.map((c) => c.id).sort()).toEqual([ids.city, ids.sibling].sort());
    expect(province.children.find((c) => c.id === ids.city)).toMatchObject({ regions: 2 });
    expect(province.total.total).toBe(own.total.total);
  });

  it('counts each status, the progress and the red list exactly as the region’s battle map does', async () => {
    interface Standing {
      total: { total: number; counts: Record<string, number>; progress: number };
      redList: { taskId: string; daysOverdue: number; progress: number; leadUnitName: string | null }[];
    }
    const own = (
      await get(suite.cookies.office, `/api/regions/${suite.w.regionA}/dashboard`)
    ).json<Standing>();
    const child = (await get(cookies.city, `/api/regions/${ids.city}/rollup`)).json<{
      children: (Standing & { id: string })[];
    }>().children[0]!;
    // The fixture has a task past its due date and a report awaiting the office: both must be judged alike.
    expect(own.total.counts.delayed).toBeGreaterThan(0);
    expect(child.total).toMatchObject({
      total: own.total.total,
      counts: own.total.counts,
      progress: own.total.progress,
    });
    const lineOf = (l: Standing['redList'][number]) => ({
      taskId: l.taskId,
      daysOverdue: l.daysOverdue,
      progress: l.progress,
      leadUnitName: l.leadUnitName,
    });
    expect(child.redList.map(lineOf)).toEqual(own.redList.slice(0, 10).map(lineOf));
  });

  it('drills into a region below: its battle map, plans, plan and ledger, read-only', async () => {
    for (const cookie of [cookies.city, cookies.province]) {
      expect((await get(cookie, `/api/regions/${ids.city}/rollup`)).statusCode).toBe(200);
      expect((await get(cookie, `/api/regions/${suite.w.regionA}`)).statusCode).toBe(200);
      expect((await get(cookie, `/api/regions/${suite.w.regionA}/dashboard`)).statusCode).toBe(200);
      expect((await get(cookie, `/api/regions/${suite.w.regionA}/plans`)).statusCode).toBe(200);
      expect((await get(cookie, `/api/plans/${suite.w.planId}`)).statusCode).toBe(200);
      const ledger = await get(cookie, `/api/plans/${suite.w.planId}/tasks`);
      expect(ledger.statusCode).toBe(200);
      // Read as the region's viewer: no action on any line.
      for (const line of ledger.json<{ can: Record<string, boolean> }[]>())
        expect(Object.values(line.can).some(Boolean)).toBe(false);
      const regions = (await get(cookie, '/api/regions')).json<{ id: string }[]>().map((r) => r.id);
      expect(regions).toContain(suite.w.regionA);
      expect(regions).not.toContain(suite.w.regionB);
    }
  });

  it('names the indicators behind 序时 of each region below, on confirmed figures', async () => {
    const laggardsOfA = async () =>
      (await get(cookies.city, `/api/regions/${ids.city}/rollup`)).json<{
        children: { id: string; indicators: { counts: { behind: number }; laggards: Laggard[] } }[];
      }>().children[0]!.indicators;
    const target = (
      await ok(suite.w.app, suite.cookies.office, {
        method: 'POST',
        url: `/api/plans/${suite.w.planId}/targets`,
        payload: {
          unitId: suite.w.units.dept2,
          indicator: '一般公共预算收入增长',
          measure: 'growth',
          comparator: '>=',
          value: 8,
          unit: '%',
        },
      })
    ).json<{ id: string }>().id;
    await ok(suite.w.app, suite.cookies.reporter2, {
      method: 'POST',
      url: `/api/targets/${target}/values`,
      payload: { period: '2026-06', value: 6.5 },
    });
    // A unit's figure alone is not judged: the office's confirmation is.
    expect((await laggardsOfA()).laggards.map((l) => l.targetId)).not.toContain(target);
    await ok(suite.w.app, suite.cookies.office, {
      method: 'POST',
      url: `/api/targets/${target}/values/confirm`,
      payload: { period: '2026-06' },
    });
    const { counts, laggards } = await laggardsOfA();
    expect(counts.behind).toBeGreaterThanOrEqual(1);
    expect(laggards.find((l) => l.targetId === target)).toMatchObject({
      regionId: suite.w.regionA,
      indicator: '一般公共预算收入增长',
      result: { status: 'behind', gap: 1.5, text: '低于目标 1.5 个百分点' },
    });
    // The province sees the same laggard under the city.
    const province = (await get(cookies.province, `/api/regions/${ids.province}/rollup`)).json<{
      children: { id: string; indicators: { laggards: Laggard[] } }[];
    }>();
    const city = province.children.find((c) => c.id === ids.city)!;
    expect(city.indicators.laggards.map((l) => l.targetId)).toContain(target);
  });

  it('keeps a roll-up cached until a region it covers writes, whatever other regions do', async () => {
    const tagOf = async (cookie: string, regionId: string) => {
      const res = await get(cookie, `/api/regions/${regionId}/rollup`);
      expect(res.statusCode).toBe(200);
      return String(res.headers.etag);
    };
    const stillValid = async (cookie: string, regionId: string, tag: string) =>
      (
        await send(suite.w.app, cookie, {
          method: 'GET',
          url: `/api/regions/${regionId}/rollup`,
          headers: { 'if-none-match': tag },
        })
      ).statusCode === 304;
    const addUnit = async (cookie: string, regionId: string, name: string) =>
      ok(suite.w.app, cookie, {
        method: 'POST',
        url: `/api/regions/${regionId}/units`,
        payload: { name, kind: 'department' },
      });
    let cityTag = await tagOf(cookies.city, ids.city);
    let provinceTag = await tagOf(cookies.province, ids.province);
    expect(await stillValid(cookies.city, ids.city, cityTag)).toBe(true);

    // An unrelated region writes: neither roll-up covers it.
    await addUnit(suite.cookies.officeB, suite.w.regionB, '邻区新设单位');
    expect(await stillValid(cookies.city, ids.city, cityTag)).toBe(true);
    expect(await stillValid(cookies.province, ids.province, provinceTag)).toBe(true);

    // The sibling city writes: the province's roll-up covers it, the city's does not.
    await addUnit(suite.cookies.admin, ids.sibling, '邻市新设单位');
    expect(await stillValid(cookies.city, ids.city, cityTag)).toBe(true);
    expect(await stillValid(cookies.province, ids.province, provinceTag)).toBe(false);
    provinceTag = await tagOf(cookies.province, ids.province);

    // The district below the city writes: both roll-ups include it.
    await addUnit(suite.cookies.office, suite.w.regionA, '区新设单位');
    expect(await stillValid(cookies.city, ids.city, cityTag)).toBe(false);
    expect(await stillValid(cookies.province, ids.province, provinceTag)).toBe(false);
    cityTag = await tagOf(cookies.city, ids.city);
    expect(await stillValid(cookies.city, ids.city, cityTag)).toBe(true);
  });

  // Parent vs child, sibling and unrelated: the child's pages are read by the city and the province above it,
  // refused to a sibling city's account and to an unrelated region's office.
  it('reads a region below’s task, notices, projects, indicators, assessment and bulletins pages', async () => {
    const expected: [string, string, number][] = [];
    const seen: [string, string, number][] = [];
    for (const [who, cookie, status] of [
      ['region’s own office', suite.cookies.office, 200],
      ['city above', cookies.city, 200],
      ['province above', cookies.province, 200],
      ['sibling city', cookies.sibling, 403],
      ['unrelated region', suite.cookies.officeB, 403],
    ] as const)
      for (const url of pagesOf(suite.w.regionA)) {
        expected.push([who, url, status]);
        seen.push([who, url, (await get(cookie, url)).statusCode]);
      }
    expect(seen).toEqual(expected);
  });

  it('offers no action on the pages below: every `can` but read is false for the reader from above', async () => {
    // Reading who has read a bulletin is a read too; every other action writes.
    const reads = new Set(['read', 'readings']);
    const anyAction = (body: unknown): boolean => {
      if (Array.isArray(body)) return body.some(anyAction);
      if (body === null || typeof body !== 'object') return false;
      return Object.entries(body).some(([key, value]) =>
        key === 'can' && value !== null && typeof value === 'object'
          ? Object.entries(value).some(([action, v]) => !reads.has(action) && v === true)
          : anyAction(value),
      );
    };
    const own = await get(suite.cookies.office, `/api/tasks/${suite.w.tasks.dept1}`);
    expect(anyAction(own.json())).toBe(true);
    for (const cookie of [cookies.city, cookies.province])
      for (const url of pagesOf(suite.w.regionA).filter((u) => !u.endsWith('/docx'))) {
        const res = await get(cookie, url);
        expect([url, res.statusCode, anyAction(res.json())]).toEqual([url, 200, false]);
      }
  });

  it('never writes into a region below', async () => {
    const before = await suite.storage.regionDataVersion(suite.w.regionA);
    const writes = [
      {
        method: 'POST' as const,
        url: `/api/regions/${suite.w.regionA}/plans`,
        payload: { title: '越权计划', kind: 'work_points', year: 2026 },
      },
      { method: 'POST' as const, url: `/api/plans/${suite.w.planId}/tasks`, payload: { title: '越权任务' } },
      {
        method: 'POST' as const,
        url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
        payload: { period: '2026-05', progress: 50, narrative: '越权填报' },
      },
      {
        method: 'POST' as const,
        url: `/api/regions/${suite.w.regionA}/units`,
        payload: { name: '越权单位', kind: 'department' },
      },
      {
        method: 'POST' as const,
        url: `/api/tasks/${suite.w.tasks.dept1}/notices`,
        payload: { kind: 'urge', body: '越权催办' },
      },
      {
        method: 'POST' as const,
        url: `/api/projects/${fx.project}/reports`,
        payload: { month: '2026-02', investment: 100 },
      },
      { method: 'POST' as const, url: `/api/assessment-rounds/${fx.round}/advance` },
      {
        method: 'POST' as const,
        url: `/api/regions/${suite.w.regionA}/bulletins`,
        payload: { period: '2026-Q2', template: 'tracking' },
      },
      {
        method: 'POST' as const,
        url: `/api/assessment-schemes/${fx.scheme}/rounds`,
        payload: { period: '2026-Q3' },
      },
    ];
    for (const cookie of [cookies.city, cookies.province])
      for (const call of writes)
        expect([call.url, (await send(suite.w.app, cookie, call)).statusCode]).toEqual([call.url, 403]);
    expect(await suite.storage.regionDataVersion(suite.w.regionA)).toBe(before);
  });

  it('keeps siblings, unrelated regions and the regions above closed', async () => {
    // A sibling city, an unrelated district, the province above: all refused to the city's office.
    for (const url of [
      `/api/regions/${ids.sibling}/rollup`,
      `/api/regions/${ids.sibling}/dashboard`,
      `/api/regions/${suite.w.regionB}/dashboard`,
      `/api/regions/${suite.w.regionB}/plans`,
      `/api/tasks/${suite.w.tasks.regionB}`,
      `/api/tasks/${suite.w.tasks.regionB}/reports`,
      `/api/regions/${suite.w.regionB}/notices`,
      `/api/regions/${suite.w.regionB}/projects`,
      `/api/regions/${suite.w.regionB}/assessment-schemes`,
      `/api/regions/${suite.w.regionB}/bulletins`,
      `/api/regions/${ids.sibling}/notices`,
      `/api/regions/${ids.province}/rollup`,
      `/api/regions/${ids.province}`,
    ])
      expect([url, (await get(cookies.city, url)).statusCode]).toEqual([url, 403]);
    // The district's own office and staff do not read up, nor does a unit's reporter read any roll-up.
    expect((await get(suite.cookies.office, `/api/regions/${ids.city}/rollup`)).statusCode).toBe(403);
    expect((await get(suite.cookies.reporter2, `/api/regions/${suite.w.regionA}/rollup`)).statusCode).toBe(
      403,
    );
  });
});
