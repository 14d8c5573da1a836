import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { findAccountByUsername, getAccount, setPasswordHash } from '../db/repositories/account-repository.js';
import {
  deleteOtherSessionsOf,
  deleteSession,
  findSessionAccount,
  insertSession,
  touchSession,
} from '../db/repositories/session-repository.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import { SESSION_HOURS, SESSION_IDLE_MINUTES, SESSION_TOUCH_MINUTES } from '../domain/sessions.js';
import { actorOfAccount, type Actor } from './actor.js';
import { db, nowIso, perContext, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import { LoginThrottle } from './login-throttle.js';
import { demandStrongPassword, hashPassword, verifyPassword } from './passwords.js';
import * as unitPolicy from './policies/unit.js';
import { forgetSessions, SESSION_RECHECK_MS, sessionCacheOf } from './sessions.js';

const throttleOf = perContext(() => new LoginThrottle());
// Verifying against a real hash when the user does not exist keeps the response time from telling who exists.
let dummyHash: Promise<string> | undefined;

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
  const throttle = throttleOf(ctx);
  const verdict = throttle.check(username, clientAddress, now);
  if (verdict.refusedForSeconds > 0)
    throw fail('auth.too_many_attempts', {
      minutes: Math.ceil(verdict.refusedForSeconds / 60),
      retryAfterSeconds: verdict.refusedForSeconds,
    });
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  const account = await findAccountByUsername(db(ctx), username);
  const ok = await verifyPassword(
    account?.password_hash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex')))),
    password,
  );
  const unit = account?.unit_id ? ((await getUnit(db(ctx), account.unit_id)) ?? null) : null;
  if (!account || !ok || !account.active || !unitPolicy.mayStaffAct(unit)) {
    throttle.recordFailure(username, clientAddress, now);
    throw fail('auth.invalid_credentials');
  }
  throttle.recordSuccess(username, clientAddress);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_HOURS * 3600_000).toISOString();
  const actor = actorOfAccount(account);
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertSession(trx, {
      id: sessionIdOf(token),
      region_id: account.region_id,
      account_id: account.id,
      created_at: nowIso(ctx),
      expires_at: expiresAt,
      last_seen_at: nowIso(ctx),
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

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * An account changes its own password: it proves it knows the current one (wrong guesses count against the
 * login throttle, so a stolen session cannot try passwords faster than the login form), and every other
 * session of the account ends; the one it was changed from stays signed in.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  actor: Actor,
  token: string,
  change: PasswordChange,
  clientAddress: string,
): Promise<void> {
  const now = ctx.now().getTime();
  const throttle = throttleOf(ctx);
  const verdict = throttle.check(actor.username, clientAddress, now);
  if (verdict.refusedForSeconds > 0)
    throw fail('auth.too_many_attempts', {
      minutes: Math.ceil(verdict.refusedForSeconds / 60),
      retryAfterSeconds: verdict.refusedForSeconds,
    });
  const account = await getAccount(db(ctx), actor.accountId);
  if (!account || !(await verifyPassword(account.password_hash, change.currentPassword))) {
    throttle.recordFailure(actor.username, clientAddress, now);
    throw fail('password.wrong_current', {}, { field: 'currentPassword' });
  }
  demandStrongPassword(change.newPassword, account.username, 'newPassword');
  const passwordHash = await hashPassword(change.newPassword);
  await write(ctx, actor, async ({ trx, audit }) => {
    await setPasswordHash(trx, account.id, passwordHash);
    await deleteOtherSessionsOf(trx, account.id, sessionIdOf(token));
    await audit({
      regionId: account.region_id,
      action: 'account.change_password',
      entity: 'account',
      entityId: account.id,
    });
  });
  forgetSessions(ctx);
}

/** When a session stops being valid: its absolute end, or sooner when it goes unused. */
function endOf(expiresAt: string, lastSeenAt: string): string {
  const idleEnd = new Date(Date.parse(lastSeenAt) + SESSION_IDLE_MINUTES * 60_000).toISOString();
  return idleEnd < expiresAt ? idleEnd : expiresAt;
}

/**
 * The actor of a session this process checked within SESSION_RECHECK_MS, answered without waiting on anything
 * (every API call asks): null when the session has ended, undefined when only the database can tell.
 */
export function rememberedSession(ctx: ServiceContext, token: string): Actor | null | undefined {
  // Keyed by the token itself: this map lives only in this process's memory, and hashing on every call
  // showed up in profiles. The database is asked, by the token's hash, only on a miss.
  const cached = sessionCacheOf(ctx).get(token);
  if (!cached) return undefined;
  const now = ctx.now().getTime();
  if (now - cached.checkedAt >= SESSION_RECHECK_MS) return undefined;
  return cached.endsAt > now ? cached.actor : null;
}

/**
 * The actor behind a session cookie, or undefined when it is unknown, expired, idle too long or its account
 * disabled. Using a session pushes its idle timeout back (sliding expiry), written at most once a minute.
 */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<Actor | undefined> {
  const remembered = rememberedSession(ctx, token);
  if (remembered !== undefined) return remembered ?? undefined;
  const cache = sessionCacheOf(ctx);
  const now = ctx.now();
  const nowText = now.toISOString();
  const sessionId = sessionIdOf(token);
  const found = await findSessionAccount(db(ctx), sessionId);
  const lastSeen = found ? (found.last_seen_at ?? found.created_at) : '';
  if (
    !found ||
    endOf(found.expires_at, lastSeen) <= nowText ||
    !found.account.active ||
    !unitPolicy.mayStaffAct(found.unit)
  ) {
    cache.delete(token);
    return undefined;
  }
  if (now.getTime() - Date.parse(lastSeen) >= SESSION_TOUCH_MINUTES * 60_000)
    await ctx.storage.transact((trx) => touchSession(trx, sessionId, nowText));
  const actor = actorOfAccount(found.account);
  if (cache.size > 10_000) cache.clear();
  // Remembered until the earlier of its end and the idle end counted from now: the next database check
  // comes within SESSION_RECHECK_MS anyway.
  cache.set(token, { actor, endsAt: Date.parse(endOf(found.expires_at, nowText)), checkedAt: now.getTime() });
  return actor;
}
