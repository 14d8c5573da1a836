import { describe, expect, it } from 'vitest';
import { send, ok, uniqueName } from '../helpers/http.js';
import { dialects } from '../helpers/storage.js';
import { login, PASSWORD, worldSuite } from '../helpers/world.js';

// The fields an account leaves the server with (routes/accounts/presenter.ts), and nothing else.
const ACCOUNT_FIELDS = ['active', 'displayName', 'id', 'regionId', 'role', 'unitId', 'username', 'version'];
const UNIT_FIELDS = ['active', 'id', 'kind', 'name', 'version'];

interface Versioned {
  id: string;
  version: number;
}

describe.each(dialects)('accounts, units and the signed-in account on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office']);

  async function accountNamed(username: string): Promise<Versioned> {
    const res = await ok(suite.w.app, suite.cookies.office, {
      method: 'GET',
      url: `/api/regions/${suite.w.regionA}/accounts`,
    });
    const found = res.json<(Versioned & { username: string })[]>().find((a) => a.username === username);
    if (!found) throw new Error(`no account ${username}`);
    return found;
  }

  it('answers a stale account PATCH with 412 and the account as presented, never its password hash', async () => {
    const before = await accountNamed(suite.w.usernames.reporter2);
    const patch = (version: number, displayName: string) =>
      send(suite.w.app, suite.cookies.office, {
        method: 'PATCH',
        url: `/api/accounts/${before.id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { displayName },
      });
    const fresh = await patch(before.version, uniqueName('填报员'));
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).toBe(`"${before.version + 1}"`);

    const stale = await patch(before.version, uniqueName('过期的改名'));
    expect(stale.statusCode).toBe(412);
    const error = stale.json().error;
    expect(error.code).toBe('stale_version');
    const current = error.details.current;
    expect(Object.keys(current).sort()).toEqual(ACCOUNT_FIELDS);
    expect(current).not.toHaveProperty('password_hash');
    expect(current).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(stale.json())).not.toContain('$argon2');
    expect(current).toMatchObject({
      id: before.id,
      username: suite.w.usernames.reporter2,
      displayName: fresh.json().displayName,
      role: 'reporter',
      regionId: suite.w.regionA,
      unitId: suite.w.units.dept2,
      active: true,
      version: before.version + 1,
    });
  });

  it('answers a stale unit PATCH with 412 and the unit as presented', async () => {
    const list = await ok(suite.w.app, suite.cookies.office, {
      method: 'GET',
      url: `/api/regions/${suite.w.regionA}/units`,
    });
    const unit = list.json<Versioned[]>().find((u) => u.id === suite.w.units.dept1)!;
    const patch = (name: string) =>
      send(suite.w.app, suite.cookies.office, {
        method: 'PATCH',
        url: `/api/units/${unit.id}`,
        headers: { 'if-match': `"${unit.version}"` },
        payload: { name },
      });
    expect((await patch('区发展和改革委员会')).statusCode).toBe(200);
    const stale = await patch(uniqueName('过期的单位名'));
    expect(stale.statusCode).toBe(412);
    const current = stale.json().error.details.current;
    expect(Object.keys(current).sort()).toEqual(UNIT_FIELDS);
    expect(current).toMatchObject({ id: unit.id, name: '区发展和改革委员会', version: unit.version + 1 });
  });

  it.each([
    [
      'admin',
      {
        importPlans: true,
        manageUnits: true,
        manageAccounts: true,
        manageOversightAccounts: true,
        verifyAudit: true,

        createRegions: true,
      },
    ],
    [
      'office',
      {
        importPlans: true,
        manageUnits: true,
        manageAccounts: true,
        manageOversightAccounts: false,
        verifyAudit: false,

        createRegions: false,
      },
    ],
    [
      'leader',
      {
        importPlans: false,
        manageUnits: false,
        manageAccounts: false,
        manageOversightAccounts: false,
        verifyAudit: false,

        createRegions: false,
      },
    ],
    [
      'viewer',
      {
        importPlans: false,
        manageUnits: false,
        manageAccounts: false,
        manageOversightAccounts: false,
        verifyAudit: true,

        createRegions: false,
      },
    ],
    [
      'reporter1',
      {
        importPlans: false,
        manageUnits: false,
        manageAccounts: false,
        manageOversightAccounts: false,
        verifyAudit: false,

        createRegions: false,
      },
    ],
    [
      'officeB',
      {
        importPlans: true,
        manageUnits: true,
        manageAccounts: true,
        manageOversightAccounts: false,
        verifyAudit: false,

        createRegions: false,
      },
    ],
  ] as const)('tells %s on /auth/me what it may do in its region', async (who, can) => {
    const cookie = await login(suite.w.app, suite.w.usernames[who]);
    const me = (await ok(suite.w.app, cookie, { method: 'GET', url: '/api/auth/me' })).json();
    expect(me).toMatchObject({ username: suite.w.usernames[who], can });
    // The login answer is the same presentation.
    const signedIn = await send(suite.w.app, null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: suite.w.usernames[who], password: PASSWORD },
    });
    expect(signedIn.json().can).toEqual(can);
  });
});
