import { newId } from '../db/ids.js';
import { getArea } from '../db/repositories/area-repository.js';
import { listMeasurements } from '../db/repositories/measurement-repository.js';
import { getTarget, insertTargets } from '../db/repositories/target-repository.js';
import { getTask } from '../db/repositories/task-repository.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import type { MeasurementRow, TargetRow } from '../db/schema.js';
import { demand, planFor, readableTargetsOf, targetFor } from './access.js';
import type { Actor } from './actor.js';
import { db, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as targetPolicy from './policies/target.js';
import { definedFields, flag, updateAudited } from './versioned-write.js';

export type { MeasurementRow, TargetRow };

export interface TargetWithMeasurements {
  target: TargetRow;
  measurements: MeasurementRow[];
}

/** A plan's targets (指标), each with the values measured so far. */
export async function targetsOf(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<TargetWithMeasurements[]> {
  const plan = await planFor(ctx, actor, planId);
  const targets = await readableTargetsOf(ctx, actor, plan);
  const measurements = await listMeasurements(
    db(ctx),
    targets.map((t) => t.id),
  );
  return targets.map((target) => ({
    target,
    measurements: measurements.filter((m) => m.target_id === target.id),
  }));
}

export interface TargetInput {
  indicator: string;
  measure: TargetRow['measure'];
  comparator: TargetRow['comparator'];
  value: number;
  unit: string;
  stretch?: boolean | undefined;
  period?: string | null | undefined;
  areaId?: string | null | undefined;
  taskId?: string | null | undefined;
  /** The responsible unit, whose staff enter the values. */
  unitId?: string | null | undefined;
  cadence?: TargetRow['cadence'] | undefined;
  cumulative?: boolean | undefined;
}

/** A target hangs on an area or task of its own plan: an id from another plan (or region) would show it in someone else's ledger. */
async function checkTargetReferences(
  ctx: ServiceContext,
  planId: string,
  regionId: string,
  input: Partial<TargetInput>,
): Promise<void> {
  if (input.areaId && (await getArea(db(ctx), input.areaId))?.plan_id !== planId)
    throw fail('area.unknown', {}, { field: 'areaId' });
  if (input.taskId && (await getTask(db(ctx), input.taskId))?.plan_id !== planId)
    throw fail('task.unknown', {}, { field: 'taskId' });
  if (input.unitId && (await getUnit(db(ctx), input.unitId))?.region_id !== regionId)
    throw fail('target.unknown_unit', {}, { field: 'unitId' });
}

export async function createTarget(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: TargetInput,
): Promise<TargetRow> {
  const plan = await planFor(ctx, actor, planId);
  demand(targetPolicy.can(actor, 'create', { regionId: plan.region_id, task: null }));
  await checkTargetReferences(ctx, planId, plan.region_id, input);
  const id = newId('tgt');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertTargets(trx, [
      {
        id,
        region_id: plan.region_id,
        plan_id: planId,
        area_id: input.areaId ?? null,
        task_id: input.taskId ?? null,
        indicator: input.indicator,
        measure: input.measure,
        comparator: input.comparator,
        value: input.value,
        unit: input.unit,
        stretch: input.stretch ? 1 : 0,
        period: input.period ?? null,
        source_text: null,
        source_start: null,
        source_end: null,
        unit_id: input.unitId ?? null,
        cadence: input.cadence ?? 'monthly',
        cumulative: input.cumulative === false ? 0 : 1,
      },
    ]);
    await audit({
      regionId: plan.region_id,
      action: 'target.create',
      entity: 'plan',
      entityId: planId,
      data: { targetId: id, ...input },
    });
  });
  return (await getTarget(db(ctx), id))!;
}

export async function updateTarget(
  ctx: ServiceContext,
  actor: Actor,
  targetId: string,
  expectedVersion: number,
  input: Partial<TargetInput>,
): Promise<TargetRow> {
  const { plan } = await targetFor(ctx, actor, targetId);
  demand(targetPolicy.can(actor, 'edit', { regionId: plan.region_id, task: null }));
  await checkTargetReferences(ctx, plan.id, plan.region_id, input);
  return updateAudited(ctx, actor, {
    table: 'targets',
    id: targetId,
    expectedVersion,
    patch: definedFields({
      indicator: input.indicator,
      measure: input.measure,
      comparator: input.comparator,
      value: input.value,
      unit: input.unit,
      stretch: flag(input.stretch),
      period: input.period,
      area_id: input.areaId,
      task_id: input.taskId,
      unit_id: input.unitId,
      cadence: input.cadence,
      cumulative: flag(input.cumulative),
    }),
    read: getTarget,
    audit: {
      regionId: plan.region_id,
      action: 'target.update',
      entity: 'plan',
      entityId: plan.id,
      data: { targetId, ...input },
    },
  });
}
