import { describe, expect, it } from 'vitest';
import { multipart, send, uniqueName } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// Another app on the same host (another port) is "same site": SameSite=Lax still sends our cookie with its
// forms and fetches. Every state-changing API call must therefore come from our own origin.
describe.each(dialects)('cross-origin writes on $name', (dialect) => {
  const s = worldSuite(dialect, ['office']);

  const createUnit = (
    headers: Record<string, string>,
    payload: unknown = { name: uniqueName('单位'), kind: 'department' },
  ) =>
    send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/units`,
      headers: { host: 'taizhang.example:8080', ...headers },
      payload: payload as object,
    });

  it('refuses a write from another origin on the same host, with a reason', async () => {
    const res = await createUnit({ origin: 'http://taizhang.example:3000', 'sec-fetch-site': 'same-site' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('request.cross_origin');
  });

  it('refuses a write whose Origin differs even without Sec-Fetch-Site, and Origin "null"', async () => {
    expect((await createUnit({ origin: 'http://taizhang.example:3000' })).statusCode).toBe(403);
    expect((await createUnit({ origin: 'null' })).statusCode).toBe(403);
  });

  it('refuses a browser write that hides its Origin', async () => {
    expect((await createUnit({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await createUnit({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('accepts a write from its own origin, and from a client that is no browser', async () => {
    expect(
      (await createUnit({ origin: 'http://taizhang.example:8080', 'sec-fetch-site': 'same-origin' }))
        .statusCode,
    ).toBe(201);
    expect((await createUnit({})).statusCode).toBe(201);
  });

  it('refuses the login form of another origin too', async () => {
    const res = await s.w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: {
        host: 'taizhang.example:8080',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      payload: { username: s.w.usernames.viewer, password: 'whatever-it-is' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('accepts only JSON and multipart bodies: a form or text post gets 415', async () => {
    const form = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/units`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x&kind=department',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.reason).toBe('request.unsupported_media_type');
    const text = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/units`,
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ name: uniqueName('单位'), kind: 'department' }),
    });
    expect(text.statusCode).toBe(415);
    // Multipart reaches the upload route.
    const upload = multipart(
      'plan.txt',
      Buffer.from('2026年测试区改革工作要点\n一、深化改革\n1．推进审批改革。牵头单位：区发展和改革局。\n'),
      'text/plain',
    );
    const res = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/plans/import`,
      ...upload,
    });
    expect(res.statusCode).toBe(201);
  });
});
