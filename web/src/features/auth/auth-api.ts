import { api, unwrap } from '../../api/client';
import { withPrefetch } from '../../api/prefetch';
import type { Me } from '../../api/types';

/** Who is signed in; the first call takes the answer index.html already asked for. */
export function fetchMe(): Promise<Me> {
  return withPrefetch<Me>('/api/auth/me', () => unwrap(api.GET('/api/auth/me')));
}

export function signIn(username: string, password: string): Promise<Me> {
  return unwrap(api.POST('/api/auth/login', { body: { username, password } }));
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout'));
}

/**
 * Calls `onExpired` whenever an API call answers 401 (a refused sign-in excepted); returns the function
 * that stops listening.
 */
export function onSessionExpired(onExpired: () => void): () => void {
  const middleware = {
    onResponse({ request, response }: { request: Request; response: Response }) {
      if (response.status === 401 && !request.url.includes('/api/auth/login')) onExpired();
      return undefined;
    },
  };
  api.use(middleware);
  return () => {
    api.eject(middleware);
  };
}
