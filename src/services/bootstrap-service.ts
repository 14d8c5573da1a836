import { randomBytes } from 'node:crypto';
import { countAccounts, insertAccount } from '../db/repositories/account-repository.js';
import { newId } from '../db/ids.js';
import { SYSTEM_ACTOR } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { hashPassword } from './passwords.js';

export function randomPassword(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * On an empty database, creates the `admin` account. Returns the password when it was generated, so the
 * caller prints it once; an operator-provided password is never echoed.
 */
export async function ensureAdmin(
  ctx: ServiceContext,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await countAccounts(db(ctx))) > 0) return { created: false };
  const chosen = password ?? randomPassword();
  const passwordHash = await hashPassword(chosen);
  const id = newId('acct');
  await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
    await insertAccount(trx, {
      id,
      region_id: null,
      username: 'admin',
      display_name: '系统管理员',
      password_hash: passwordHash,
      role: 'admin',
      unit_id: null,
      active: 1,
      created_at: nowIso(ctx),
    });
    await audit({
      regionId: null,
      action: 'account.create',
      entity: 'account',
      entityId: id,
      data: { username: 'admin', role: 'admin' },
    });
  });
  return password ? { created: true } : { created: true, generatedPassword: chosen };
}
