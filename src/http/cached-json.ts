import type { FastifyReply, FastifyRequest } from 'fastify';
import { dataVersion } from '../db/repositories/audit-repository.js';
import type { ServiceContext } from '../services/context.js';
import { today } from '../services/context.js';

const MAX_ENTRIES = 500;
const caches = new WeakMap<ServiceContext, Map<string, Buffer>>();

function cacheOf(ctx: ServiceContext): Map<string, Buffer> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  return cache;
}

/**
 * Serves a read-only JSON view from cache while the data has not changed. The key must already hold
 * everything the view depends on besides the data and the date (caller's scope, ids, query); the data
 * version and today's date are added here. The access checks run before this, on every request.
 * Clients may revalidate with If-None-Match and get 304.
 */
export async function sendCachedJson(
  ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply, key: string, produce: () => Promise<unknown>,
): Promise<FastifyReply> {
  const version = await dataVersion(ctx.storage.db);
  const fullKey = `${key}|${today(ctx)}|${version}`;
  const tag = `W/"${version}-${today(ctx)}"`;
  void reply.header('etag', tag).header('cache-control', 'private, no-cache');
  if (request.headers['if-none-match'] === tag) return reply.status(304).send();
  const cache = cacheOf(ctx);
  let body = cache.get(fullKey);
  if (body === undefined) {
    // Kept encoded: a ledger is about a hundred kilobytes of mostly Chinese text, worth encoding once.
    body = Buffer.from(JSON.stringify(await produce()), 'utf8');
    // Entries of older versions are never read again; dropping everything now and then keeps memory flat.
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(fullKey, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
