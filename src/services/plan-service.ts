import { newId } from '../db/ids.js';
import { listAreas } from '../db/repositories/area-repository.js';
import {
  getPlan,
  getPlanSourceText,
  insertPlan,
  listPlans,
  type PlanSummaryRow,
} from '../db/repositories/plan-repository.js';
import { evaluationInputsOf } from '../db/repositories/task-evaluation-repository.js';
import { listTasks } from '../db/repositories/task-repository.js';
import type { AreaRow, PlanKind } from '../db/schema.js';
import { planPeriod } from '../domain/plans.js';
import { groupRollUp, rollUp, type RollUp } from '../domain/rollup.js';
import { evaluateTasks } from '../domain/task-evaluation.js';
import { withShortNames } from '../domain/area-names.js';
import { demand, demandRegion, planFor, regionFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as planPolicy from './policies/plan.js';
import { seesDrafts } from './policies/scope.js';
import { definedFields, updateAudited } from './versioned-write.js';

export type { AreaRow, PlanSummaryRow };
export type { RollUp };

/** What the plan policy decides on. */
function planFacts(plan: PlanSummaryRow): planPolicy.PlanFacts {
  return { regionId: plan.region_id, status: plan.status };
}

/** A region's plans as the caller may see them: drafts only for the office. */
export async function plansOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<PlanSummaryRow[]> {
  demandRegion(actor, regionId);
  return listPlans(db(ctx), regionId, seesDrafts(actor));
}

export interface PlanOverview {
  plan: PlanSummaryRow;
  areas: (AreaRow & { shortName: string; rollUp: RollUp })[];
  rollUp: RollUp;
}

/** A plan with its areas, each rolled up from the status of its tasks as of today. */
export async function planOverview(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanOverview> {
  const plan = await planFor(ctx, actor, planId);
  const [areas, tasks, inputs] = await Promise.all([
    listAreas(db(ctx), plan.region_id, planId),
    listTasks(db(ctx), { planId, regionId: plan.region_id }),
    evaluationInputsOf(db(ctx), { planId, regionId: plan.region_id }),
  ]);
  const evaluations = evaluateTasks(inputs, tasks, new Map([[plan.id, plan]]), today(ctx));
  const items = tasks.map((t) => ({ areaId: t.area_id, weight: t.weight, ...evaluations.get(t.id)! }));
  const byArea = groupRollUp(items, (i) => i.areaId);
  const empty = rollUp([]);
  return {
    plan,
    areas: withShortNames(areas).map((a) => ({ ...a, rollUp: byArea.get(a.id) ?? empty })),
    rollUp: rollUp(items),
  };
}

/** The programme document a plan was imported from, for reviewing each task against its sentence. */
export async function planSource(ctx: ServiceContext, actor: Actor, planId: string): Promise<string | null> {
  await planFor(ctx, actor, planId);
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
  await regionFor(ctx, actor, regionId);
  demand(planPolicy.can(actor, 'create', { regionId, status: 'draft' }));
  const period = planPeriod(input.year, input.periodStart, input.periodEnd);
  if (!period) throw fail('plan.period_reversed', {}, { field: 'periodEnd' });
  const id = newId('plan');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertPlan(trx, {
      id,
      region_id: regionId,
      title: input.title,
      kind: input.kind,
      year: input.year,
      period_start: period.start,
      period_end: period.end,
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
  const plan = await planFor(ctx, actor, planId);
  demand(planPolicy.can(actor, 'edit', planFacts(plan)));
  return updateAudited(ctx, actor, {
    table: 'plans',
    id: planId,
    expectedVersion,
    patch: definedFields({
      title: input.title,
      kind: input.kind,
      year: input.year,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      cadence: input.cadence,
    }),
    read: getPlan,
    audit: { regionId: plan.region_id, action: 'plan.update', entity: 'plan', entityId: planId, data: input },
  });
}

/** Publishing makes the draft's tasks live: units see them and owe reports from now on. */
export async function publishPlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  expectedVersion: number | undefined,
): Promise<PlanSummaryRow> {
  const plan = await planFor(ctx, actor, planId);
  // Whether the caller may change the plan at all comes first: only then does a published plan conflict.
  demand(planPolicy.can(actor, 'edit', planFacts(plan)));
  if (!planPolicy.can(actor, 'publish', planFacts(plan))) throw fail('plan.already_published');
  const tasks = await listTasks(db(ctx), { planId });
  if (tasks.length === 0) throw fail('plan.no_tasks');
  return updateAudited(ctx, actor, {
    table: 'plans',
    id: planId,
    expectedVersion: expectedVersion ?? plan.version,
    patch: { status: 'published', published_at: nowIso(ctx) },
    read: getPlan,
    audit: {
      regionId: plan.region_id,
      action: 'plan.publish',
      entity: 'plan',
      entityId: planId,
      data: { tasks: tasks.length },
    },
  });
}
