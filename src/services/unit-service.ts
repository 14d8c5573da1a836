import { newId } from '../db/ids.js';
import { deleteSessionsOfUnit } from '../db/repositories/session-repository.js';
import { findUnitByName, getUnit, insertUnit, listUnits } from '../db/repositories/unit-repository.js';
import type { UnitKind, UnitRow } from '../db/schema.js';
import { demand, readerIn, regionFor, unitFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as unitPolicy from './policies/unit.js';
import { forgetSessions } from './sessions.js';
import { definedFields, flag, updateRow } from './versioned-write.js';

export type { UnitKind, UnitRow };

export interface UnitInput {
  name: string;
  kind: UnitKind;
}

export interface UnitPatch {
  name?: string | undefined;
  kind?: UnitKind | undefined;
  active?: boolean | undefined;
}

export async function unitsOf(ctx: ServiceContext, actor: Actor, regionId: string): Promise<UnitRow[]> {
  // A parent region's office reads a region below as its viewer: every page there names the units.
  const reader = await readerIn(ctx, actor, regionId);
  await regionFor(ctx, reader, regionId);
  demand(unitPolicy.can(reader, 'list', { regionId }));
  return listUnits(db(ctx), regionId);
}

export async function createUnit(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: UnitInput,
): Promise<UnitRow> {
  await regionFor(ctx, actor, regionId);
  demand(unitPolicy.can(actor, 'create', { regionId }));
  if (await findUnitByName(db(ctx), regionId, input.name))
    throw fail('unit.name_taken', {}, { field: 'name' });
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
  input: UnitPatch,
): Promise<UnitRow> {
  const unit = await unitFor(ctx, actor, unitId);
  demand(unitPolicy.can(actor, 'update', { regionId: unit.region_id }));
  return write(ctx, actor, async (scope) => {
    const updated = await updateRow(scope, {
      table: 'units',
      id: unitId,
      expectedVersion,
      patch: definedFields({ name: input.name, kind: input.kind, active: flag(input.active) }),
      read: getUnit,
      audit: {
        regionId: unit.region_id,
        action: 'unit.update',
        entity: 'unit',
        entityId: unitId,
        data: input,
      },
    });
    // A deactivated unit's staff are signed out, as disabling their accounts would (policies/unit.ts).
    if (!unitPolicy.mayStaffAct(updated)) {
      await deleteSessionsOfUnit(scope.trx, unitId);
      forgetSessions(ctx);
    }
    return updated;
  });
}
