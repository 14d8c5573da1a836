import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStorage } from '../src/db/connection.js';
import { ensureAdmin } from '../src/services/bootstrap-service.js';
import { verifyPassword } from '../src/services/passwords.js';
import { findAccountByUsername } from '../src/db/repositories/account-repository.js';
import { CLI, REPO_ROOT } from './helpers/cli.js';
import { send, uniqueName } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { login, PASSWORD, TODAY, worldSuite } from './helpers/world.js';

describe.each(dialects)('passwords on $name', (dialect) => {
  const s = worldSuite(dialect, ['office']);

  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    send(s.w.app, cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword, newPassword },
    });
  const me = (cookie: string) => send(s.w.app, cookie, { method: 'GET', url: '/api/auth/me' });

  it('lets an account change its own password, ending its other sessions but not this one', async () => {
    const here = await login(s.w.app, s.w.usernames.head2);
    const elsewhere = await login(s.w.app, s.w.usernames.head2);
    const res = await change(here, PASSWORD, 'a-new-and-long-one');
    expect(res.statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    await expect(login(s.w.app, s.w.usernames.head2)).rejects.toThrow(/401/);
    await login(s.w.app, s.w.usernames.head2, 'a-new-and-long-one');
    expect((await change(here, 'a-new-and-long-one', PASSWORD)).statusCode).toBe(200);
  });

  it('lets the operator change its own password', async () => {
    const admin = await login(s.w.app, 'admin');
    expect((await change(admin, PASSWORD, 'operator-pass-2026')).statusCode).toBe(200);
    expect((await change(admin, 'operator-pass-2026', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a wrong current password (without signing out) and a weak new one, changing nothing', async () => {
    const cookie = await login(s.w.app, s.w.usernames.reporter2);
    const wrong = await change(cookie, 'not-the-password', 'another-long-password');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.reason).toBe('password.wrong_current');
    for (const [weak, reason] of [
      ['123456', 'password.too_short'],
      ['woaini1314', 'password.too_common'],
      ['Password123', 'password.too_common'],
    ] as const) {
      const res = await change(cookie, PASSWORD, weak);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.reason).toBe(reason);
    }
    await login(s.w.app, s.w.usernames.reporter2);
  });

  it('checks the strength of passwords the office sets on accounts', async () => {
    const create = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/accounts`,
      payload: {
        username: uniqueName('a.weak'),
        displayName: '弱密码',
        password: 'qwerty123456',
        role: 'reporter',
        unitId: s.w.units.dept1,
      },
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.reason).toBe('password.too_common');
    const list = await send(s.w.app, s.cookies.office, {
      method: 'GET',
      url: `/api/regions/${s.w.regionA}/accounts`,
    });
    const target = list
      .json<{ id: string; username: string; version: number }[]>()
      .find((a) => a.username === s.w.usernames.reporter1)!;
    const reset = await send(s.w.app, s.cookies.office, {
      method: 'PATCH',
      url: `/api/accounts/${target.id}`,
      headers: { 'if-match': `"${target.version}"` },
      payload: { password: '88888888' },
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.reason).toBe('password.too_short');
  });
});

/** Runs `taizhang set-password USER` with the new password on stdin. */
function setPassword(databaseUrl: string, username: string, input: string) {
  return new Promise<{ code: number; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'set-password', username], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, TAIZHANG_LOG: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, out });
    });
    child.stdin.end(input);
  });
}

describe('taizhang set-password', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-setpw-'));
  const file = join(dir, 'taizhang.db');

  beforeAll(async () => {
    const storage = openStorage({ url: file });
    await migrateToLatest(storage.db);
    await ensureAdmin({ storage, filesDir: join(dir, 'files'), now: () => TODAY }, PASSWORD);
    await storage.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function adminHash(): Promise<string> {
    const storage = openStorage({ url: file });
    try {
      return (await findAccountByUsername(storage.db, 'admin'))!.password_hash;
    } finally {
      await storage.close();
    }
  }

  it('sets the admin password from stdin', async () => {
    const res = await setPassword(file, 'admin', 'operator-chosen-2026\n');
    expect(res.code, res.out).toBe(0);
    expect(await verifyPassword(await adminHash(), 'operator-chosen-2026')).toBe(true);
  }, 30_000);

  it('refuses a weak password and an unknown user, changing nothing', async () => {
    const weak = await setPassword(file, 'admin', '123456\n');
    expect(weak.code).not.toBe(0);
    expect(weak.out).toMatch(/10/);
    const unknown = await setPassword(file, 'nobody', 'a-long-enough-password\n');
    expect(unknown.code).not.toBe(0);
    expect(await verifyPassword(await adminHash(), 'operator-chosen-2026')).toBe(true);
  }, 30_000);
});
