import type { FastifyRequest } from 'fastify';
import type { Actor } from '../services/actor.js';
import { AppError } from '../services/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The caller of an authenticated route; the auth hook has already refused anonymous calls. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', '请先登录 (login required)');
  return request.actor;
}

/**
 * Reads the version an update is based on. Updates without one are refused (428) rather than
 * applied blindly, because a blind write is how one office worker silently undoes another's edit.
 */
export function requiredVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '')
    throw new AppError('version_required', '缺少 If-Match 版本号，请刷新后重试 (If-Match required)');
  const version = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(version) || version < 1)
    throw new AppError('validation_failed', 'If-Match 版本号格式有误 (bad If-Match)', { header });
  return version;
}

/** For state transitions the version is optional: the transition's own preconditions already guard them. */
export function optionalVersion(request: FastifyRequest): number | undefined {
  return request.headers['if-match'] === undefined ? undefined : requiredVersion(request);
}

export function etag(version: number): string {
  return `"${version}"`;
}
