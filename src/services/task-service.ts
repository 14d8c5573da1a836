import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import { parseJson } from '../db/json.js';
import { getArea, listAreas } from '../db/repositories/area-repository.js';
import { listAuditEvents } from '../db/repositories/audit-repository.js';
import { listEvidenceFiles } from '../db/repositories/evidence-repository.js';
import { ledgerNotesOfTask } from '../db/repositories/ledger-note-repository.js';
import { listInstructions, type InstructionRecord } from '../db/repositories/instruction-repository.js';
import { listMilestones, milestoneDatesOf } from '../db/repositories/milestone-repository.js';
import { listNotices } from '../db/repositories/notice-repository.js';
import { getPlan, getPlanSourceText, type PlanSummaryRow } from '../db/repositories/plan-repository.js';
import { listReportsOfTask } from '../db/repositories/report-repository.js';
import { listMeasurements } from '../db/repositories/measurement-repository.js';
import { listTargets } from '../db/repositories/target-repository.js';
import { evaluationInputsOf } from '../db/repositories/task-evaluation-repository.js';
import { reportDigestsOf } from '../db/repositories/report-digest-repository.js';
import {
  ancestorChain,
  coUnitsOf,
  getTask,
  insertTask,
  listTasks,
  nextTaskSeq,
  replaceCoUnits,
  type TaskFilter,
} from '../db/repositories/task-repository.js';
import { childTasksOf } from '../db/repositories/task-family-repository.js';
import { unitsById } from '../db/repositories/unit-repository.js';
import type {
  AreaRow,
  Database,
  EvidenceFileRow,
  LedgerNoteRow,
  MeasurementRow,
  MilestoneRow,
  NoticeRow,
  ReportRow,
  TargetRow,
  TaskRow,
  UnitRow,
} from '../db/schema.js';
import { duePeriodOf, evaluateTasks, type TaskEvaluation } from '../domain/task-evaluation.js';
import type { TaskStatus } from '../domain/task-status.js';
import { wouldCycle } from '../domain/task-tree.js';
import { TASK_TREE_MAX_DEPTH } from '../domain/limits.js';
import { demand, planFor, taskFor } from './access.js';
import { SYSTEM_ACTOR, type Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as planPolicy from './policies/plan.js';
import { seesWholeRegion } from './policies/scope.js';
import * as taskPolicy from './policies/task.js';
import * as unitPolicy from './policies/unit.js';
import { involves, keptRegion } from './kept-region.js';
import { viewOf, type TaskView } from './task-view.js';
import { definedFields, updateRow } from './versioned-write.js';

// The rows the task presenters read, named here so the HTTP layer never reaches into db/.
export type {
  AreaRow,
  EvidenceFileRow,
  MeasurementRow,
  MilestoneRow,
  NoticeRow,
  PlanSummaryRow,
  ReportRow,
  TargetRow,
  TaskEvaluation,
  TaskRow,
  UnitRow,
};

export type { TaskView };

/** A task with the names of its region's units: what create and update answer with. */
export type TaskSummaryRecord = TaskView & { units: ReadonlyMap<string, UnitRow> };

export interface Ledger {
  plan: PlanSummaryRow;
  areas: AreaRow[];
  units: ReadonlyMap<string, UnitRow>;
  tasks: TaskView[];
}

export interface LedgerFilter {
  status?: TaskStatus[] | undefined;
  leadUnitId?: string | undefined;
  areaId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
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
  /** 长期坚持: no due date on purpose. Setting it clears the due date; setting a due date clears it. */
  ongoing?: boolean | undefined;
  officeNote?: string | undefined;
  weight?: number | undefined;
}

export type NewTaskInput = TaskInput & { title: string };

function factsOf(task: TaskRow, coUnitIds: readonly string[] = []): taskPolicy.TaskFacts {
  return { regionId: task.region_id, leadUnitId: task.lead_unit_id, coUnitIds };
}

/** One task's status: only its own milestones and reports, not the plan's thousands of rows. */
async function evaluationOf(db: Kysely<Database>, task: TaskRow, day: string): Promise<TaskEvaluation> {
  const [plan, inputs] = await Promise.all([
    getPlan(db, task.plan_id, task.region_id),
    evaluationInputsOf(db, { taskId: task.id, regionId: task.region_id }),
  ]);
  const plans = new Map(plan ? [[plan.id, plan]] : []);
  return evaluateTasks(inputs, [task], plans, day).get(task.id)!;
}

/** Read inside the write that changed the task: once the change is committed nothing is left to fail. */
async function summaryOf(
  db: Kysely<Database>,
  taskId: string,
  day: string,
): Promise<TaskSummaryRecord | undefined> {
  const task = await getTask(db, taskId);
  if (!task) return undefined;
  const [evaluation, coUnits, units] = await Promise.all([
    evaluationOf(db, task, day),
    coUnitsOf(db, [taskId], task.region_id),
    unitsById(db, task.region_id),
  ]);
  return { ...viewOf(task, coUnits.get(taskId) ?? [], evaluation), units };
}

/** Refuses a caller who may not list the plan's tasks, as `planLedger` does: no I/O, so a cached ledger checks it too. */
export function demandLedger(actor: Actor, plan: PlanSummaryRow): void {
  demand(taskPolicy.can(actor, 'list', { regionId: plan.region_id, leadUnitId: null, coUnitIds: [] }));
}

/** The ledger of one plan as the caller may see it, with every task's computed status. */
export async function planLedger(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  filter: LedgerFilter = {},
  /**
   * The plan as the caller already read and checked it for `actor`, and the region's data version read with
   * it (planForCachedView): neither is read again.
   */
  checked?: { plan: PlanSummaryRow; version: number },
): Promise<Ledger> {
  const given = checked?.plan.id === planId ? checked : undefined;
  const plan = given?.plan ?? (await planFor(ctx, actor, planId));
  demandLedger(actor, plan);
  const query: TaskFilter = { planId, regionId: plan.region_id };
  if (filter.areaId) query.areaId = filter.areaId;
  if (filter.leadUnitId) query.leadUnitId = filter.leadUnitId;
  if (filter.q) query.q = filter.q;
  // A unit's staff see the tasks their unit takes part in.
  if (!seesWholeRegion(actor) && actor.unitId) query.involvingUnitId = actor.unitId;
  // A published plan's readers share the region's kept inputs, brought up to date by what changed since.
  if (plan.status === 'published' && !filter.q) {
    const kept = await keptRegion(ctx, plan.region_id, { trend: false, version: given?.version });
    if (kept.planById.has(planId)) {
      const unitId = query.involvingUnitId;
      const key = JSON.stringify([planId, unitId, filter]);
      // The same lines (the same array) for as long as the kept tasks stand: what is built from them is kept too.
      let lines = keptLines.get(kept.tasks)?.get(key);
      if (!lines) {
        const tasks = kept.tasks.filter(
          (t) =>
            t.plan_id === planId &&
            (!unitId || involves(t, unitId)) &&
            (!filter.areaId || t.area_id === filter.areaId) &&
            (!filter.leadUnitId || t.lead_unit_id === filter.leadUnitId),
        );
        lines = filteredInMemory(tasks, filter);
        if (!keptLines.has(kept.tasks)) keptLines.set(kept.tasks, new Map());
        keptLines.get(kept.tasks)!.set(key, lines);
      }
      const areas = kept.areas.filter((a) => a.plan_id === planId);
      return { plan, areas, units: kept.units, tasks: lines };
    }
  }
  const day = today(ctx);
  const duePeriod = duePeriodOf(plan.cadence, day);
  // One digest row per task, not the report history: a cold ledger costs the same at any age of the plan.
  const [rows, areas, units, milestones, digests] = await Promise.all([
    listTasks(db(ctx), query),
    listAreas(db(ctx), plan.region_id, planId),
    unitsById(db(ctx), plan.region_id),
    milestoneDatesOf(db(ctx), { planId, regionId: plan.region_id }),
    reportDigestsOf(db(ctx), plan.region_id, planId, duePeriod),
  ]);
  const inputs = { milestones, facts: [], digests: { rows: digests, duePeriod } };
  const coUnits = await coUnitsOf(
    db(ctx),
    rows.map((r) => r.id),
    plan.region_id,
  );
  const evaluations = evaluateTasks(inputs, rows, new Map([[plan.id, plan]]), day);
  const tasks = rows.map((row) => viewOf(row, coUnits.get(row.id) ?? [], evaluations.get(row.id)!));
  return { plan, areas, units, tasks: filteredInMemory(tasks, filter) };
}

/** A kept region's ledgers, per plan, audience and filter, for as long as its tasks stand. */
const keptLines = new WeakMap<readonly TaskView[], Map<string, TaskView[]>>();

/** The filters on what is computed rather than stored: status and tags. */
function filteredInMemory(tasks: TaskView[], filter: LedgerFilter): TaskView[] {
  let out = tasks;
  if (filter.status && filter.status.length > 0) {
    const wanted = new Set(filter.status);
    out = out.filter((t) => wanted.has(t.evaluation.status));
  }
  if (filter.tag) {
    const tag = filter.tag;
    out = out.filter((t) => t.tags.includes(tag));
  }
  return out;
}

async function checkReferences(
  ctx: ServiceContext,
  regionId: string,
  planId: string,
  input: TaskInput,
  /** The units the task already names: an inactive one may stay, but not be newly chosen. */
  current: readonly string[] = [],
): Promise<void> {
  const units = await unitsById(db(ctx), regionId);
  const chosen: [string | null | undefined, string][] = [
    [input.leadUnitId, 'leadUnitId'],
    ...(input.coUnitIds ?? []).map((id): [string, string] => [id, 'coUnitIds']),
  ];
  for (const [unitId, field] of chosen) {
    if (!unitId) continue;
    const unit = units.get(unitId);
    if (!unit) throw fail('unit.unknown', {}, { field: 'leadUnitId/coUnitIds', unitId });
    if (!current.includes(unitId) && !unitPolicy.mayTakeNewTasks(unit))
      throw fail('unit.inactive', { name: unit.name }, { field, unitId });
  }
  if (input.areaId) {
    const area = await getArea(db(ctx), input.areaId);
    if (area?.plan_id !== planId) throw fail('area.unknown', {}, { field: 'areaId' });
  }
  if (input.parentTaskId) {
    const parent = await getTask(db(ctx), input.parentTaskId);
    if (parent?.region_id !== regionId) throw fail('task.unknown_parent', {}, { field: 'parentTaskId' });
  }
  if (input.startDate && input.dueDate && input.startDate > input.dueDate)
    throw fail('task.start_after_due', {}, { field: 'dueDate' });
  if (input.ongoing && input.dueDate) throw fail('task.ongoing_with_due', {}, { field: 'dueDate' });
}

/** The due date and ongoing mark a change leaves: the two never stand together. */
function dueFields(input: TaskInput): { due_date?: string | null; ongoing?: number } {
  if (input.ongoing === true) return { due_date: null, ongoing: 1 };
  if (input.ongoing === false)
    return { ongoing: 0, ...(input.dueDate !== undefined && { due_date: input.dueDate }) };
  if (input.dueDate) return { due_date: input.dueDate, ongoing: 0 };
  return input.dueDate === null ? { due_date: null } : {};
}

export async function createTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: NewTaskInput,
): Promise<TaskSummaryRecord> {
  const plan = await planFor(ctx, actor, planId);
  demand(planPolicy.can(actor, 'edit', { regionId: plan.region_id, status: plan.status }));
  await checkReferences(ctx, plan.region_id, planId, input);
  const id = newId('task');
  const day = today(ctx);
  return write(ctx, actor, async ({ trx, audit }) => {
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
      due_date: input.ongoing ? null : (input.dueDate ?? null),
      ongoing: input.ongoing ? 1 : 0,
      office_note: input.officeNote ?? '',
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
    return (await summaryOf(trx, id, day))!;
  });
}

