import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail, type AppError } from '../services/errors.js';

/*
 * Cross-site request forgery. SameSite=Lax keeps the session cookie off other sites' requests, but another
 * app on the same host (another port) is the same "site", and its pages' forms and fetches carry our cookie.
 * So every state-changing API call must come from this origin: a browser says where a request comes from
 * (Origin, and Sec-Fetch-Site in current browsers), and a request without either is no browser's (curl, the
 * CLI, tests), which cannot carry a victim's cookie. Bodies are JSON or multipart only, so no HTML form or
 * text/plain "simple request" reaches a route.
 */

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCEPTED_BODIES = new Set(['application/json', 'multipart/form-data']);

/** The request's own host:port as the client addressed it, normalised like an Origin's (no default port). */
function sameHost(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Why a request is refused before any route sees it, or undefined when it may go on. */
function refusalOf(request: FastifyRequest): AppError | undefined {
  if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return undefined;
  const origin = header(request, 'origin');
  const fetchSite = header(request, 'sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin')
    return fail('request.cross_origin', { from: origin ?? fetchSite });
  if (origin !== undefined && !sameHost(origin, request.host))
    return fail('request.cross_origin', { from: origin });
  // A browser always sends Origin with these methods; one that says it is a browser but hides it is refused.
  if (origin === undefined && fetchSite !== undefined)
    return fail('request.cross_origin', { from: fetchSite });
  const media = header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (media !== undefined && media !== '' && !ACCEPTED_BODIES.has(media))
    return fail('request.unsupported_media_type');
  return undefined;
}

export function registerOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(refusalOf(request));
  });
}
