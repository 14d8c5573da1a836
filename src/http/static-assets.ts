import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { relative, sep } from 'node:path';
import { fail } from '../services/errors.js';
import { errorBody } from './errors.js';

/** Vite names every file under assets/ by a hash of its content: a new build gives new names. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files, so the browser asks each time (a 304 when unchanged). */
export const SHELL_CACHE = 'no-cache';

/** The Cache-Control of a file under `webRoot`, by where it sits in the build (its `.br`/`.gz` alike). */
export function cacheControlFor(webRoot: string, filePath: string): string {
  return relative(webRoot, filePath).split(sep)[0] === 'assets' ? HASHED_ASSET_CACHE : SHELL_CACHE;
}

/**
 * Serves the built single-page app from `webRoot`: the brotli or gzip file the build wrote beside each asset
 * when the browser accepts it (`npm run build` writes them: web/precompress.mjs), hashed assets cached for a
 * year, the shell revalidated; any other non-API GET gets the shell, for client-side routes.
 */
export async function registerStaticAssets(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(webRoot, filePath));
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send(errorBody(fail('request.no_route')));
  });
}
