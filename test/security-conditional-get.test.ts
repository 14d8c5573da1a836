import { describe, expect, it } from 'vitest';
import { ok, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// A conditional GET passes the same access check as a plain one, and its tag tells nothing of other regions.

describe.each(dialects)('conditional GET of cached views on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'officeB']);

  const dashboardA = () => `/api/regions/${s.w.regionA}/dashboard`;
  const ledgerA = () => `/api/plans/${s.w.planId}/tasks`;

  async function tagOf(cookie: string, url: string): Promise<string> {
    const res = await ok(s.w.app, cookie, { method: 'GET', url });
    return res.headers.etag as string;
  }

  it('answers 304 to the caller who may read the view', async () => {
    const tag = await tagOf(s.cookies.office, dashboardA());
    const again = await send(s.w.app, s.cookies.office, {
      method: 'GET',
      url: dashboardA(),
      headers: { 'if-none-match': tag },
    });
    expect(again.statusCode).toBe(304);
  });

  it("refuses another region's dashboard and ledger even with a matching tag", async () => {
    const dashboardTag = await tagOf(s.cookies.office, dashboardA());
    const dashboard = await send(s.w.app, s.cookies.officeB, {
      method: 'GET',
      url: dashboardA(),
      headers: { 'if-none-match': dashboardTag },
    });
    expect(dashboard.statusCode).toBe(403);
    const ledgerTag = await tagOf(s.cookies.office, ledgerA());
    const ledger = await send(s.w.app, s.cookies.officeB, {
      method: 'GET',
      url: ledgerA(),
      headers: { 'if-none-match': ledgerTag },
    });
    expect([403, 404]).toContain(ledger.statusCode);
  });

  it('answers 404 for a plan that does not exist, whatever tag is sent', async () => {
    const tag = await tagOf(s.cookies.office, ledgerA());
    const res = await send(s.w.app, s.cookies.office, {
      method: 'GET',
      url: '/api/plans/plan_doesnotexist/tasks',
      headers: { 'if-none-match': tag },
    });
    expect(res.statusCode).toBe(404);
  });

  it("keeps a region's tag when another region writes, and changes it when its own data does", async () => {
    const before = await tagOf(s.cookies.office, dashboardA());
    const ledgerBefore = await tagOf(s.cookies.office, ledgerA());
    await ok(s.w.app, s.cookies.officeB, {
      method: 'POST',
      url: `/api/regions/${s.w.regionB}/units`,
      payload: { name: '邻区新设单位', kind: 'department' },
    });
    expect(await tagOf(s.cookies.office, dashboardA())).toBe(before);
    expect(await tagOf(s.cookies.office, ledgerA())).toBe(ledgerBefore);
    await ok(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/units`,
      payload: { name: '本区新设单位', kind: 'department' },
    });
    expect(await tagOf(s.cookies.office, dashboardA())).not.toBe(before);
  });

  it('tags with a keyed hash, not the write counter', async () => {
    const dashboard = await tagOf(s.cookies.office, dashboardA());
    const ledger = await tagOf(s.cookies.office, ledgerA());
    for (const tag of [dashboard, ledger]) expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    // Two views of one region at one version still tag apart: the tag is no shared counter.
    expect(dashboard).not.toBe(ledger);
  });
});
