interface Prefetched {
  status: number;
  body: unknown;
}

declare global {
  interface Window {
    __tzPrefetch?: Record<string, Promise<Prefetched> | undefined>;
  }
}

/** Answers older than this are not trusted: they were meant for the first screen, not a later one. */
const MAX_AGE_MS = 15_000;

/**
 * Uses the answer index.html's inline script already asked for, once; later loads of the same path
 * ask the server afresh. Anything but a success (an expired session's 401, say) is dropped and the
 * request made again, so a stale refusal never outlives a fresh sign-in. The body is the API's own
 * JSON for that path, typed by the caller's generated type.
 */
export function withPrefetch<T>(path: string, request: () => Promise<T>): Promise<T> {
  const store = typeof window === 'undefined' ? undefined : window.__tzPrefetch;
  const pending = store?.[path];
  if (!store || !pending) return request();
  store[path] = undefined;
  if (performance.now() > MAX_AGE_MS) return request();
  return pending.then(({ status, body }) => (status >= 200 && status < 300 ? (body as T) : request()));
}
