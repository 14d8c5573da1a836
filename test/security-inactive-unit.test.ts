import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, PASSWORD, type World } from './helpers/world.js';

// A deactivated unit (停用): its staff are signed out and cannot sign in, it takes no new tasks, and its
// existing tasks stay in the ledger marked as belonging to an inactive unit.

interface UnitRef {
  id: string;
  name: string;
  active: boolean;
}

describe.each(dialects)('a deactivated unit on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let office: string;
  let reporter2: string;

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    office = await login(w.app, w.usernames.office);
    reporter2 = await login(w.app, w.usernames.reporter2);
    // dept2 leads one task (w.tasks.dept2); dept1 co-operates on it. Deactivate dept2.
    const units = await ok(w.app, office, { method: 'GET', url: `/api/regions/${w.regionA}/units` });
    const dept2 = units.json<(UnitRef & { version: number })[]>().find((u) => u.id === w.units.dept2)!;
    await ok(w.app, office, {
      method: 'PATCH',
      url: `/api/units/${dept2.id}`,
      headers: { 'if-match': `"${dept2.version}"` },
      payload: { active: false },
    });
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  it("ends its staff's open sessions", async () => {
    const me = await send(w.app, reporter2, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    const write = await send(w.app, reporter2, {
      method: 'POST',
      url: `/api/tasks/${w.tasks.dept2}/reports`,
      payload: { period: '2026-05', progress: 10, narrative: '进展' },
    });
    expect(write.statusCode).toBe(401);
  });

  it('lets its staff no longer sign in', async () => {
    for (const username of [w.usernames.reporter2, w.usernames.head2]) {
      const res = await send(w.app, null, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: PASSWORD },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { reason: 'auth.invalid_credentials' } });
    }
    // Other units' staff still sign in.
    await login(w.app, w.usernames.reporter1);
  });

  it('cannot be chosen as lead or co-unit of a new or changed task', async () => {
    const before = await storage.dataVersion();
    const asLead = await send(w.app, office, {
      method: 'POST',
      url: `/api/plans/${w.draftPlanId}/tasks`,
      payload: { title: '新任务', leadUnitId: w.units.dept2 },
    });
    expect(asLead.statusCode).toBe(400);
    expect(asLead.json()).toMatchObject({
      error: { reason: 'unit.inactive', details: { field: 'leadUnitId' } },
    });
    const asCo = await send(w.app, office, {
      method: 'POST',
      url: `/api/plans/${w.draftPlanId}/tasks`,
      payload: { title: '新任务', leadUnitId: w.units.dept1, coUnitIds: [w.units.dept2] },
    });
    expect(asCo.statusCode).toBe(400);
    expect(asCo.json()).toMatchObject({
      error: { reason: 'unit.inactive', details: { field: 'coUnitIds' } },
    });
    expect(await storage.dataVersion()).toBe(before);

    const task = await ok(w.app, office, { method: 'GET', url: `/api/tasks/${w.tasks.town1}` });
    const moved = await send(w.app, office, {
      method: 'PATCH',
      url: `/api/tasks/${w.tasks.town1}`,
      headers: { 'if-match': task.headers.etag as string },
      payload: { leadUnitId: w.units.dept2 },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ error: { reason: 'unit.inactive' } });
  });

  it('keeps a task it already leads editable without re-choosing the unit', async () => {
    const task = await ok(w.app, office, { method: 'GET', url: `/api/tasks/${w.tasks.dept2}` });
    const res = await send(w.app, office, {
      method: 'PATCH',
      url: `/api/tasks/${w.tasks.dept2}`,
      headers: { 'if-match': task.headers.etag as string },
      payload: { title: '深化教育评价改革（调整）', leadUnitId: w.units.dept2, coUnitIds: [w.units.dept1] },
    });
    expect(res.statusCode).toBe(200);
  });

  it('keeps its tasks in the ledger, marked as belonging to an inactive unit', async () => {
    const ledger = await ok(w.app, office, { method: 'GET', url: `/api/plans/${w.planId}/tasks` });
    const tasks = ledger.json<{ id: string; leadUnit: UnitRef | null; coUnits: UnitRef[] }[]>();
    const led = tasks.find((t) => t.id === w.tasks.dept2)!;
    expect(led.leadUnit).toMatchObject({ id: w.units.dept2, active: false });
    expect(led.coUnits).toEqual([expect.objectContaining({ id: w.units.dept1, active: true })]);
    expect(tasks.find((t) => t.id === w.tasks.dept1)!.leadUnit).toMatchObject({ active: true });
  });

  it('is not matched when an imported programme names it, but proposed as an unknown unit', async () => {
    const text = [
      '测试区2026年改革工作要点',
      '一、社会体制改革',
      '1.深化教育评价改革(牵头单位:区教育局)',
    ].join('\n');
    const res = await ok(w.app, office, {
      method: 'POST',
      url: `/api/regions/${w.regionA}/plans/import`,
      payload: { text },
    });
    const [task] = res.json<{ tasks: { leadUnitId: string | null; proposedLeadUnit: string | null }[] }>()
      .tasks;
    expect(task).toMatchObject({ leadUnitId: null, proposedLeadUnit: '区教育局' });
  });
});
