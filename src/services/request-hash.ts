import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: the same request hashes the same whatever order its fields came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What an Idempotency-Key remembers of its request, to tell a retry from a different request under the same key. */
export function requestHash(route: string, payload: unknown): string {
  return createHash('sha256').update(route).update('\n').update(canonical(payload)).digest('hex');
}
