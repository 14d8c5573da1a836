import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { perContext, today, type ServiceContext } from '../services/context.js';

interface Entry {
  /** Kept encoded: a ledger is about a hundred kilobytes of mostly Chinese text, worth encoding once. */
  body: Buffer;
  /** Compressed on first demand and then reused: phones on slow networks get a sixth of the bytes. */
  gzip?: Buffer;
}

const MAX_ENTRIES = 500;
const MIN_GZIP_BYTES = 1024;
const cacheOf = perContext(() => new Map<string, Entry>());

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b/.test(header);
}

/**
 * Serves a read-only JSON view from cache while the data has not changed. The key must already hold
 * everything the view depends on besides the data and the date (caller's scope, ids, query); the data
 * version and today's date are added here. The access checks run before this, on every request.
 * Clients may revalidate with If-None-Match and get 304.
 */
export async function sendCachedJson(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  produce: () => Promise<unknown>,
): Promise<FastifyReply> {
  const version = await ctx.storage.dataVersion();
  const day = today(ctx);
  const fullKey = `${key}|${day}|${version}`;
  const tag = `W/"${version}-${day}"`;
  void reply
    .header('etag', tag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === tag) return reply.status(304).send();
  const cache = cacheOf(ctx);
  let entry = cache.get(fullKey);
  if (entry === undefined) {
    entry = { body: Buffer.from(JSON.stringify(await produce()), 'utf8') };
    // Entries of older versions are never read again; dropping everything now and then keeps memory flat.
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(fullKey, entry);
  }
  void reply.type('application/json; charset=utf-8');
  if (entry.body.length >= MIN_GZIP_BYTES && acceptsGzip(request)) {
    entry.gzip ??= gzipSync(entry.body, { level: 6 });
    return reply.header('content-encoding', 'gzip').send(entry.gzip);
  }
  return reply.send(entry.body);
}
