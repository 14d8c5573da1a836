import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStaticAssets } from '../src/http/static-assets.js';
// @ts-expect-error -- a plain ES module script run by `npm run build`, without type declarations
import { precompress } from '../web/precompress.mjs';

const precompressDir = precompress as (dir: string) => Promise<unknown[]>;

// A built app in miniature: the shell and a hashed script large enough to be worth compressing.
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"任务${i}"`).join(',')}];\n`;
const SHELL = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

describe('the built app as a phone on a slow network gets it', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), SHELL);
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'tiny-XyZ.css'), 'a{}');
    await precompressDir(dir);
    app = Fastify();
    await registerStaticAssets(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes brotli and gzip files beside each asset at build time, and leaves tiny files alone', () => {
    const raw = readFileSync(join(dir, 'assets', 'index-AbC123.js'));
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'index-AbC123.js.br')))).toEqual(raw);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'index-AbC123.js.gz')))).toEqual(raw);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'assets', 'tiny-XyZ.css.br'))).toBe(false);
  });

  it('sends the brotli file to a browser that accepts it, cached for a year as the name changes with the content', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 3);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that takes neither', async () => {
    const gzipped = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const tiny = await app.inject({ url: '/assets/tiny-XyZ.css', headers: { 'accept-encoding': 'br' } });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.body).toBe('a{}');
  });

  it('has the browser revalidate the shell, at / and at any client-side route, compressed too', async () => {
    for (const url of ['/', '/index.html', '/login', '/r/region-1/ledger?plan=p']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(SHELL);
    }
  });

  it('answers an unknown API path with the JSON 404, never the shell', async () => {
    const res = await app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { reason: string } }>().error.reason).toBe('request.no_route');
  });
});
