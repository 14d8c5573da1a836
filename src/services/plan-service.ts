import { newId } from '../db/ids.js';
import {
  getPlan,
  getPlanSourceText,
  insertPlan,
  listPlans,
  type PlanSummaryRow,
} from '../db/repositories/plan-repository.js';
import { getArea, insertAreas, listAreas, nextAreaSeq } from '../db/repositories/area-repository.js';
import {
  getTarget,
  insertTargets,
  listMeasurements,
  listTargets,
  upsertMeasurement,
} from '../db/repositories/target-repository.js';
import { getTask, listTasks } from '../db/repositories/task-repository.js';
import { updateVersioned } from '../db/repositories/versioned.js';
import type { AreaRow, MeasurementRow, PlanKind, TargetRow } from '../db/schema.js';
import { isPeriodKey } from '../domain/periods.js';
import { groupRollUp, rollUp, type RollUp } from '../domain/rollup.js';
import { assertOffice, assertRegion, assertRole, seesDrafts, type Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { conflict, invalid, notFound, StaleVersionError } from './errors.js';
import { evaluateTasks } from './ledger.js';
import { loadPlanFor } from './task-service.js';

export async function plansOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<PlanSummaryRow[]> {
  assertRegion(actor, regionId);
  return listPlans(db(ctx), regionId, seesDrafts(actor));
}

export interface PlanOverview {
  plan: PlanSummaryRow;
  areas: (AreaRow & { rollUp: RollUp })[];
  rollUp: RollUp;
}

export async function planOverview(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanOverview> {
  const plan = await loadPlanFor(ctx, actor, planId);
  const [areas, tasks] = await Promise.all([listAreas(db(ctx), planId), listTasks(db(ctx), { planId })]);
  const evaluations = await evaluateTasks(db(ctx), { planId }, tasks, new Map([[plan.id, plan]]), today(ctx));
  const items = tasks.map((t) => ({ areaId: t.area_id, weight: t.weight, ...evaluations.get(t.id)! }));
  const byArea = groupRollUp(items, (i) => i.areaId);
  const empty = rollUp([]);
  return {
    plan,
    areas: areas.map((a) => ({ ...a, rollUp: byArea.get(a.id) ?? empty })),
    rollUp: rollUp(items),
  };
}

export async function planSource(ctx: ServiceContext, actor: Actor, planId: string): Promise<string | null> {
  await loadPlanFor(ctx, actor, planId);
  return getPlanSourceText(db(ctx), planId);
}

export interface PlanInput {
  title: string;
  kind: PlanKind;
  year: number;
  periodStart?: string | undefined;
  periodEnd?: string | undefined;
  cadence?: 'monthly' | 'quarterly' | undefined;
}

export async function createPlan(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: PlanInput,
): Promise<PlanSummaryRow> {
  assertOffice(actor, regionId);
  const periodStart = input.periodStart ?? `${input.year}-01-01`;
  const periodEnd = input.periodEnd ?? `${input.year}-12-31`;
  if (periodStart > periodEnd)
    throw invalid('计划起止日期有误 (period start after end)', { field: 'periodEnd' });
  const id = newId('plan');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertPlan(trx, {
      id,
      region_id: regionId,
      title: input.title,
      kind: input.kind,
      year: input.year,
      period_start: periodStart,
      period_end: periodEnd,
      cadence: input.cadence ?? 'monthly',
      status: 'draft',
      source_name: null,
      source_text: null,
      warnings: '[]',
      created_at: nowIso(ctx),
      published_at: null,
    });
    await audit({ regionId, action: 'plan.create', entity: 'plan', entityId: id, data: input });
  });
  return (await getPlan(db(ctx), id))!;
}

export async function updatePlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  expectedVersion: number,
  input: Partial<PlanInput>,
): Promise<PlanSummaryRow> {
  const plan = await loadPlanFor(ctx, actor, planId);
  assertOffice(actor, plan.region_id);
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.year !== undefined && { year: input.year }),
      ...(input.periodStart !== undefined && { period_start: input.periodStart }),
      ...(input.periodEnd !== undefined && { period_end: input.periodEnd }),
      ...(input.cadence !== undefined && { cadence: input.cadence }),
    };
    if (!(await updateVersioned(trx, 'plans', planId, expectedVersion, patch)))
      throw new StaleVersionError(await getPlan(trx, planId));
    await audit({
      regionId: plan.region_id,
      action: 'plan.update',
      entity: 'plan',
      entityId: planId,
      data: input,
    });
  });
  return (await getPlan(db(ctx), planId))!;
}

/** Publishing makes the draft's tasks live: units see them and owe reports from now on. */
export async function publishPlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  expectedVersion: number | undefined,
): Promise<PlanSummaryRow> {
  const plan = await loadPlanFor(ctx, actor, planId);
  assertOffice(actor, plan.region_id);
  if (plan.status === 'published') throw conflict('计划已发布 (already published)');
  const tasks = await listTasks(db(ctx), { planId });
  if (tasks.length === 0) throw conflict('计划中还没有任务，不能发布 (no tasks to publish)');
  await write(ctx, actor, async ({ trx, audit }) => {
    if (
      !(await updateVersioned(trx, 'plans', planId, expectedVersion ?? plan.version, {
        status: 'published',
        published_at: nowIso(ctx),
      }))
    ) {
      throw new StaleVersionError(await getPlan(trx, planId));
    }
    await audit({
      regionId: plan.region_id,
      action: 'plan.publish',
      entity: 'plan',
      entityId: planId,
      data: { tasks: tasks.length },
    });
  });
  return (await getPlan(db(ctx), planId))!;
}