export async function updateTask(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  expectedVersion: number,
  input: TaskInput,
): Promise<TaskSummaryRecord> {
  const task = await taskFor(ctx, actor, taskId);
  demand(taskPolicy.can(actor, 'edit', factsOf(task)));
  const currentUnits = [
    ...(task.lead_unit_id ? [task.lead_unit_id] : []),
    ...((await coUnitsOf(db(ctx), [taskId])).get(taskId) ?? []),
  ];
  await checkReferences(
    ctx,
    task.region_id,
    task.plan_id,
    {
      ...input,
      startDate: input.startDate ?? task.start_date,
      dueDate: input.ongoing ? input.dueDate : (input.dueDate ?? task.due_date),
    },
    currentUnits,
  );
  const day = today(ctx);
  const read = (db: Kysely<Database>, id: string) => summaryOf(db, id, day);
  return write(ctx, actor, async (scope) => {
    // Read in the write's transaction, so two moves at once cannot close a loop between them.
    if (input.parentTaskId) {
      const chain = await ancestorChain(scope.trx, input.parentTaskId, TASK_TREE_MAX_DEPTH);
      if (wouldCycle(taskId, chain)) throw fail('task.parent_cycle', {}, { field: 'parentTaskId' });
    }
    const updated = await updateRow(scope, {
      table: 'tasks',
      id: taskId,
      expectedVersion,
      patch: definedFields({
        code: input.code,
        title: input.title,
        area_id: input.areaId,
        parent_task_id: input.parentTaskId,
        lead_unit_id: input.leadUnitId,
        leader_name: input.leaderName,
        implementation_plan: input.implementationPlan,
        work_standard: input.workStandard,
        tags: input.tags && JSON.stringify(input.tags),
        start_date: input.startDate,
        ...dueFields(input),
        office_note: input.officeNote,
        weight: input.weight,
        updated_at: nowIso(ctx),
      }),
      read,
      audit: {
        regionId: task.region_id,
        action: 'task.update',
        entity: 'task',
        entityId: taskId,
        data: input,
      },
    });
    if (input.coUnitIds === undefined) return updated;
    await replaceCoUnits(scope.trx, task.region_id, taskId, input.coUnitIds);
    return (await read(scope.trx, taskId))!;
  });
}

