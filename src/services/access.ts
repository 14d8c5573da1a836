import { getAccount } from '../db/repositories/account-repository.js';
import { getNotice } from '../db/repositories/notice-repository.js';
import { getInstruction, type InstructionRecord } from '../db/repositories/instruction-repository.js';
import { getPlan, type PlanSummaryRow } from '../db/repositories/plan-repository.js';
import { getArea } from '../db/repositories/area-repository.js';
import { getRegion, listRegionLinks } from '../db/repositories/region-repository.js';
import { descendantsOf } from '../domain/region-tree.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import { getReport } from '../db/repositories/report-repository.js';
import { getEvidenceFile } from '../db/repositories/evidence-repository.js';
import { getTarget } from '../db/repositories/target-repository.js';
import { coUnitsOf, getTaskWithPlanStatus } from '../db/repositories/task-repository.js';
import { getMilestone } from '../db/repositories/milestone-repository.js';
import type {
  AccountRow,
  AreaRow,
  EvidenceFileRow,
  MilestoneRow,
  NoticeRow,
  RegionRow,
  ReportRow,
  TargetRow,
  TaskRow,
  UnitRow,
} from '../db/schema.js';
import type { Actor } from './actor.js';
import { db, type ServiceContext } from './context.js';
import { fail, type Reason } from './errors.js';
import * as instructionPolicy from './policies/instruction.js';
import * as noticePolicy from './policies/notice.js';
import * as planPolicy from './policies/plan.js';
import * as regionPolicy from './policies/region.js';
import { inRegion } from './policies/scope.js';
import * as taskPolicy from './policies/task.js';

/**
 * Loads a row for an actor or refuses: the one gate every read of a single resource passes. A row of
 * another region is refused (403); a row the caller may not know exists (a draft plan for a unit, another
 * unit's notice) is answered as missing (404). What the caller may then do with it is in policies/.
 */

/** Refuses unless the policy allowed it; the reason says which rule refused. */
export function demand(allowed: boolean, reason: Reason = 'access.forbidden'): void {
  if (!allowed) throw fail(reason);
}

export function demandRegion(actor: Actor, regionId: string): void {
  demand(inRegion(actor, regionId), 'access.other_region');
}

/**
 * The regions below the actor's own that it may read (never write into): every region under a parent region
 * (a province's cities and their districts), for that region's office, leaders and viewers; none otherwise.
 * Generic on purpose: any resource's read path may widen its region check with `readerIn`.
 */
export async function regionsBelow(ctx: ServiceContext, actor: Actor): Promise<string[]> {
  if (actor.regionId === null || !regionPolicy.can(actor, 'read_below', { id: actor.regionId })) return [];
  return descendantsOf(await listRegionLinks(db(ctx)), actor.regionId);
}

/**
 * The actor to read `regionId`'s data as. In its own region, itself. A parent region's reader reads a region
 * below as that region's viewer: a role that writes nothing, sees published plans only and passes every read
 * check a viewer passes, so each resource's own policy keeps deciding. Anyone else comes back unchanged, for
 * the usual checks to refuse. Costs no I/O unless the actor may read below its region.
 */
export async function readerIn(ctx: ServiceContext, actor: Actor, regionId: string): Promise<Actor> {
  if (inRegion(actor, regionId)) return actor;
  if (!(await regionsBelow(ctx, actor)).includes(regionId)) return actor;
  return { ...actor, role: 'viewer', regionId, unitId: null };
}

/** `readerIn` for a resource known by its plan: the plan's region decides (a missing plan: the actor as is). */
export async function readerOfPlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<Actor> {
  if (actor.regionId === null || !regionPolicy.can(actor, 'read_below', { id: actor.regionId })) return actor;
  const plan = await getPlan(db(ctx), planId);
  return plan ? readerIn(ctx, actor, plan.region_id) : actor;
}

export async function regionFor(ctx: ServiceContext, actor: Actor, regionId: string): Promise<RegionRow> {
  demandRegion(actor, regionId);
  const region = await getRegion(db(ctx), regionId);
  if (!region) throw fail('region.not_found');
  return region;
}

export async function unitFor(ctx: ServiceContext, actor: Actor, unitId: string): Promise<UnitRow> {
  const unit = await getUnit(db(ctx), unitId);
  if (!unit) throw fail('unit.not_found');
  demandRegion(actor, unit.region_id);
  return unit;
}

