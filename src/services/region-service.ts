import { newId } from '../db/ids.js';
import {
  getAccount,
  insertAccount,
  listAccounts,
  deleteSessionsOf,
  findAccountByUsername,
} from '../db/repositories/account-repository.js';
import { getRegion, insertRegion, listRegions } from '../db/repositories/region-repository.js';
import { findUnitByName, getUnit, insertUnit, listUnits } from '../db/repositories/unit-repository.js';
import { updateVersioned } from '../db/repositories/versioned.js';
import type { AccountRow, RegionRow, Role, UnitKind, UnitRow } from '../db/schema.js';
import { assertRegion, assertRole, isAdmin, type Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { conflict, forbidden, invalid, notFound, StaleVersionError } from './errors.js';
import { hashPassword } from './passwords.js';
import { forgetSessions } from './auth-service.js';

export async function regionsFor(ctx: ServiceContext, actor: Actor): Promise<RegionRow[]> {
  if (isAdmin(actor)) return listRegions(db(ctx));
  if (!actor.regionId) return [];
  return listRegions(db(ctx), actor.regionId);
}

export async function regionFor(ctx: ServiceContext, actor: Actor, regionId: string): Promise<RegionRow> {
  assertRegion(actor, regionId);
  const region = await getRegion(db(ctx), regionId);
  if (!region) throw notFound('地区');
  return region;
}

export async function createRegion(
  ctx: ServiceContext,
  actor: Actor,
  input: { name: string; kind: string; parentCity?: string | undefined },
): Promise<RegionRow> {
  if (!isAdmin(actor)) throw forbidden();
  const id = newId('rgn');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertRegion(trx, {
      id,
      name: input.name,
      kind: input.kind,
      parent_city: input.parentCity ?? null,
      settings: '{}',
      created_at: nowIso(ctx),
    });
    await audit({ regionId: id, action: 'region.create', entity: 'region', entityId: id, data: input });
  });
  return (await getRegion(db(ctx), id))!;
}

export async function unitsOf(ctx: ServiceContext, actor: Actor, regionId: string): Promise<UnitRow[]> {
  await regionFor(ctx, actor, regionId);
  return listUnits(db(ctx), regionId);
}

export async function createUnit(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: { name: string; kind: UnitKind },
): Promise<UnitRow> {
  await regionFor(ctx, actor, regionId);
  assertRole(actor, ['office']);
  if (await findUnitByName(db(ctx), regionId, input.name))
    throw conflict('同名单位已存在 (unit exists)', { field: 'name' });
  const id = newId('unit');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertUnit(trx, {
      id,
      region_id: regionId,
      name: input.name,
      kind: input.kind,
      active: 1,
      created_at: nowIso(ctx),
    });
    await audit({ regionId, action: 'unit.create', entity: 'unit', entityId: id, data: input });
  });
  return (await getUnit(db(ctx), id))!;
}

export async function updateUnit(
  ctx: ServiceContext,
  actor: Actor,
  unitId: string,
  expectedVersion: number,
  input: { name?: string | undefined; kind?: UnitKind | undefined; active?: boolean | undefined },
): Promise<UnitRow> {
  const unit = await getUnit(db(ctx), unitId);
  if (!unit) throw notFound('单位');
  assertRegion(actor, unit.region_id);
  assertRole(actor, ['office']);
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
    };
    if (!(await updateVersioned(trx, 'units', unitId, expectedVersion, patch)))
      throw new StaleVersionError(await getUnit(trx, unitId));
    await audit({
      regionId: unit.region_id,
      action: 'unit.update',
      entity: 'unit',
      entityId: unitId,
      data: input,
    });
  });
  return (await getUnit(db(ctx), unitId))!;
}

export async function accountsOf(ctx: ServiceContext, actor: Actor, regionId: string): Promise<AccountRow[]> {
  await regionFor(ctx, actor, regionId);
  assertRole(actor, ['office']);
  return listAccounts(db(ctx), regionId);
}

const UNIT_ROLES: readonly Role[] = ['unit_head', 'reporter'];

async function checkAccountUnit(
  ctx: ServiceContext,
  regionId: string,
  role: Role,
  unitId: string | null | undefined,
): Promise<void> {
  if (role === 'admin') throw forbidden('不能在地区内创建系统管理员 (no admin accounts in a region)');
  if (UNIT_ROLES.includes(role) && !unitId)
    throw invalid('单位账号必须指定所属单位 (unit accounts need a unit)', { field: 'unitId' });
  if (unitId) {
    const unit = await getUnit(db(ctx), unitId);
    if (unit?.region_id !== regionId)
      throw invalid('单位不存在或不属于本地区 (unknown unit)', { field: 'unitId' });
  }
}

export interface AccountInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string | null | undefined;
}

export async function createAccount(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: AccountInput,
): Promise<AccountRow> {
  await regionFor(ctx, actor, regionId);
  assertRole(actor, ['office']);
  await checkAccountUnit(ctx, regionId, input.role, input.unitId);
  if (await findAccountByUsername(db(ctx), input.username))
    throw conflict('用户名已被使用 (username taken)', { field: 'username' });
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
  input: {
    displayName?: string | undefined;
    role?: Role | undefined;
    unitId?: string | null | undefined;
    active?: boolean | undefined;
    password?: string | undefined;
  },
): Promise<AccountRow> {
  const account = await getAccount(db(ctx), accountId);
  if (!account?.region_id) throw notFound('账号');
  await regionFor(ctx, actor, account.region_id);
  assertRole(actor, ['office']);
  await checkAccountUnit(
    ctx,
    account.region_id,
    input.role ?? account.role,
    input.unitId !== undefined ? input.unitId : account.unit_id,
  );
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.unitId !== undefined && { unit_id: input.unitId }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      ...(passwordHash !== undefined && { password_hash: passwordHash }),
    };
    if (!(await updateVersioned(trx, 'accounts', accountId, expectedVersion, patch)))
      throw new StaleVersionError(await getAccount(trx, accountId));
    // Disabling an account or resetting its password ends its open sessions.
    if (input.active === false || passwordHash !== undefined) await deleteSessionsOf(trx, accountId);
    forgetSessions(ctx);
    await audit({
      regionId: account.region_id,
      action: 'account.update',
      entity: 'account',
      entityId: accountId,
      data: { ...input, password: input.password !== undefined ? '***' : undefined },
    });
  });
  return (await getAccount(db(ctx), accountId))!;
}