/** The paragraph of the programme document that holds a task's source span, and where the span sits in it. */
export interface SourceExcerpt {
  paragraph: string;
  start: number;
  end: number;
}

export function excerptAround(text: string, start: number, end: number): SourceExcerpt | null {
  if (start < 0 || end > text.length || start >= end) return null;
  const before = text.lastIndexOf('\n', start - 1);
  const after = text.indexOf('\n', end);
  const from = before === -1 ? 0 : before + 1;
  const to = after === -1 ? text.length : after;
  return { paragraph: text.slice(from, to), start: start - from, end: end - from };
}

export interface HistoryEntry {
  seq: number;
  action: string;
  accountId: string | null;
  actorName: string | null;
  at: string;
  data: unknown;
}

/** A task the page links to: the task it was split from, or one split from it. */
export interface TaskRef {
  row: TaskRow;
  evaluation: TaskEvaluation;
}

/**
 * The task a task was split from and the tasks split from it (a district task and its towns' tasks), each
 * only when the caller may read it: a town's staff see their sub-task, not the district task above it.
 */
async function familyOf(
  d: Kysely<Database>,
  actor: Actor,
  task: TaskRow,
  day: string,
): Promise<{ parent: TaskRef | null; children: TaskRef[] }> {
  const [parentRow, childRows] = await Promise.all([
    task.parent_task_id ? getTask(d, task.parent_task_id) : Promise.resolve(undefined),
    childTasksOf(d, task.region_id, task.id),
  ]);
  const rows = [...(parentRow ? [parentRow] : []), ...childRows];
  const coUnits = await coUnitsOf(
    d,
    rows.map((r) => r.id),
    task.region_id,
  );
  const readable = rows.filter((r) => taskPolicy.can(actor, 'read', factsOf(r, coUnits.get(r.id) ?? [])));
  const refs = await Promise.all(
    readable.map(async (row) => ({ row, evaluation: await evaluationOf(d, row, day) })),
  );
  return {
    parent: refs.find((r) => r.row.id === parentRow?.id) ?? null,
    children: refs.filter((r) => r.row.id !== parentRow?.id),
  };
}