/** Accounts of a region only: the operator's own account has no region and is not managed here. */
export async function accountFor(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
): Promise<AccountRow & { region_id: string }> {
  const account = await getAccount(db(ctx), accountId);
  const regionId = account?.region_id;
  if (!account || !regionId) throw fail('account.not_found');
  await regionFor(ctx, actor, regionId);
  return { ...account, region_id: regionId };
}

export async function planFor(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanSummaryRow> {
  const plan = await getPlan(db(ctx), planId);
  if (!plan) throw fail('plan.not_found');
  demandRegion(actor, plan.region_id);
  if (!planPolicy.can(actor, 'read', { regionId: plan.region_id, status: plan.status }))
    throw fail('plan.not_found');
  return plan;
}

export async function areaFor(
  ctx: ServiceContext,
  actor: Actor,
  areaId: string,
): Promise<{ area: AreaRow; plan: PlanSummaryRow }> {
  const area = await getArea(db(ctx), areaId);
  if (!area) throw fail('area.not_found');
  return { area, plan: await planFor(ctx, actor, area.plan_id) };
}

export async function targetFor(
  ctx: ServiceContext,
  actor: Actor,
  targetId: string,
): Promise<{ target: TargetRow; plan: PlanSummaryRow }> {
  const target = await getTarget(db(ctx), targetId);
  if (!target) throw fail('target.not_found');
  return { target, plan: await planFor(ctx, actor, target.plan_id) };
}

export async function taskFor(ctx: ServiceContext, actor: Actor, taskId: string): Promise<TaskRow> {
  const found = await getTaskWithPlanStatus(db(ctx), taskId);
  if (!found) throw fail('task.not_found');
  const { task, planStatus } = found;
  demandRegion(actor, task.region_id);
  // Co-units matter only to a unit that does not lead the task: most checks decide without reading them.
  const coUnitIds = taskPolicy.readNeedsCoUnits(actor, task.lead_unit_id)
    ? ((await coUnitsOf(db(ctx), [taskId])).get(taskId) ?? [])
    : [];
  const facts = { regionId: task.region_id, leadUnitId: task.lead_unit_id, coUnitIds };
  demand(taskPolicy.can(actor, 'read', facts), 'access.not_own_unit_task');
  if (!planPolicy.can(actor, 'read', { regionId: task.region_id, status: planStatus }))
    throw fail('task.not_found');
  return task;
}

export async function milestoneFor(
  ctx: ServiceContext,
  actor: Actor,
  milestoneId: string,
): Promise<{ milestone: MilestoneRow; task: TaskRow }> {
  const milestone = await getMilestone(db(ctx), milestoneId);
  if (!milestone) throw fail('milestone.not_found');
  return { milestone, task: await taskFor(ctx, actor, milestone.task_id) };
}

/** Reading a report is reading its task. */
export async function reportFor(ctx: ServiceContext, actor: Actor, reportId: string): Promise<ReportRow> {
  const report = await getReport(db(ctx), reportId);
  if (!report) throw fail('report.not_found');
  await taskFor(ctx, actor, report.task_id);
  return report;
}

export async function fileFor(ctx: ServiceContext, actor: Actor, fileId: string): Promise<EvidenceFileRow> {
  const file = await getEvidenceFile(db(ctx), fileId);
  if (!file) throw fail('file.not_found');
  await reportFor(ctx, actor, file.report_id);
  return file;
}

export async function noticeFor(ctx: ServiceContext, actor: Actor, noticeId: string): Promise<NoticeRow> {
  const notice = await getNotice(db(ctx), noticeId);
  if (!notice) throw fail('notice.not_found');
  demandRegion(actor, notice.region_id);
  const facts = { regionId: notice.region_id, unitId: notice.unit_id, status: notice.status };
  if (!noticePolicy.can(actor, 'read', facts)) throw fail('notice.not_found');
  return notice;
}

/** An instruction for its readers: region-wide readers and the addressed unit; anyone else is told it does not exist. */
export async function instructionFor(
  ctx: ServiceContext,
  actor: Actor,
  instructionId: string,
): Promise<InstructionRecord> {
  const instruction = await getInstruction(db(ctx), instructionId);
  if (!instruction) throw fail('instruction.not_found');
  demandRegion(actor, instruction.region_id);
  const facts = { regionId: instruction.region_id, unitId: instruction.unit_id, status: instruction.status };
  if (!instructionPolicy.can(actor, 'read', facts)) throw fail('instruction.not_found');
  return instruction;
}
