import { newId } from '../db/ids.js';
import { getArea, insertAreas, listAreas, nextAreaSeq } from '../db/repositories/area-repository.js';
import type { Kysely } from 'kysely';
import type { AreaRow, Database } from '../db/schema.js';
import { withShortNames } from '../domain/area-names.js';
import { areaFor, demand, planFor } from './access.js';
import type { Actor } from './actor.js';
import { db, write, type ServiceContext } from './context.js';
import * as planPolicy from './policies/plan.js';
import { definedFields, updateAudited } from './versioned-write.js';

export type { AreaRow };
/** An area with the short name shown where its heading does not fit: the office's, or derived. */
export type NamedAreaRow = AreaRow & { shortName: string };

export interface AreaInput {
  title: string;
  code?: string | undefined;
  /** The office's short name; null or empty gives the derived one back. */
  shortName?: string | null | undefined;
}

/** An area named against its plan's other areas, as the battle map and the ledger name it. */
async function namedArea(d: Kysely<Database>, id: string): Promise<NamedAreaRow | undefined> {
  const area = await getArea(d, id);
  if (!area) return undefined;
  return withShortNames(await listAreas(d, area.region_id, area.plan_id)).find((a) => a.id === id);
}

/** An area (方面) of a plan: a new one goes last, numbered after the others unless the office names its code. */
export async function createArea(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: AreaInput,
): Promise<NamedAreaRow> {
  const plan = await planFor(ctx, actor, planId);
  demand(planPolicy.can(actor, 'edit', { regionId: plan.region_id, status: plan.status }));
  const id = newId('area');
  await write(ctx, actor, async ({ trx, audit }) => {
    const seq = await nextAreaSeq(trx, planId);
    await insertAreas(trx, [
      {
        id,
        region_id: plan.region_id,
        plan_id: planId,
        seq,
        code: input.code ?? String(seq),
        title: input.title,
        short_name: input.shortName || null,
        source_start: null,
        source_end: null,
      },
    ]);
    await audit({
      regionId: plan.region_id,
      action: 'area.create',
      entity: 'plan',
      entityId: planId,
      data: { areaId: id, ...input },
    });
  });
  return (await namedArea(db(ctx), id))!;
}

export async function updateArea(
  ctx: ServiceContext,
  actor: Actor,
  areaId: string,
  expectedVersion: number,
  input: Partial<AreaInput>,
): Promise<NamedAreaRow> {
  const { plan } = await areaFor(ctx, actor, areaId);
  demand(planPolicy.can(actor, 'edit', { regionId: plan.region_id, status: plan.status }));
  const shortName = input.shortName === undefined ? undefined : input.shortName || null;
  return updateAudited(ctx, actor, {
    table: 'areas',
    id: areaId,
    expectedVersion,
    patch: definedFields({ title: input.title, code: input.code, short_name: shortName }),
    read: namedArea,
    audit: {
      regionId: plan.region_id,
      action: 'area.update',
      entity: 'plan',
      entityId: plan.id,
      data: { areaId, ...input },
    },
  });
}
