import { getPlan, type PlanSummaryRow } from '../db/repositories/plan-repository.js';
import { getArea, listAreas } from '../db/repositories/area-repository.js';
import { listUnits } from '../db/repositories/unit-repository.js';
import {
  coUnitsOf,
  getTask,
  getTaskWithPlanStatus,
  insertTask,
  listTasks,
  nextTaskSeq,
  replaceCoUnits,
  type TaskFilter,
} from '../db/repositories/task-repository.js';
import {
  getMilestone,
  insertMilestones,
  listMilestones,
  nextMilestoneSeq,
} from '../db/repositories/milestone-repository.js';
import { updateVersioned } from '../db/repositories/versioned.js';
import { newId } from '../db/ids.js';
import { parseJson } from '../db/json.js';
import type { AreaRow, MilestoneRow, TaskRow, UnitRow } from '../db/schema.js';
import type { TaskStatus } from '../domain/task-status.js';
import {
  assertCanReadTask,
  assertOffice,
  assertRegion,
  isAdmin,
  seesDrafts,
  seesWholeRegion,
  type Actor,
} from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { forbidden, invalid, notFound, StaleVersionError } from './errors.js';
import { evaluateTasks, type TaskEvaluation } from './ledger.js';

export interface LedgerTask {
  row: TaskRow;
  coUnitIds: string[];
  tags: string[];
  evaluation: TaskEvaluation;
}

export interface Ledger {
  plan: PlanSummaryRow;
  areas: AreaRow[];
  units: Map<string, UnitRow>;
  tasks: LedgerTask[];
}

export interface LedgerFilter {
  status?: TaskStatus[];
  leadUnitId?: string;
  areaId?: string;
  tag?: string;
  q?: string;
}

export async function loadPlanFor(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<PlanSummaryRow> {
  const plan = await getPlan(db(ctx), planId);
  if (!plan) throw notFound('计划');
  assertRegion(actor, plan.region_id);
  // Drafts are the office's working copies; units see a plan once it is published.
  if (plan.status === 'draft' && !seesDrafts(actor)) throw notFound('计划');
  return plan;
}

export async function unitMap(ctx: ServiceContext, regionId: string): Promise<Map<string, UnitRow>> {
  return new Map((await listUnits(db(ctx), regionId)).map((u) => [u.id, u]));
}

/** The ledger of one plan as the caller may see it, with every task's computed status. */
export async function planLedger(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  filter: LedgerFilter = {},
): Promise<Ledger> {
  const plan = await loadPlanFor(ctx, actor, planId);
  const query: TaskFilter = { planId };
  if (filter.areaId) query.areaId = filter.areaId;
  if (filter.leadUnitId) query.leadUnitId = filter.leadUnitId;
  if (filter.q) query.q = filter.q;
  if (!seesWholeRegion(actor)) {
    if (!actor.unitId) throw forbidden();
    query.involvingUnitId = actor.unitId;
  }
  const [rows, areas, units] = await Promise.all([
    listTasks(db(ctx), query),
    listAreas(db(ctx), planId),
    unitMap(ctx, plan.region_id),
  ]);
  const [evaluations, coUnits] = await Promise.all([
    evaluateTasks(db(ctx), { planId }, rows, new Map([[plan.id, plan]]), today(ctx)),
    coUnitsOf(
      db(ctx),
      rows.map((r) => r.id),
    ),
  ]);
  let tasks = rows.map((row) => ({
    row,
    coUnitIds: coUnits.get(row.id) ?? [],
    tags: parseJson<string[]>(row.tags, []),
    evaluation: evaluations.get(row.id)!,
  }));
  if (filter.status && filter.status.length > 0) {
    const wanted = new Set(filter.status);
    tasks = tasks.filter((t) => wanted.has(t.evaluation.status));
  }
  if (filter.tag) {
    const tag = filter.tag;
    tasks = tasks.filter((t) => t.tags.includes(tag));
  }
  return { plan, areas, units, tasks };
}

export interface TaskInput {
  code?: string | undefined;
  title?: string | undefined;
  areaId?: string | null | undefined;
  parentTaskId?: string | null | undefined;
  leadUnitId?: string | null | undefined;
  coUnitIds?: string[] | undefined;
  leaderName?: string | null | undefined;
  implementationPlan?: string | undefined;
  workStandard?: string | undefined;
  tags?: string[] | undefined;
  startDate?: string | null | undefined;
  dueDate?: string | null | undefined;
  weight?: number | undefined;
}

async function checkReferences(
  ctx: ServiceContext,
  regionId: string,
  planId: string,
  input: TaskInput,
): Promise<void> {
  const units = await unitMap(ctx, regionId);
  for (const unitId of [input.leadUnitId, ...(input.coUnitIds ?? [])]) {
    if (unitId && !units.has(unitId))
      throw invalid('单位不存在或不属于本地区 (unknown unit)', { field: 'leadUnitId/coUnitIds', unitId });
  }
  if (input.areaId) {
    const area = await getArea(db(ctx), input.areaId);
    if (area?.plan_id !== planId) throw invalid('所属方面不存在 (unknown area)', { field: 'areaId' });
  }
  if (input.parentTaskId) {
    const parent = await getTask(db(ctx), input.parentTaskId);
    if (parent?.region_id !== regionId)
      throw invalid('上级任务不存在 (unknown parent task)', { field: 'parentTaskId' });
  }
  if (input.startDate && input.dueDate && input.startDate > input.dueDate) {
    throw invalid('开始日期不能晚于完成时限 (start after due date)', { field: 'dueDate' });
  }
}

export async function createTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: TaskInput & { title: string },
): Promise<TaskRow> {
  const plan = await loadPlanFor(ctx, actor, planId);
  assertOffice(actor, plan.region_id);
  await checkReferences(ctx, plan.region_id, planId, input);
  const id = newId('task');
  await write(ctx, actor, async ({ trx, audit }) => {
    const seq = await nextTaskSeq(trx, planId);
    const at = nowIso(ctx);
    await insertTask(trx, {
      id,
      region_id: plan.region_id,
      plan_id: planId,
      area_id: input.areaId ?? null,
      parent_task_id: input.parentTaskId ?? null,
      seq,
      code: input.code ?? String(seq),
      title: input.title,
      implementation_plan: input.implementationPlan ?? '',
      work_standard: input.workStandard ?? '',
      lead_unit_id: input.leadUnitId ?? null,
      leader_name: input.leaderName ?? null,
      tags: JSON.stringify(input.tags ?? []),
      start_date: input.startDate ?? null,
      due_date: input.dueDate ?? null,
      weight: input.weight ?? 1,
      source_start: null,
      source_end: null,
      created_at: at,
      updated_at: at,
    });
    if (input.coUnitIds) await replaceCoUnits(trx, plan.region_id, id, input.coUnitIds);
    await audit({
      regionId: plan.region_id,
      action: 'task.create',
      entity: 'task',
      entityId: id,
      data: input,
    });
  });
  return (await getTask(db(ctx), id))!;
}

