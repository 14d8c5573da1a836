import { toApiError } from './errors';

interface Prefetched {
  status: number;
  body: unknown;
}

declare global {
  interface Window {
    __tzPrefetch?: Record<string, Promise<Prefetched> | undefined>;
  }
}

/**
 * Takes the answer index.html's inline script already asked for, once: later loads of the same
 * path ask the server afresh. The body is the API's own JSON, typed by the caller's generated type.
 */
export function takePrefetched<T>(path: string): Promise<T> | undefined {
  const store = typeof window === 'undefined' ? undefined : window.__tzPrefetch;
  const pending = store?.[path];
  if (!store || !pending) return undefined;
  store[path] = undefined;
  return pending.then(({ status, body }) => {
    if (status >= 200 && status < 300) return body as T;
    throw toApiError(status, body);
  });
}
