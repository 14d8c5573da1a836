import type { Actor } from './actor.js';
import { perContext, type ServiceContext } from './context.js';

// Every API call resolves its session; remembering the answer for a few seconds saves a query per call.
// Logout and any change to an account clear it at once in this process; other processes notice within
// SESSION_RECHECK_MS. Kept apart from the services so that auth (which fills it) and accounts (whose
// changes clear it) share it without importing each other.

export const SESSION_RECHECK_MS = 5_000;

export interface CachedSession {
  actor: Actor;
  /** When it stops being valid, in milliseconds: compared on every call, where formatting a date cost more. */
  endsAt: number;
  checkedAt: number;
}

/** Keyed by the session token itself: the map lives only in this process's memory. */
export const sessionCacheOf = perContext(() => new Map<string, CachedSession>());

/** Forgets every remembered session, so the next call of each asks the database again. */
export function forgetSessions(ctx: ServiceContext): void {
  sessionCacheOf(ctx).clear();
}
