import { newId } from '../db/ids.js';
import { getRegion, insertRegion, listRegions } from '../db/repositories/region-repository.js';
import type { RegionRow } from '../db/schema.js';
import { demand, regionFor, regionsBelow } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as regionPolicy from './policies/region.js';

export type { RegionRow };

export interface RegionInput {
  name: string;
  kind: string;
  parentCity?: string | undefined;
  /** The region above this one; its office, leaders and viewers will read this region. */
  parentId?: string | undefined;
}

/** The regions the caller may open: every region for the operator, otherwise the caller's own. */
export async function regionsFor(ctx: ServiceContext, actor: Actor): Promise<RegionRow[]> {
  if (regionPolicy.can(actor, 'list_all', null)) return listRegions(db(ctx));
  if (!actor.regionId) return [];
  const below = await regionsBelow(ctx, actor);
  if (below.length === 0) return listRegions(db(ctx), actor.regionId);
  // A parent region's reader opens the regions below it too.
  const wanted = new Set([actor.regionId, ...below]);
  return (await listRegions(db(ctx))).filter((r) => wanted.has(r.id));
}

export async function readRegion(ctx: ServiceContext, actor: Actor, regionId: string): Promise<RegionRow> {
  const region = await regionFor(ctx, actor, regionId);
  demand(regionPolicy.can(actor, 'read', region), 'access.other_region');
  return region;
}

export async function createRegion(
  ctx: ServiceContext,
  actor: Actor,
  input: RegionInput,
): Promise<RegionRow> {
  demand(regionPolicy.can(actor, 'create', null));
  if (input.parentId !== undefined && !(await getRegion(db(ctx), input.parentId)))
    throw fail('region.not_found', {}, { field: 'parentId' });
  const id = newId('rgn');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertRegion(trx, {
      id,
      name: input.name,
      kind: input.kind,
      parent_city: input.parentCity ?? null,
      parent_id: input.parentId ?? null,
      settings: '{}',
      created_at: nowIso(ctx),
    });
    await audit({ regionId: id, action: 'region.create', entity: 'region', entityId: id, data: input });
  });
  return (await getRegion(db(ctx), id))!;
}
