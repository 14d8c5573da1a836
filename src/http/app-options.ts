import type { ServiceContext } from '../services/context.js';

export interface AppOptions {
  ctx: ServiceContext;
  logger?: boolean;
  /** Built single-page app to serve; skipped when absent (API-only tests). */
  webRoot?: string | null;
  /** Whether the session cookie is marked Secure (behind HTTPS). */
  secureCookies?: boolean;
}

export const SESSION_COOKIE = 'tz_session';
