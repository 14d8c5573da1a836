import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { ok } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, type World } from './helpers/world.js';

// A unit's staff see the plan's programme goals and the targets of their own unit's tasks, not other units'.

interface TargetView {
  id: string;
  indicator: string;
  taskId: string | null;
}

describe.each(dialects)('who reads which targets on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  const ids: Record<'plan' | 'area' | 'dept1' | 'dept2' | 'town1', string> = {
    plan: '',
    area: '',
    dept1: '',
    dept2: '',
    town1: '',
  };

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    const office = await login(w.app, w.usernames.office);
    const add = async (indicator: string, where: { taskId?: string; areaId?: string }) =>
      (
        await ok(w.app, office, {
          method: 'POST',
          url: `/api/plans/${w.planId}/targets`,
          payload: { indicator, measure: 'level', comparator: '>=', value: 10, unit: '项', ...where },
        })
      ).json<TargetView>().id;
    ids.plan = await add('全区改革事项完成数', {});
    ids.area = await add('经济体制改革事项数', { areaId: w.areaId });
    ids.dept1 = await add('审批时限压缩比例', { taskId: w.tasks.dept1 });
    // dept1 co-operates on dept2's task.
    ids.dept2 = await add('教育评价试点学校数', { taskId: w.tasks.dept2 });
    ids.town1 = await add('网格覆盖率', { taskId: w.tasks.town1 });
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  async function visibleTo(username: string): Promise<string[]> {
    const cookie = await login(w.app, username);
    const res = await ok(w.app, cookie, { method: 'GET', url: `/api/plans/${w.planId}/targets` });
    return res
      .json<TargetView[]>()
      .map((t) => t.id)
      .sort();
  }

  it('shows the office, leaders and oversight every target', async () => {
    const all = Object.values(ids).sort();
    expect(await visibleTo(w.usernames.office)).toEqual(all);
    expect(await visibleTo(w.usernames.leader)).toEqual(all);
    expect(await visibleTo(w.usernames.viewer)).toEqual(all);
  });

  it("shows a unit's staff the plan's goals and their own tasks' targets, lead or co-operating", async () => {
    const dept1 = [ids.plan, ids.area, ids.dept1, ids.dept2].sort();
    expect(await visibleTo(w.usernames.reporter1)).toEqual(dept1);
    expect(await visibleTo(w.usernames.head1)).toEqual(dept1);
    expect(await visibleTo(w.usernames.reporter2)).toEqual([ids.plan, ids.area, ids.dept2].sort());
  });
});