/** Loads a task and checks the caller may read it: the one gate every task route passes. */
export async function loadTaskFor(ctx: ServiceContext, actor: Actor, taskId: string): Promise<TaskRow> {
  const found = await getTaskWithPlanStatus(db(ctx), taskId);
  if (!found) throw notFound('任务');
  const { task, planStatus } = found;
  // Co-units matter only to a unit that does not lead the task: most checks decide without reading them.
  const decidedWithoutCoUnits =
    seesWholeRegion(actor) || (actor.unitId !== null && task.lead_unit_id === actor.unitId);
  const coUnitIds = decidedWithoutCoUnits ? [] : ((await coUnitsOf(db(ctx), [taskId])).get(taskId) ?? []);
  assertCanReadTask(actor, { regionId: task.region_id, leadUnitId: task.lead_unit_id, coUnitIds });
  if (planStatus === 'draft' && !seesDrafts(actor)) throw notFound('任务');
  return task;
}

export async function evaluateOne(ctx: ServiceContext, task: TaskRow): Promise<TaskEvaluation> {
  const plan = await getPlan(db(ctx), task.plan_id);
  const plans = new Map(plan ? [[plan.id, plan]] : []);
  // Only this task's milestones and reports: the plan's would be thousands of rows for one status.
  const evaluations = await evaluateTasks(db(ctx), { taskId: task.id }, [task], plans, today(ctx));
  return evaluations.get(task.id)!;
}

/** What a one-task summary needs besides its row: its computed status, co-units and the region's unit names. */
export async function summaryFactsOf(
  ctx: ServiceContext,
  task: TaskRow,
): Promise<{ evaluation: TaskEvaluation; coUnitIds: string[]; units: Map<string, UnitRow> }> {
  const [evaluation, coUnits, units] = await Promise.all([
    evaluateOne(ctx, task),
    coUnitsOf(db(ctx), [task.id]),
    unitMap(ctx, task.region_id),
  ]);
  return { evaluation, coUnitIds: coUnits.get(task.id) ?? [], units };
}

