import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, type World } from './helpers/world.js';

interface AreaOut {
  id: string;
  title: string;
  shortName: string;
  shortNameSet: boolean;
  version: number;
}
interface DashboardOut {
  plans: { id: string; title: string; shortName: string }[];
  areas: { id: string; planId: string; title: string; shortName: string }[];
  units: { name: string; red: number; yellow: number; rollUp: { progress: number } }[];
}

// Ten headings that open alike, as 湛江经开区's do: cut at the end, every one reads "围绕建设现代化产业体…".
const HEADINGS = [
  '围绕建设现代化产业体系的实体支撑，以龙头引领抓牢重点项目落地',
  '围绕建设现代化产业体系的要素保障，以更高的标准抓实产业园区扩容提质',
  '围绕建设现代化产业体系的产业结构优化，以更大的力度抓准产业链招商',
];

describe.each(dialects)('area short names on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let office: string;
  let areas: AreaOut[];

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    office = await login(w.app, w.usernames.office);
    areas = [];
    for (const title of HEADINGS)
      areas.push(
        (
          await ok(w.app, office, {
            method: 'POST',
            url: `/api/plans/${w.planId}/areas`,
            payload: { title },
          })
        ).json<AreaOut>(),
      );
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  const dashboard = async () =>
    (
      await ok(w.app, office, { method: 'GET', url: `/api/regions/${w.regionA}/dashboard` })
    ).json<DashboardOut>();

  it('names each area by what tells it from its siblings, on the battle map and in the plan', async () => {
    const shown = (await dashboard()).areas.filter((a) => HEADINGS.includes(a.title)).map((a) => a.shortName);
    expect(shown).toEqual(['实体支撑', '要素保障', '产业结构优化']);
    const plan = (await ok(w.app, office, { method: 'GET', url: `/api/plans/${w.planId}` })).json<{
      areas: AreaOut[];
    }>();
    expect(plan.areas.filter((a) => HEADINGS.includes(a.title)).map((a) => a.shortName)).toEqual(shown);
    expect(plan.areas.every((a) => !a.shortNameSet)).toBe(true);
  });

  it('lets the office set a short name, and clear it to get the derived one back', async () => {
    const area = areas[0]!;
    const set = await ok(w.app, office, {
      method: 'PATCH',
      url: `/api/areas/${area.id}`,
      headers: { 'if-match': `"${area.version}"` },
      payload: { shortName: ' 重点项目 ' },
    });
    const named = set.json<AreaOut>();
    expect(named).toMatchObject({ shortName: '重点项目', shortNameSet: true, title: HEADINGS[0] });
    expect((await dashboard()).areas.find((a) => a.id === area.id)?.shortName).toBe('重点项目');

    const cleared = await ok(w.app, office, {
      method: 'PATCH',
      url: `/api/areas/${area.id}`,
      headers: { 'if-match': `"${named.version}"` },
      payload: { shortName: null },
    });
    expect(cleared.json<AreaOut>()).toMatchObject({ shortName: '实体支撑', shortNameSet: false });
    areas[0] = cleared.json<AreaOut>();
  });

  it('refuses a short name that is too long, and a unit’s staff changing it', async () => {
    const area = areas[1]!;
    const long = await send(w.app, office, {
      method: 'PATCH',
      url: `/api/areas/${area.id}`,
      headers: { 'if-match': `"${area.version}"` },
      payload: { shortName: '很长'.repeat(11) },
    });
    expect(long.statusCode).toBe(400);
    const reporter = await login(w.app, w.usernames.reporter1);
    const refused = await send(w.app, reporter, {
      method: 'PATCH',
      url: `/api/areas/${area.id}`,
      headers: { 'if-match': `"${area.version}"` },
      payload: { shortName: '园区' },
    });
    expect(refused.statusCode).toBe(403);
    expect((await dashboard()).areas.find((a) => a.id === area.id)?.shortName).toBe('要素保障');
  });

  it('gives each plan a short name without the year, and ranks units most red, most yellow, least progress first', async () => {
    const d = await dashboard();
    expect(d.plans.find((p) => p.id === w.planId)).toMatchObject({
      title: '2026年改革工作要点',
      shortName: '改革工作要点',
    });
    const key = (u: DashboardOut['units'][number]) => [-u.red, -u.yellow, u.rollUp.progress];
    const sorted = [...d.units].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]! || a.name.localeCompare(b.name, 'zh-CN');
    });
    expect(d.units.map((u) => u.name)).toEqual(sorted.map((u) => u.name));
  });
});