/** Everything the task page shows, gathered after one access check. */
export interface TaskDetail {
  task: TaskSummaryRecord;
  parent: TaskRef | null;
  subTasks: TaskRef[];
  plan: PlanSummaryRow;
  area: AreaRow | null;
  source: SourceExcerpt | null;
  milestones: MilestoneRow[];
  targets: { target: TargetRow; measurements: MeasurementRow[] }[];
  reports: ReportRow[];
  files: EvidenceFileRow[];
  notices: NoticeRow[];
  instructions: InstructionRecord[];
  history: HistoryEntry[];
  /** The office's ledger notes (台账进展备注), shown beside the units' reports of those periods. */
  ledgerNotes: LedgerNoteRow[];
}

export async function taskDetail(ctx: ServiceContext, actor: Actor, taskId: string): Promise<TaskDetail> {
  const task = await taskFor(ctx, actor, taskId);
  const d = db(ctx);
  // Started beside the page's other reads and awaited after them; should those fail first, its own failure
  // is not left unhandled.
  const family = familyOf(d, actor, task, today(ctx));
  family.catch(() => undefined);
  const [coUnits, plan, inputs, milestones, reports, notices, instructions, targets, history, units, area] =
    await Promise.all([
      coUnitsOf(d, [taskId], task.region_id),
      getPlan(d, task.plan_id, task.region_id),
      evaluationInputsOf(d, { taskId, regionId: task.region_id }),
      listMilestones(d, task.region_id, taskId),
      listReportsOfTask(d, task.region_id, taskId),
      listNotices(d, { regionId: task.region_id, taskId }),
      listInstructions(d, task.region_id, taskId),
      listTargets(d, { regionId: task.region_id, taskId }),
      listAuditEvents(d, 'task', taskId),
      unitsById(d, task.region_id),
      task.area_id ? getArea(d, task.area_id, task.region_id) : Promise.resolve(undefined),
    ]);
  const { parent, children } = await family;
  if (!plan) throw fail('task.not_found');
  const [files, measurements, text, ledgerNotes] = await Promise.all([
    listEvidenceFiles(
      d,
      reports.map((r) => r.id),
    ),
    listMeasurements(
      d,
      targets.map((t) => t.id),
    ),
    task.source_start !== null && task.source_end !== null
      ? getPlanSourceText(d, task.plan_id)
      : Promise.resolve(null),
    ledgerNotesOfTask(d, taskId),
  ]);
  const evaluation = evaluateTasks(inputs, [task], new Map([[plan.id, plan]]), today(ctx)).get(taskId)!;
  return {
    task: { ...viewOf(task, coUnits.get(taskId) ?? [], evaluation), units },
    parent,
    subTasks: children,
    plan,
    area: area ?? null,
    source:
      text !== null && task.source_start !== null && task.source_end !== null
        ? excerptAround(text, task.source_start, task.source_end)
        : null,
    milestones,
    targets: targets.map((target) => ({
      target,
      measurements: measurements.filter((m) => m.target_id === target.id),
    })),
    reports,
    ledgerNotes,
    files,
    notices,
    instructions,
    history: history.map((h) => ({
      seq: h.seq,
      action: h.action,
      accountId: h.account_id,
      actorName: h.actor_name ?? (h.account_id === SYSTEM_ACTOR.accountId ? SYSTEM_ACTOR.displayName : null),
      at: h.at,
      data: parseJson<unknown>(h.data, null),
    })),
  };
}
