import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Spin } from 'antd';
import type { Me } from '../../api/types';
import { AuthContext, type Auth } from '../../app/session';
import { fetchMe, onSessionExpired, signIn, signOut } from './auth-api';
import { hasSessionHint, setSessionHint } from './session-hint';

/** Asks the server who is signed in (the session is an httpOnly cookie the page cannot read). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(() => (hasSessionHint() ? undefined : null));

  useEffect(() => {
    if (!hasSessionHint()) return;
    let live = true;
    fetchMe().then(
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
  useEffect(
    () =>
      onSessionExpired(() => {
        setSessionHint(false);
        setMe(null);
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const account = await signIn(username, password);
    setSessionHint(true);
    setMe(account);
    return account;
  }, []);

  const logout = useCallback(async () => {
    try {
      await signOut();
    } finally {
      setSessionHint(false);
      setMe(null);
    }
  }, []);

  const value = useMemo<Auth>(() => ({ me: me ?? null, login, logout }), [me, login, logout]);
  if (me === undefined) return <Spin fullscreen />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
