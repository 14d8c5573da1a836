import { newId } from '../db/ids.js';
import { getArea, insertAreas, nextAreaSeq } from '../db/repositories/area-repository.js';
import type { AreaRow } from '../db/schema.js';
import { areaFor, demand, planFor } from './access.js';
import type { Actor } from './actor.js';
import { db, write, type ServiceContext } from './context.js';
import * as planPolicy from './policies/plan.js';
import { definedFields, updateAudited } from './versioned-write.js';

export type { AreaRow };

export interface AreaInput {
  title: string;
  code?: string | undefined;
}

/** An area (方面) of a plan: a new one goes last, numbered after the others unless the office names its code. */
export async function createArea(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: AreaInput,
): Promise<AreaRow> {
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
  return (await getArea(db(ctx), id))!;
}

export async function updateArea(
  ctx: ServiceContext,
  actor: Actor,
  areaId: string,
  expectedVersion: number,
  input: Partial<AreaInput>,
): Promise<AreaRow> {
  const { plan } = await areaFor(ctx, actor, areaId);
  demand(planPolicy.can(actor, 'edit', { regionId: plan.region_id, status: plan.status }));
  return updateAudited(ctx, actor, {
    table: 'areas',
    id: areaId,
    expectedVersion,
    patch: definedFields({ title: input.title, code: input.code }),
    read: getArea,
    audit: {
      regionId: plan.region_id,
      action: 'area.update',
      entity: 'plan',
      entityId: plan.id,
      data: { areaId, ...input },
    },
  });
}
