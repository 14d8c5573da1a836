import { createHmac, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { perContext, today, type ServiceContext } from '../services/context.js';

interface Entry {
  /** The day and data version the entry shows: a view's versions only grow, so an older one is never read again. */
  day: string;
  version: number;
  /** The view's ETag, signed once per entry rather than on every request. */
  tag: string;
  /** Kept encoded: a ledger is about a hundred kilobytes of mostly Chinese text, worth encoding once. */
  body: Buffer;
  /**
   * Compressed on first demand and then reused: phones on slow networks get a sixth of the bytes. In zlib's
   * thread pool, not on the event loop, where compressing a rebuilt ledger took a millisecond from every
   * other request; requests that come while it runs wait for the same result.
   */
  gzip?: Promise<Buffer>;
}

const gzipAsync = promisify(gzip);
/** Views kept at once (each user's scope of each page is a view); beyond it the least recently built goes. */
const MAX_VIEWS = 500;
const MIN_GZIP_BYTES = 1024;
/**
 * The latest entry of each view, replaced when its region's data moves. Not entries per version, cleared when
 * full: under a stream of writes that filled the cache every couple of seconds, and the clearing had every
 * page built and compressed again at once, a burst of slow answers for everyone.
 */
const cacheOf = perContext(() => new Map<string, Entry>());
/**
 * Signs the tags: a tag is a keyed hash of the view's key, the day and its region's data version, so it
 * shows neither the version nor anything to compare across views. Per process: another process (or a
 * restart) answers 200 once to a tag it did not make, and then its own.
 */
const tagKeyOf = perContext(() => randomBytes(32));

/** Which view, for whom: `key` holds everything it depends on besides its region's data and the date. */
export interface CachedView {
  key: string;
  /** The region whose data the view shows; its data version (not the server's) dates the view. */
  regionId: string;
  /**
   * A view over several regions (a roll-up over the regions below): all of them, `regionId` included. Their
   * data versions together date the view, so a write elsewhere leaves it valid.
   */
  regionIds?: readonly string[];
  /** The region's data version when the caller has just read it (to check access); read here otherwise. */
  version?: number;
}

/** A view already serialized as UTF-8 JSON (from parts a caller keeps): sent as it is. */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}
}

function cacheHeaders(reply: FastifyReply, tag: string): FastifyReply {
  return reply
    .header('etag', tag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'accept-encoding');
}

function notModified(reply: FastifyReply, tag: string): FastifyReply {
  return cacheHeaders(reply, tag).status(304).send();
}

/** Keeps `entry` as its view's latest, unless a request that read newer data has already kept that. */
function keepView(views: Map<string, Entry>, viewKey: string, entry: Entry): void {
  const current = views.get(viewKey);
  if (current && current.day === entry.day && current.version > entry.version) return;
  // Deleted first so the view moves to the end: the first in the map is the one built longest ago.
  views.delete(viewKey);
  views.set(viewKey, entry);
  if (views.size > MAX_VIEWS) views.delete(views.keys().next().value!);
}

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b/.test(header);
}

/**
 * Serves a read-only JSON view from cache while its region's data has not changed. The key must already
 * hold everything the view depends on besides the data and the date (caller's scope, ids, query); the
 * region's data version and today's date are added here. The caller's access check must have run before
 * this, on every request: a 304 answers only a caller who may read the view. Clients may revalidate with
 * If-None-Match and get 304.
 */
export async function sendCachedJson(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  view: CachedView,
  /** Builds the view, given the data version it is cached under (read for this request, after it arrived). */
  produce: (version: number) => Promise<unknown>,
): Promise<FastifyReply> {
  const version =
    view.version ??
    (view.regionIds
      ? await ctx.storage.regionsDataVersion(view.regionIds)
      : await ctx.storage.regionDataVersion(view.regionId));
  const day = today(ctx);
  // The regions are part of the key: a region added below changes the view without a write in the others.
  const viewKey = `${view.key}|${view.regionId}|${view.regionIds?.join(',') ?? ''}`;
  const views = cacheOf(ctx);
  const latest = views.get(viewKey);
  let entry = latest?.day === day && latest.version === version ? latest : undefined;
  if (entry === undefined) {
    const tag = `W/"${createHmac('sha256', tagKeyOf(ctx)).update(`${viewKey}|${day}|${version}`).digest('base64url').slice(0, 27)}"`;
    if (request.headers['if-none-match'] === tag) return notModified(reply, tag);
    const produced = await produce(version);
    const body =
      produced instanceof JsonBytes ? produced.bytes : Buffer.from(JSON.stringify(produced), 'utf8');
    // A write that changed nothing this view shows (a login, a report still with its unit's head) leaves its
    // bytes as they were: they are not compressed again. The tag still moves with the data version.
    entry =
      latest && (latest.body === body || latest.body.equals(body))
        ? { day, version, tag, body: latest.body, gzip: latest.gzip }
        : { day, version, tag, body };
    keepView(views, viewKey, entry);
  }
  if (request.headers['if-none-match'] === entry.tag) return notModified(reply, entry.tag);
  void cacheHeaders(reply, entry.tag);
  void reply.type('application/json; charset=utf-8');
  if (entry.body.length >= MIN_GZIP_BYTES && acceptsGzip(request)) {
    entry.gzip ??= gzipAsync(entry.body, { level: 6 });
    return reply.header('content-encoding', 'gzip').send(await entry.gzip);
  }
  return reply.send(entry.body);
}
