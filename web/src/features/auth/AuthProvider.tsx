import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Spin } from 'antd';
import { api, unwrap } from '../../api/client';
import { withPrefetch } from '../../api/prefetch';
import type { Me } from '../../api/types';
import { AuthContext, type Auth } from '../../app/session';
import { hasSessionHint, setSessionHint } from './session-hint';

/** Asks the server who is signed in (the session is an httpOnly cookie the page cannot read). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(() => (hasSessionHint() ? undefined : null));

  useEffect(() => {
    if (!hasSessionHint()) return;
    let live = true;
    withPrefetch<Me>('/api/auth/me', () => unwrap(api.GET('/api/auth/me'))).then(
      (account) => {
        if (live) setMe(account);
      },
      () => {
        setSessionHint(false);
        if (live) setMe(null);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // A session that expires mid-work sends the user to the login page instead of leaving dead screens.
  useEffect(() => {
    const middleware = {
      onResponse({ request, response }: { request: Request; response: Response }) {
        if (response.status === 401 && !request.url.includes('/api/auth/login')) {
          setSessionHint(false);
          setMe(null);
        }
        return undefined;
      },
    };
    api.use(middleware);
    return () => {
      api.eject(middleware);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const account = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
    setSessionHint(true);
    setMe(account);
    return account;
  }, []);

  const logout = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      setSessionHint(false);
      setMe(null);
    }
  }, []);

  const value = useMemo<Auth>(() => ({ me: me ?? null, login, logout }), [me, login, logout]);
  if (me === undefined) return <Spin fullscreen />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
