import { join, resolve } from 'node:path';

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
}

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
  };
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
