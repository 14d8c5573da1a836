import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, type World } from './helpers/world.js';

// A conditional GET passes the same access check as a plain one, and its tag tells nothing of other regions.

describe.each(dialects)('conditional GET of cached views on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let officeA: string;
  let officeB: string;

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    officeA = await login(w.app, w.usernames.office);
    officeB = await login(w.app, w.usernames.officeB);
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  const dashboardA = () => `/api/regions/${w.regionA}/dashboard`;
  const ledgerA = () => `/api/plans/${w.planId}/tasks`;

  async function tagOf(cookie: string, url: string): Promise<string> {
    const res = await ok(w.app, cookie, { method: 'GET', url });
    return res.headers.etag as string;
  }

  it('answers 304 to the caller who may read the view', async () => {
    const tag = await tagOf(officeA, dashboardA());
    const again = await send(w.app, officeA, {
      method: 'GET',
      url: dashboardA(),
      headers: { 'if-none-match': tag },
    });
    expect(again.statusCode).toBe(304);
  });

  it("refuses another region's dashboard and ledger even with a matching tag", async () => {
    const dashboardTag = await tagOf(officeA, dashboardA());
    const dashboard = await send(w.app, officeB, {
      method: 'GET',
      url: dashboardA(),
      headers: { 'if-none-match': dashboardTag },
    });
    expect(dashboard.statusCode).toBe(403);
    const ledgerTag = await tagOf(officeA, ledgerA());
    const ledger = await send(w.app, officeB, {
      method: 'GET',
      url: ledgerA(),
      headers: { 'if-none-match': ledgerTag },
    });
    expect([403, 404]).toContain(ledger.statusCode);
  });

  it('answers 404 for a plan that does not exist, whatever tag is sent', async () => {
    const tag = await tagOf(officeA, ledgerA());
    const res = await send(w.app, officeA, {
      method: 'GET',
      url: '/api/plans/plan_doesnotexist/tasks',
      headers: { 'if-none-match': tag },
    });
    expect(res.statusCode).toBe(404);
  });

  it("keeps a region's tag when another region writes, and changes it when its own data does", async () => {
    const before = await tagOf(officeA, dashboardA());
    const ledgerBefore = await tagOf(officeA, ledgerA());
    await ok(w.app, officeB, {
      method: 'POST',
      url: `/api/regions/${w.regionB}/units`,
      payload: { name: '邻区新设单位', kind: 'department' },
    });
    expect(await tagOf(officeA, dashboardA())).toBe(before);
    expect(await tagOf(officeA, ledgerA())).toBe(ledgerBefore);
    await ok(w.app, officeA, {
      method: 'POST',
      url: `/api/regions/${w.regionA}/units`,
      payload: { name: '本区新设单位', kind: 'department' },
    });
    expect(await tagOf(officeA, dashboardA())).not.toBe(before);
  });

  it('tags with a keyed hash, not the write counter', async () => {
    const dashboard = await tagOf(officeA, dashboardA());
    const ledger = await tagOf(officeA, ledgerA());
    for (const tag of [dashboard, ledger]) expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    // Two views of one region at one version still tag apart: the tag is no shared counter.
    expect(dashboard).not.toBe(ledger);
  });
});
