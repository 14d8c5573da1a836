import { describe, expect, it } from 'vitest';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, worldSuite } from './helpers/world.js';

describe.each(dialects)('API fixed points on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office', 'reporter1']);

  it('answers /healthz once migrated', async () => {
    const res = await suite.w.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('refuses anonymous calls with 401 and the error shape', async () => {
    const res = await suite.w.app.inject({ method: 'GET', url: '/api/regions' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('rejects a wrong password with invalid_credentials and sets an HttpOnly SameSite=Lax cookie on success', async () => {
    const bad = await suite.w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a.viewer', password: 'wrong-password' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid_credentials');
    const ok = await suite.w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a.viewer', password: 'correct-horse-battery' },
    });
    expect(ok.statusCode).toBe(200);
    const header = String(ok.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
  });

  it('limits login attempts with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await suite.w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'a.head2', password: `guess-${i}` },
        remoteAddress: '10.9.9.9',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[5]).toBe(429);
    expect(codes[6]).toBe(429);
  });

  it('logs out: the cookie stops working', async () => {
    const cookie = await login(suite.w.app, suite.w.usernames.leader);
    expect(
      (await suite.w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await suite.w.app.inject({ method: 'GET', url: '/api/regions', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('lists only the caller’s region', async () => {
    const res = await suite.w.app.inject({
      method: 'GET',
      url: '/api/regions',
      headers: { cookie: suite.cookies.office },
    });
    expect(res.json().map((r: { id: string }) => r.id)).toEqual([suite.w.regionA]);
    const other = await suite.w.app.inject({
      method: 'GET',
      url: `/api/regions/${suite.w.regionB}/plans`,
      headers: { cookie: suite.cookies.office },
    });
    expect(other.statusCode).toBe(403);
  });

  it('serves the ledger with the fields of the spec and filters', async () => {
    const res = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${suite.w.planId}/tasks`,
      headers: { cookie: suite.cookies.office },
    });
    expect(res.statusCode).toBe(200);
    const tasks: { id: string; status: string; leadUnit: { id: string } }[] = res.json();
    expect(tasks).toHaveLength(3);
    for (const t of tasks)
      expect(t).toMatchObject({
        id: expect.any(String),
        code: expect.any(String),
        title: expect.any(String),
        status: expect.any(String),
        progress: expect.any(Number),
        version: expect.any(Number),
      });
    // The education task was due 2026-05-31 and has no report: red.
    expect(tasks.find((t) => t.id === suite.w.tasks.dept2)!.status).toBe('delayed');
    const red = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${suite.w.planId}/tasks?status=delayed`,
      headers: { cookie: suite.cookies.office },
    });
    expect(red.json().map((t: { id: string }) => t.id)).toEqual([suite.w.tasks.dept2]);
    const byUnit = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${suite.w.planId}/tasks?leadUnitId=${suite.w.units.town1}`,
      headers: { cookie: suite.cookies.office },
    });
    expect(byUnit.json().map((t: { id: string }) => t.id)).toEqual([suite.w.tasks.town1]);
    const q = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${suite.w.planId}/tasks?q=${encodeURIComponent('教育')}`,
      headers: { cookie: suite.cookies.office },
    });
    expect(q.json().map((t: { id: string }) => t.id)).toEqual([suite.w.tasks.dept2]);
  });

  it('shows a unit only the tasks it leads or co-operates on', async () => {
    const res = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${suite.w.planId}/tasks`,
      headers: { cookie: suite.cookies.reporter1 },
    });
    expect(
      res
        .json()
        .map((t: { id: string }) => t.id)
        .sort(),
    ).toEqual([suite.w.tasks.dept1, suite.w.tasks.dept2].sort());
  });

  it('gives a reporter 403 on another unit’s task', async () => {
    const res = await suite.w.app.inject({
      method: 'GET',
      url: `/api/tasks/${suite.w.tasks.town1}`,
      headers: { cookie: suite.cookies.reporter1 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const post = await suite.w.app.inject({
      method: 'POST',
      url: `/api/tasks/${suite.w.tasks.town1}/reports`,
      headers: { cookie: suite.cookies.reporter1 },
      payload: { period: '2026-05', progress: 10, narrative: '进展' },
    });
    expect(post.statusCode).toBe(403);
  });

  it('returns one task with its ETag, and guards updates with If-Match (428 missing, 412 stale with the current row)', async () => {
    const got = await suite.w.app.inject({
      method: 'GET',
      url: `/api/tasks/${suite.w.tasks.dept1}`,
      headers: { cookie: suite.cookies.office },
    });
    expect(got.statusCode).toBe(200);
    const version = got.json().version as number;
    expect(got.headers.etag).toBe(`"${version}"`);
    expect(got.json().milestones).toHaveLength(1);

    const missing = await suite.w.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${suite.w.tasks.dept1}`,
      headers: { cookie: suite.cookies.office },
      payload: { title: '新标题' },
    });
    expect(missing.statusCode).toBe(428);

    const ok = await suite.w.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${suite.w.tasks.dept1}`,
      headers: { cookie: suite.cookies.office, 'if-match': `"${version}"` },
      payload: { title: '深化投资审批制度改革' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(version + 1);

    const stale = await suite.w.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${suite.w.tasks.dept1}`,
      headers: { cookie: suite.cookies.office, 'if-match': `"${version}"` },
      payload: { title: '会被拒绝' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('stale_version');
    expect(stale.json().error.details.current.title).toBe('深化投资审批制度改革');
    const after = await suite.w.app.inject({
      method: 'GET',
      url: `/api/tasks/${suite.w.tasks.dept1}`,
      headers: { cookie: suite.cookies.office },
    });
    expect(after.json().title).toBe('深化投资审批制度改革');
  });

  it('rejects unknown fields with 400 and names them, changing nothing', async () => {
    const res = await suite.w.app.inject({
      method: 'POST',
      url: `/api/plans/${suite.w.planId}/tasks`,
      headers: { cookie: suite.cookies.office },
      payload: { title: '任务', colour: 'red' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(JSON.stringify(res.json().error.details)).toContain('colour');
    const list = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${suite.w.planId}/tasks`,
      headers: { cookie: suite.cookies.office },
    });
    expect(list.json()).toHaveLength(3);
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await suite.w.app.inject({
      method: 'POST',
      url: `/api/plans/${suite.w.planId}/tasks`,
      headers: { cookie: suite.cookies.office, 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x', implementationPlan: '很'.repeat(1_200_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('makes an idempotent retry of a report submission return the first result', async () => {
    const headers = { cookie: suite.cookies.reporter1, 'idempotency-key': 'retry-key-0001' };
    const payload = { period: '2026-05', progress: 40, narrative: '完成方案起草', problems: '无' };
    const first = await suite.w.app.inject({
      method: 'POST',
      url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
      headers,
      payload,
    });
    expect(first.statusCode).toBe(201);
    const again = await suite.w.app.inject({
      method: 'POST',
      url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
      headers,
      payload,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const reports = await suite.w.app.inject({
      method: 'GET',
      url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
      headers: { cookie: suite.cookies.office },
    });
    expect(reports.json()).toHaveLength(1);
    // Without the key, a second report for the same period is a conflict, not a duplicate.
    const dup = await suite.w.app.inject({
      method: 'POST',
      url: `/api/tasks/${suite.w.tasks.dept1}/reports`,
      headers: { cookie: suite.cookies.reporter1 },
      payload,
    });
    expect(dup.statusCode).toBe(409);
  });

  it('serves the dashboard and verifies the audit chain', async () => {
    const dash = await suite.w.app.inject({
      method: 'GET',
      url: `/api/regions/${suite.w.regionA}/dashboard`,
      headers: { cookie: suite.cookies.office },
    });
    expect(dash.statusCode).toBe(200);
    expect(dash.json().total.total).toBe(3);
    expect(dash.json().redList.map((r: { taskId: string }) => r.taskId)).toEqual([suite.w.tasks.dept2]);
    const admin = await login(suite.w.app, 'admin');
    const verify = await suite.w.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: admin },
    });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, events: expect.any(Number) });
    expect(verify.json().events).toBeGreaterThan(10);
  });

  it('publishes an OpenAPI 3 document and a docs page', async () => {
    const doc = await suite.w.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toContain('/api/plans/{planId}/tasks');
    const page = await suite.w.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
  });
});

describe('cached ledger responses', () => {
  it('serves gzip to clients that accept it, revalidates with ETag, and changes after a write', async () => {
    const { gunzipSync } = await import('node:zlib');
    const storage = await dialects[0]!.open();
    const w = await buildWorld(storage);
    const office = await login(w.app, w.usernames.office);
    const url = `/api/plans/${w.planId}/tasks`;
    const plain = await w.app.inject({ method: 'GET', url, headers: { cookie: office } });
    const zipped = await w.app.inject({
      method: 'GET',
      url,
      headers: { cookie: office, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    const etag = String(plain.headers.etag);
    expect(
      (await w.app.inject({ method: 'GET', url, headers: { cookie: office, 'if-none-match': etag } }))
        .statusCode,
    ).toBe(304);
    const task = plain.json()[0];
    await w.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: office, 'if-match': `"${task.version}"` },
      payload: { title: '改后的标题' },
    });
    const after = await w.app.inject({
      method: 'GET',
      url,
      headers: { cookie: office, 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json()[0].title).toBe('改后的标题');
    await w.app.close();
    await storage.close();
  });
});
