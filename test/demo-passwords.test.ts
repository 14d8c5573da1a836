import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from './helpers/server.js';

// The demo password is for trying the system and is shown to whoever starts it: it must never open the
// operator's account. Both are generated when neither is set.
describe('first start with generated passwords', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'taizhang-first-start-'));
  let server: RunningServer | undefined;

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = (base: string, username: string, password: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it('prints an admin password and a different demo password, and the demo one does not open admin', async () => {
    server = await startServer(
      {
        TAIZHANG_DATA_DIR: dataDir,
        TAIZHANG_ADMIN_PASSWORD: '',
        TAIZHANG_DEMO_PASSWORD: '',
        TAIZHANG_DEMO: '1',
      },
      await freePort(),
      90_000,
    );
    const output = server.output();
    const admin = /admin password \(shown once\): admin \/ (\S+)/.exec(output)?.[1];
    const demo = /demo accounts' password \(shown once\): (\S+)/.exec(output)?.[1];
    expect(admin).toBeTruthy();
    expect(demo).toBeTruthy();
    expect(demo).not.toBe(admin);
    expect((await login(server.base, 'admin', demo!)).status).toBe(401);
    expect((await login(server.base, 'admin', admin!)).status).toBe(200);
    expect((await login(server.base, 'zjkfq.office', demo!)).status).toBe(200);
  }, 120_000);
});
