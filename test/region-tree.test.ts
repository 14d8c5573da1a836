/**
 * Regions in a tree: a city's and a province's office, leaders and viewers read the battle maps and ledgers
 * of the regions below them, with a roll-up per region directly below, and never write there. A sibling
 * region and an unrelated one stay closed, and nobody reads upwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setRegionParent } from '../src/db/repositories/region-repository.js';
import { send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { login, PASSWORD, worldSuite } from './helpers/world.js';

interface RollUpBody {
  region: { id: string };
  total: { total: number; counts: Record<string, number> };
  children: { id: string; name: string; regions: number; total: { total: number; progress: number } }[];
}

describe.each(dialects)('regions in a tree on $name', (dialect) => {
  const suite = worldSuite(dialect, ['admin', 'office', 'reporter2']);
  const ids = { province: '', city: '', sibling: '' };
  const cookies = { city: '', province: '' };

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
  });

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
