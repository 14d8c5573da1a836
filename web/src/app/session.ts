import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

/*
 * The signed-in account, app-wide. features/auth/AuthProvider fills it from the server; every feature
 * reads it through useAuth/useMe from here, never from the auth feature itself.
 */
export interface Auth {
  me: Me | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in account; only used under RequireAuth, where there always is one. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
