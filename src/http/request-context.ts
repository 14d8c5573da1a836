import type { FastifyRequest } from 'fastify';
import type { Actor } from '../services/actor.js';
import { fail } from '../services/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The caller of an authenticated route; the auth hook has already refused anonymous calls. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw fail('auth.required');
  return request.actor;
}

/**
 * Reads the version an update is based on. Updates without one are refused (428) rather than
 * applied blindly, because a blind write is how one office worker silently undoes another's edit.
 */
export function requiredVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw fail('version.required');
  const version = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(version) || version < 1) throw fail('version.malformed', {}, { header });
  return version;
}

/** For state transitions the version is optional: the transition's own preconditions already guard them. */
export function optionalVersion(request: FastifyRequest): number | undefined {
  return request.headers['if-match'] === undefined ? undefined : requiredVersion(request);
}

export function etag(version: number): string {
  return `"${version}"`;
}
