import { join, resolve } from 'node:path';
import type { AuditKeys } from '../db/audit-key.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  demo: boolean;
  /** Log every request as pino JSON. */
  logRequests: boolean;
  /** Signs the audit chain (TAIZHANG_AUDIT_KEY); earlier keys verify the events written before a rotation. */
  auditKeys: AuditKeys;
  /**
   * Which reverse proxies' X-Forwarded-For to believe (TAIZHANG_TRUST_PROXY): none (false) or the proxies'
   * addresses/CIDRs. Believing any sender would let a client pick the address that
   * login throttling counts.
   */
  trustProxy: TrustProxy;
  /** Behind HTTPS (TAIZHANG_SECURE_COOKIES=1): the session cookie is Secure and answers carry HSTS. */
  secureCookies: boolean;
  /**
   * For tests only (TAIZHANG_NOW, an ISO instant): the server's clock starts there and runs on, so a
   * browser test can see a deadline pass. Unset in every real deployment.
   */
  clockStart: Date | undefined;
  /** Bulletins (通报): LibreOffice for PDF (TAIZHANG_SOFFICE, default soffice on the PATH) and its timeout (TAIZHANG_PDF_TIMEOUT_MS). */
  pdf: { binary?: string; timeoutMs?: number };
}

export type TrustProxy = false | string[];

/** Everything the server reads from its environment, in one place (README documents each). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.TAIZHANG_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT ?? ''}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: databaseUrlOf(env.DATABASE_URL, dataDir),
    dataDir,
    adminPassword: env.TAIZHANG_ADMIN_PASSWORD || undefined,
    demoPassword: env.TAIZHANG_DEMO_PASSWORD || undefined,
    demo: (env.TAIZHANG_DEMO ?? '1') !== '0',
    logRequests: env.TAIZHANG_LOG === '1',
    auditKeys: {
      current: auditKeyOf(env.TAIZHANG_AUDIT_KEY, 'TAIZHANG_AUDIT_KEY'),
      previous: (env.TAIZHANG_AUDIT_KEY_PREVIOUS ?? '')
        .split(',')
        .map((k) => auditKeyOf(k, 'TAIZHANG_AUDIT_KEY_PREVIOUS'))
        .filter((k) => k !== null),
    },
    trustProxy: trustProxyOf(env.TAIZHANG_TRUST_PROXY),
    secureCookies: env.TAIZHANG_SECURE_COOKIES === '1',
    clockStart: clockStartOf(env.TAIZHANG_NOW),
    pdf: {
      ...(env.TAIZHANG_SOFFICE ? { binary: env.TAIZHANG_SOFFICE } : {}),
      ...(Number(env.TAIZHANG_PDF_TIMEOUT_MS) > 0 ? { timeoutMs: Number(env.TAIZHANG_PDF_TIMEOUT_MS) } : {}),
    },
  };
}

/**
 * Unset, empty or 0: no proxy. Otherwise a comma-separated list of the proxies' addresses or CIDRs (or
 * proxy-addr's names loopback, linklocal, uniquelocal). Not a hop count: trusting "the nearest N hops"
 * cannot tell a proxy from a client that connects directly and sends N forged hops, and Fastify itself
 * ignores numeric values for that reason.
 */
function trustProxyOf(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const isAddress = (e: string) =>
    (/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(e) && /[.:]/.test(e)) ||
    ['loopback', 'linklocal', 'uniquelocal'].includes(e);
  // "true", "*" or a hop count would believe senders that are not our proxy: what this setting exists to prevent.
  if (!entries.every(isAddress))
    throw new Error(
      `TAIZHANG_TRUST_PROXY must list the reverse proxies' addresses (e.g. 127.0.0.1,10.0.0.0/8 or loopback), got "${text}"`,
    );
  return entries;
}

function clockStartOf(value: string | undefined): Date | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at.getTime()))
    throw new Error(`TAIZHANG_NOW must be an ISO instant such as 2026-09-29T02:00:00Z, got "${text}"`);
  return at;
}

/** "Now" for the server: the real clock, or one started at TAIZHANG_NOW that runs on from there. */
export function clockOf(config: Pick<Config, 'clockStart'>): () => Date {
  if (!config.clockStart) return () => new Date();
  const offset = config.clockStart.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

const MIN_AUDIT_KEY_LENGTH = 16;

/** A short key is guessable from the chain itself; refuse it rather than sign with it. Empty means unset. */
function auditKeyOf(value: string | undefined, name: string): string | null {
  const key = value?.trim() ?? '';
  if (key === '') return null;
  if (key.length < MIN_AUDIT_KEY_LENGTH)
    throw new Error(
      `${name} must be at least ${MIN_AUDIT_KEY_LENGTH} characters (e.g. openssl rand -hex 32), got ${key.length}`,
    );
  return key;
}

/**
 * Container tools often pass an empty DATABASE_URL: that means unset (the SQLite file in the data
 * directory). Anything else must be a PostgreSQL URL or a path to a SQLite file, never a guess.
 */
function databaseUrlOf(value: string | undefined, dataDir: string): string {
  const url = value?.trim() ?? '';
  if (url === '') return join(dataDir, 'taizhang.db');
  if (/^postgres(ql)?:\/\//.test(url)) return url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url === ':memory:')
    throw new Error(`DATABASE_URL must be a postgres:// URL or a SQLite file path, got "${url}"`);
  return resolve(url);
}
