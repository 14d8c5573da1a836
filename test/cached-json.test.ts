/**
 * The cache of read-only views: one entry per view, the newer data version replacing the older, so a stream of
 * writes to one region never pushes out another region's pages, and a full cache lets only the view built
 * longest ago go.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCachedJson } from '../src/http/cached-json.js';
import type { ServiceContext } from '../src/services/context.js';
import { dialects } from './helpers/storage.js';

const sqlite = dialects[0]!;

describe('cached views', () => {
  let app: FastifyInstance;
  let ctx: ServiceContext;
  /** How often each view was built. */
  const built = new Map<string, number>();

  beforeAll(async () => {
    ctx = { storage: await sqlite.open(), filesDir: '', now: () => new Date('2026-11-30T04:00:00Z') };
    app = Fastify();
    // The caller names the view, its region and the data version it read; the body says which it was.
    app.get<{ Params: { view: string; region: string; version: string } }>(
      '/v/:view/:region/:version',
      (request, reply) => {
        const { view, region, version } = request.params;
        return sendCachedJson(
          ctx,
          request,
          reply,
          { key: view, regionId: region, version: Number(version) },
          () => {
            built.set(view, (built.get(view) ?? 0) + 1);
            return Promise.resolve({ view, version });
          },
        );
      },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await ctx.storage.close();
  });

  const read = async (view: string, region: string, version: number): Promise<string> => {
    const res = await app.inject({ method: 'GET', url: `/v/${view}/${region}/${version}` });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('keeps another region’s view while one region’s data moves many times', async () => {
    await read('b-dashboard', 'rgn_b', 1);
    // Far more versions of one view than the cache holds views.
    for (let version = 1; version <= 1200; version++)
      expect(JSON.parse(await read('a-ledger', 'rgn_a', version))).toEqual({
        view: 'a-ledger',
        version: String(version),
      });
    expect(built.get('a-ledger')).toBe(1200);
    await read('b-dashboard', 'rgn_b', 1);
    expect(built.get('b-dashboard')).toBe(1);
  });

  it('answers a view read again at its version from the cache, and builds it again at the next', async () => {
    await read('c-ledger', 'rgn_c', 7);
    await read('c-ledger', 'rgn_c', 7);
    expect(built.get('c-ledger')).toBe(1);
    await read('c-ledger', 'rgn_c', 8);
    expect(built.get('c-ledger')).toBe(2);
  });

  it('lets the view built longest ago go when the cache is full', async () => {
    await read('oldest', 'rgn_d', 1);
    for (let i = 0; i < 600; i++) await read(`filler-${i}`, 'rgn_e', 1);
    await read('oldest', 'rgn_d', 1);
    expect(built.get('oldest')).toBe(2);
    // The most recent fillers are still there.
    await read('filler-599', 'rgn_e', 1);
    expect(built.get('filler-599')).toBe(1);
  });
});
