import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { build } from '../src/http/app.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, PASSWORD, TODAY, type World } from './helpers/world.js';

describe.each(dialects)('login throttling, cookies and idle sessions on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let clock = TODAY.getTime();

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage, () => new Date(clock));
  });
  afterAll(async () => {
    await w.app.close();
    await storage.close();
  });

  const attempt = (app: FastifyInstance, username: string, password: string, ip: string, xff?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
      ...(xff !== undefined && { headers: { 'x-forwarded-for': xff } }),
    });

  it('ignores X-Forwarded-For unless a proxy is configured: rotating it does not escape the per-address limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++)
      codes.push(
        (await attempt(w.app, `nobody${i}`, 'wrong-guess', '10.20.0.1', `198.51.100.${i}`)).statusCode,
      );
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
  });

  it('with a configured proxy, takes the address the proxy saw', async () => {
    const proxied = await build({ ctx: w.ctx, webRoot: null, trustProxy: ['127.0.0.1'] });
    try {
      for (let i = 0; i < 20; i++)
        await attempt(proxied, `ghost${i}`, 'wrong-guess', '127.0.0.1', '203.0.113.7');
      expect((await attempt(proxied, 'ghost', 'wrong-guess', '127.0.0.1', '203.0.113.7')).statusCode).toBe(
        429,
      );
      expect((await attempt(proxied, 'ghost', 'wrong-guess', '127.0.0.1', '203.0.113.8')).statusCode).toBe(
        401,
      );
    } finally {
      await proxied.close();
    }
  });

  it('five wrong passwords do not lock the owner out: the right one from another address still works', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt(w.app, w.usernames.head1, `guess-${i}`, '10.30.0.1')).statusCode).toBe(401);
    const blocked = await attempt(w.app, w.usernames.head1, PASSWORD, '10.30.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect((await attempt(w.app, w.usernames.head1, PASSWORD, '10.30.0.2')).statusCode).toBe(200);
  });

  it('marks the session cookie Secure and sends HSTS only when configured', async () => {
    const plain = await attempt(w.app, w.usernames.viewer, PASSWORD, '10.40.0.1');
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const https = await build({ ctx: w.ctx, webRoot: null, secureCookies: true });
    try {
      const res = await attempt(https, w.usernames.viewer, PASSWORD, '10.40.0.2');
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/i);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await https.close();
    }
  });

  it('ends a session left idle for more than two hours, and keeps one in use', async () => {
    const cookieOf = async () => {
      const res = await attempt(w.app, w.usernames.leader, PASSWORD, '10.50.0.1');
      expect(res.statusCode).toBe(200);
      return `tz_session=${res.cookies.find((c) => c.name === 'tz_session')!.value}`;
    };
    const me = (cookie: string) => w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

    const busy = await cookieOf();
    const idle = await cookieOf();
    // Busy: a call every 90 minutes for six hours.
    for (let i = 0; i < 4; i++) {
      clock += 90 * 60_000;
      expect((await me(busy)).statusCode).toBe(200);
    }
    expect((await me(idle)).statusCode).toBe(401);
  });
});
