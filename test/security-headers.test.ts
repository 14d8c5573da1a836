import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { build } from '../src/http/app.js';
import { send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { buildWorld, login, type World } from './helpers/world.js';

const INLINE = 'window.__early = 1;';
const INDEX = `<!doctype html><html><head><script>${INLINE}</script><script type="module" src="/assets/app.js"></script></head><body></body></html>`;

describe.each(dialects)('security headers on $name', (dialect) => {
  let storage: Storage;
  let w: World;
  let web: FastifyInstance;
  let office: string;

  beforeAll(async () => {
    storage = await dialect.open();
    w = await buildWorld(storage);
    const webRoot = mkdtempSync(join(tmpdir(), 'taizhang-web-'));
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    web = await build({ ctx: w.ctx, webRoot });
    office = await login(w.app, w.usernames.office);
  });
  afterAll(async () => {
    await web.close();
    await w.app.close();
    await storage.close();
  });

  it('serves the app with a CSP that allows its own scripts and its one inline script, and no framing', async () => {
    const res = await web.inject({ method: 'GET', url: '/r/x/ledger' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers personal data with Cache-Control: no-store, and keeps a route’s own caching', async () => {
    const regions = await send(w.app, office, { method: 'GET', url: '/api/regions' });
    expect(regions.headers['cache-control']).toBe('no-store');
    expect(regions.headers['x-content-type-options']).toBe('nosniff');
    expect(String(regions.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const refused = await send(w.app, null, { method: 'GET', url: '/api/regions' });
    expect(refused.headers['cache-control']).toBe('no-store');
    const dashboard = await send(w.app, office, {
      method: 'GET',
      url: `/api/regions/${w.regionA}/dashboard`,
    });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.headers['cache-control']).toBe('private, no-cache');
  });
});