export async function updateTask(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  expectedVersion: number,
  input: TaskInput,
): Promise<TaskRow> {
  const task = await loadTaskFor(ctx, actor, taskId);
  assertOffice(actor, task.region_id);
  await checkReferences(ctx, task.region_id, task.plan_id, {
    ...input,
    startDate: input.startDate ?? task.start_date,
    dueDate: input.dueDate ?? task.due_date,
  });
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.areaId !== undefined && { area_id: input.areaId }),
      ...(input.parentTaskId !== undefined && { parent_task_id: input.parentTaskId }),
      ...(input.leadUnitId !== undefined && { lead_unit_id: input.leadUnitId }),
      ...(input.leaderName !== undefined && { leader_name: input.leaderName }),
      ...(input.implementationPlan !== undefined && { implementation_plan: input.implementationPlan }),
      ...(input.workStandard !== undefined && { work_standard: input.workStandard }),
      ...(input.tags !== undefined && { tags: JSON.stringify(input.tags) }),
      ...(input.startDate !== undefined && { start_date: input.startDate }),
      ...(input.dueDate !== undefined && { due_date: input.dueDate }),
      ...(input.weight !== undefined && { weight: input.weight }),
      updated_at: nowIso(ctx),
    };
    const updated = await updateVersioned(trx, 'tasks', taskId, expectedVersion, patch);
    if (!updated) throw new StaleVersionError(await getTask(trx, taskId));
    if (input.coUnitIds !== undefined) await replaceCoUnits(trx, task.region_id, taskId, input.coUnitIds);
    await audit({
      regionId: task.region_id,
      action: 'task.update',
      entity: 'task',
      entityId: taskId,
      data: input,
    });
  });
  return (await getTask(db(ctx), taskId))!;
}

/** The lead unit drafts its roadmap; the office may edit any. */
function assertCanEditRoadmap(actor: Actor, task: TaskRow): void {
  assertRegion(actor, task.region_id);
  if (isAdmin(actor) || actor.role === 'office') return;
  if ((actor.role === 'unit_head' || actor.role === 'reporter') && actor.unitId === task.lead_unit_id) return;
  throw forbidden('只有牵头单位或改革办可以编辑路线图 (lead unit or office only)');
}

export async function addMilestone(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { title: string; dueDate: string },
): Promise<MilestoneRow> {
  const task = await loadTaskFor(ctx, actor, taskId);
  assertCanEditRoadmap(actor, task);
  const id = newId('ms');
  await write(ctx, actor, async ({ trx, audit }) => {
    const seq = await nextMilestoneSeq(trx, taskId);
    await insertMilestones(trx, [
      {
        id,
        region_id: task.region_id,
        task_id: taskId,
        seq,
        title: input.title,
        due_date: input.dueDate,
        done_date: null,
      },
    ]);
    await audit({
      regionId: task.region_id,
      action: 'milestone.create',
      entity: 'task',
      entityId: taskId,
      data: { milestoneId: id, ...input },
    });
  });
  return (await getMilestone(db(ctx), id))!;
}

export async function updateMilestone(
  ctx: ServiceContext,
  actor: Actor,
  milestoneId: string,
  expectedVersion: number,
  input: { title?: string | undefined; dueDate?: string | undefined; doneDate?: string | null | undefined },
): Promise<MilestoneRow> {
  const milestone = await getMilestone(db(ctx), milestoneId);
  if (!milestone) throw notFound('节点');
  const task = await loadTaskFor(ctx, actor, milestone.task_id);
  assertCanEditRoadmap(actor, task);
  await write(ctx, actor, async ({ trx, audit }) => {
    const patch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.dueDate !== undefined && { due_date: input.dueDate }),
      ...(input.doneDate !== undefined && { done_date: input.doneDate }),
    };
    if (!(await updateVersioned(trx, 'milestones', milestoneId, expectedVersion, patch)))
      throw new StaleVersionError(await getMilestone(trx, milestoneId));
    await audit({
      regionId: task.region_id,
      action: 'milestone.update',
      entity: 'task',
      entityId: task.id,
      data: { milestoneId, ...input },
    });
  });
  return (await getMilestone(db(ctx), milestoneId))!;
}

export function milestonesOf(ctx: ServiceContext, taskId: string): Promise<MilestoneRow[]> {
  return listMilestones(db(ctx), taskId);
}
