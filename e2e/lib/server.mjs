import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEMO_PASSWORD = 'demo-e2e-12345';
export const ADMIN_PASSWORD = 'admin-e2e-12345';

/** A port nobody listens on right now: bind to 0 and let the kernel choose. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

/**
 * Starts the real server (built dist/) on a free port with a fresh data directory and the demo workspace.
 * A test may pass its own `dataDir` (kept on stop, so a second server can start on the same data) and extra
 * `env` (e.g. TAIZHANG_NOW to start the server's clock at a chosen instant).
 */
export async function startServer(root, options = {}) {
  const port = await freePort();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'taizhang-e2e-'));
  // SQLite in the fresh data directory, whatever DATABASE_URL the calling shell has.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/taizhang.js', 'serve'], {
    cwd: root,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TAIZHANG_DATA_DIR: dataDir,
      TAIZHANG_DEMO_PASSWORD: DEMO_PASSWORD,
      TAIZHANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${log}`);
  }
  return {
    base,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
