import type { ServiceContext } from '../services/context.js';

export interface AppOptions {
  ctx: ServiceContext;
  logger?: boolean;
  /** Built single-page app to serve; skipped when absent (API-only tests). */
  webRoot?: string | null;
  /** Behind HTTPS: the session cookie is marked Secure and every answer carries Strict-Transport-Security. */
  secureCookies?: boolean;
  /** Whose X-Forwarded-For to believe for the client's address: no proxy (the default) or the proxies' addresses. */
  trustProxy?: false | string[];
}

export const SESSION_COOKIE = 'tz_session';
