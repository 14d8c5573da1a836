import { createHash, randomBytes } from 'node:crypto';
import { findAccountByUsername } from '../db/repositories/account-repository.js';
import { deleteSession, findSessionAccount, insertSession } from '../db/repositories/session-repository.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import type { AccountRow } from '../db/schema.js';
import { LOGIN_WINDOW_MINUTES, SESSION_HOURS } from '../domain/sessions.js';
import type { Actor } from './actor.js';
import { db, nowIso, perContext, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as unitPolicy from './policies/unit.js';
import { SESSION_RECHECK_MS, sessionCacheOf } from './sessions.js';

const throttleOf = perContext(() => new LoginThrottle());
// Verifying against a real hash when the user does not exist keeps the response time from telling who exists.
let dummyHash: Promise<string> | undefined;

function actorOf(account: AccountRow): Actor {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.display_name,
    role: account.role,
    regionId: account.region_id,
    unitId: account.unit_id,
  };
}

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Credentials {
  username: string;
  password: string;
}

export interface LoginResult {
  token: string;
  actor: Actor;
  expiresAt: string;
}

export async function login(
  ctx: ServiceContext,
  credentials: Credentials,
  clientAddress: string,
): Promise<LoginResult> {
  const { username, password } = credentials;
  const now = ctx.now().getTime();
  const keys = [`u:${username}`, `ip:${clientAddress}`];
  const throttle = throttleOf(ctx);
  if (throttle.isBlocked(keys, now)) throw fail('auth.too_many_attempts', { minutes: LOGIN_WINDOW_MINUTES });
  const account = await findAccountByUsername(db(ctx), username);
  const ok = await verifyPassword(
    account?.password_hash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex')))),
    password,
  );
  const unit = account?.unit_id ? ((await getUnit(db(ctx), account.unit_id)) ?? null) : null;
  if (!account || !ok || !account.active || !unitPolicy.mayStaffAct(unit)) {
    throttle.recordFailure(keys, now);
    throw fail('auth.invalid_credentials');
  }
  throttle.reset([`u:${username}`]);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_HOURS * 3600_000).toISOString();
  const actor = actorOf(account);
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertSession(trx, {
      id: sessionIdOf(token),
      region_id: account.region_id,
      account_id: account.id,
      created_at: nowIso(ctx),
      expires_at: expiresAt,
    });
    await audit({ regionId: account.region_id, action: 'login', entity: 'account', entityId: account.id });
  });
  return { token, actor, expiresAt };
}

export async function logout(ctx: ServiceContext, actor: Actor, token: string): Promise<void> {
  sessionCacheOf(ctx).delete(token);
  await write(ctx, actor, async ({ trx, audit }) => {
    await deleteSession(trx, sessionIdOf(token));
    await audit({ regionId: actor.regionId, action: 'logout', entity: 'account', entityId: actor.accountId });
  });
}

/** The actor behind a session cookie, or undefined when it is unknown, expired or its account disabled. */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<Actor | undefined> {
  // Keyed by the token itself: this map lives only in this process's memory, and hashing on every call
  // showed up in profiles. The database is asked, by the token's hash, only on a miss.
  const cache = sessionCacheOf(ctx);
  const now = ctx.now();
  const cached = cache.get(token);
  if (cached && now.getTime() - cached.checkedAt < SESSION_RECHECK_MS)
    return cached.expiresAt > now.toISOString() ? cached.actor : undefined;
  const found = await findSessionAccount(db(ctx), sessionIdOf(token));
  if (
    !found ||
    found.expires_at <= now.toISOString() ||
    !found.account.active ||
    !unitPolicy.mayStaffAct(found.unit)
  ) {
    cache.delete(token);
    return undefined;
  }
  const actor = actorOf(found.account);
  if (cache.size > 10_000) cache.clear();
  cache.set(token, { actor, expiresAt: found.expires_at, checkedAt: now.getTime() });
  return actor;
}
