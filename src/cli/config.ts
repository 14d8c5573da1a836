import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  demo: boolean;
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
    databaseUrl: env.DATABASE_URL ?? join(dataDir, 'taizhang.db'),
    dataDir,
    adminPassword: env.TAIZHANG_ADMIN_PASSWORD || undefined,
    demoPassword: env.TAIZHANG_DEMO_PASSWORD || undefined,
    demo: (env.TAIZHANG_DEMO ?? '1') !== '0',
  };
}