export async function createArea(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { title: string; code?: string | undefined },
): Promise<AreaRow> {
  const plan = await loadPlanFor(ctx, actor, planId);
  assertOffice(actor, plan.region_id);
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
  input: { title?: string | undefined; code?: string | undefined },
): Promise<AreaRow> {
  const area = await getArea(db(ctx), areaId);
  if (!area) throw notFound('方面');
  const plan = await loadPlanFor(ctx, actor, area.plan_id);
  assertOffice(actor, plan.region_id);
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.code !== undefined && { code: input.code }),
    };
    if (!(await updateVersioned(trx, 'areas', areaId, expectedVersion, patch)))
      throw new StaleVersionError(await getArea(trx, areaId));
    await audit({
      regionId: plan.region_id,
      action: 'area.update',
      entity: 'plan',
      entityId: plan.id,
      data: { areaId, ...input },
    });
  });
  return (await getArea(db(ctx), areaId))!;
}

export interface TargetWithMeasurements {
  target: TargetRow;
  measurements: MeasurementRow[];
}

export async function targetsOf(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<TargetWithMeasurements[]> {
  await loadPlanFor(ctx, actor, planId);
  const targets = await listTargets(db(ctx), { planId });
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
}

/** A target hangs on an area or task of its own plan: an id from another plan (or region) would show it in someone else's ledger. */
async function checkTargetReferences(
  ctx: ServiceContext,
  planId: string,
  input: Partial<TargetInput>,
): Promise<void> {
  if (input.areaId && (await getArea(db(ctx), input.areaId))?.plan_id !== planId)
    throw invalid('所属方面不存在 (unknown area)', { field: 'areaId' });
  if (input.taskId && (await getTask(db(ctx), input.taskId))?.plan_id !== planId)
    throw invalid('所属任务不存在 (unknown task)', { field: 'taskId' });
}

export async function createTarget(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: TargetInput,
): Promise<TargetRow> {
  const plan = await loadPlanFor(ctx, actor, planId);
  assertOffice(actor, plan.region_id);
  await checkTargetReferences(ctx, planId, input);
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
  const target = await getTarget(db(ctx), targetId);
  if (!target) throw notFound('指标');
  const plan = await loadPlanFor(ctx, actor, target.plan_id);
  assertOffice(actor, plan.region_id);
  await checkTargetReferences(ctx, plan.id, input);
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.indicator !== undefined && { indicator: input.indicator }),
      ...(input.measure !== undefined && { measure: input.measure }),
      ...(input.comparator !== undefined && { comparator: input.comparator }),
      ...(input.value !== undefined && { value: input.value }),
      ...(input.unit !== undefined && { unit: input.unit }),
      ...(input.stretch !== undefined && { stretch: input.stretch ? 1 : 0 }),
      ...(input.period !== undefined && { period: input.period }),
      ...(input.areaId !== undefined && { area_id: input.areaId }),
      ...(input.taskId !== undefined && { task_id: input.taskId }),
    };
    if (!(await updateVersioned(trx, 'targets', targetId, expectedVersion, patch)))
      throw new StaleVersionError(await getTarget(trx, targetId));
    await audit({
      regionId: plan.region_id,
      action: 'target.update',
      entity: 'plan',
      entityId: plan.id,
      data: { targetId, ...input },
    });
  });
  return (await getTarget(db(ctx), targetId))!;
}

/** Office staff record the actual value of an indicator for a period (实绩); a later value for the same period replaces it. */
export async function recordMeasurement(
  ctx: ServiceContext,
  actor: Actor,
  targetId: string,
  input: { period: string; value: number; note?: string | undefined },
): Promise<MeasurementRow[]> {
  const target = await getTarget(db(ctx), targetId);
  if (!target) throw notFound('指标');
  const plan = await loadPlanFor(ctx, actor, target.plan_id);
  assertRegion(actor, plan.region_id);
  assertRole(actor, ['office']);
  if (!isPeriodKey(input.period) && !/^\d{4}$/.test(input.period))
    throw invalid('期次格式应为 2025、2025-Q1 或 2025-03 (bad period)', { field: 'period' });
  await write(ctx, actor, async ({ trx, audit }) => {
    await upsertMeasurement(trx, {
      id: newId('msr'),
      region_id: plan.region_id,
      target_id: targetId,
      period: input.period,
      value: input.value,
      note: input.note ?? '',
      created_by: actor.accountId,
      created_at: nowIso(ctx),
    });
    await audit({
      regionId: plan.region_id,
      action: 'measurement.record',
      entity: 'plan',
      entityId: plan.id,
      data: { targetId, ...input },
    });
  });
  return listMeasurements(db(ctx), [targetId]);
}
