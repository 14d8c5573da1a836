import { newId } from '../db/ids.js';
import {
  findAccountByUsername,
  getAccount,
  insertAccount,
  listAccounts,
  setPasswordHash,
} from '../db/repositories/account-repository.js';
import { deleteSessionsOf } from '../db/repositories/session-repository.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import type { AccountRow, Role } from '../db/schema.js';
import { accountFor, demand, regionFor } from './access.js';
import { SYSTEM_ACTOR, type Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import { demandStrongPassword, hashPassword } from './passwords.js';
import * as accountPolicy from './policies/account.js';
import { forgetSessions } from './sessions.js';
import { definedFields, flag, updateRow } from './versioned-write.js';

export type { AccountRow, Role };

export interface AccountInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string | null | undefined;
}

export interface AccountPatch {
  displayName?: string | undefined;
  role?: Role | undefined;
  unitId?: string | null | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

/** The role an account of the region may hold, and the unit it names: one of the region's units. */
async function checkRoleAndUnit(
  ctx: ServiceContext,
  regionId: string,
  role: Role,
  unitId: string | null | undefined,
): Promise<void> {
  demand(accountPolicy.mayHoldRoleInRegion(role), 'access.no_admin_in_region');
  if (accountPolicy.roleNeedsUnit(role) && !unitId)
    throw fail('account.unit_required', {}, { field: 'unitId' });
  if (unitId) {
    const unit = await getUnit(db(ctx), unitId);
    if (unit?.region_id !== regionId) throw fail('unit.unknown', {}, { field: 'unitId' });
  }
}

export async function accountsOf(ctx: ServiceContext, actor: Actor, regionId: string): Promise<AccountRow[]> {
  await regionFor(ctx, actor, regionId);
  demand(accountPolicy.can(actor, 'list', { regionId, roles: [] }));
  return listAccounts(db(ctx), regionId);
}

export async function createAccount(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: AccountInput,
): Promise<AccountRow> {
  await regionFor(ctx, actor, regionId);
  demand(accountPolicy.can(actor, 'create', { regionId, roles: [input.role] }));
  await checkRoleAndUnit(ctx, regionId, input.role, input.unitId);
  if (await findAccountByUsername(db(ctx), input.username))
    throw fail('account.username_taken', {}, { field: 'username' });
  demandStrongPassword(input.password, input.username);
  const id = newId('acct');
  const passwordHash = await hashPassword(input.password);
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertAccount(trx, {
      id,
      region_id: regionId,
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      unit_id: input.unitId ?? null,
      active: 1,
      created_at: nowIso(ctx),
    });
    await audit({
      regionId,
      action: 'account.create',
      entity: 'account',
      entityId: id,
      data: { username: input.username, role: input.role, unitId: input.unitId ?? null },
    });
  });
  return (await getAccount(db(ctx), id))!;
}

export async function updateAccount(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
  expectedVersion: number,
  input: AccountPatch,
): Promise<AccountRow> {
  const account = await accountFor(ctx, actor, accountId);
  const regionId = account.region_id;
  demand(accountPolicy.can(actor, 'update', { regionId, roles: [account.role, input.role ?? account.role] }));
  await checkRoleAndUnit(
    ctx,
    regionId,
    input.role ?? account.role,
    input.unitId !== undefined ? input.unitId : account.unit_id,
  );
  if (input.password !== undefined) demandStrongPassword(input.password, account.username);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return write(ctx, actor, async (scope) => {
    const updated = await updateRow(scope, {
      table: 'accounts',
      id: accountId,
      expectedVersion,
      patch: definedFields({
        display_name: input.displayName,
        role: input.role,
        unit_id: input.unitId,
        active: flag(input.active),
        password_hash: passwordHash,
      }),
      read: getAccount,
      audit: {
        regionId,
        action: 'account.update',
        entity: 'account',
        entityId: accountId,
        data: { ...input, password: input.password !== undefined ? '***' : undefined },
      },
    });
    // Disabling an account or resetting its password ends its open sessions.
    if (input.active === false || passwordHash !== undefined) await deleteSessionsOf(scope.trx, accountId);
    forgetSessions(ctx);
    return updated;
  });
}

/**
 * The operator's way in when a password is lost, the admin's included (`taizhang set-password USER` on the
 * server): no session needed, the strength rule applies, and the account's open sessions end.
 */
export async function setPasswordFromConsole(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<void> {
  const account = await findAccountByUsername(db(ctx), username);
  if (!account) throw fail('account.not_found');
  demandStrongPassword(password, account.username);
  const passwordHash = await hashPassword(password);
  await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
    await setPasswordHash(trx, account.id, passwordHash);
    await deleteSessionsOf(trx, account.id);
    await audit({
      regionId: account.region_id,
      action: 'account.set_password',
      entity: 'account',
      entityId: account.id,
      data: { username, from: 'console' },
    });
  });
  forgetSessions(ctx);
}
