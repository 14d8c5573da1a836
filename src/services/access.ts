import { getAccount } from '../db/repositories/account-repository.js';
import { getNotice } from '../db/repositories/notice-repository.js';
import { getInstruction, type InstructionRecord } from '../db/repositories/instruction-repository.js';
import { getPlan, type PlanSummaryRow } from '../db/repositories/plan-repository.js';
import { getArea } from '../db/repositories/area-repository.js';
import {
  getRegion,
  isRowInRegion,
  listRegionLinks,
  regionOfRowAmong,
  type RowTableBelow,
} from '../db/repositories/region-repository.js';
import { descendantsOf } from '../domain/region-tree.js';
import { isPublished, type AssessmentStage } from '../domain/assessment-workflow.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import { getReport } from '../db/repositories/report-repository.js';
import { getEvidenceFile } from '../db/repositories/evidence-repository.js';
import { getTarget, listTargets } from '../db/repositories/target-repository.js';
import { coUnitsOf, getTaskWithPlanStatus, leadUnitsOf } from '../db/repositories/task-repository.js';
import { getReportingTask, type ReportingTask } from '../db/repositories/period-decision-repository.js';
import { getMilestone } from '../db/repositories/milestone-repository.js';
import {
  getAccountabilityRecord,
  getToleranceRequest,
  type AccountabilityRecord,
  type ToleranceRequest,
} from '../db/repositories/accountability-repository.js';
import { getAttachment } from '../db/repositories/attachment-repository.js';
import { getExperience, type ExperienceRecord } from '../db/repositories/experience-repository.js';
import {
  getAdjustment,
  getIndicator,
  getRound,
  getScheme,
  getScore,
  getSheet,
} from '../db/repositories/assessment-repository.js';
import { getBulletin } from '../db/repositories/bulletin-repository.js';
import type { Kysely } from 'kysely';
import type { BulletinRow, Database, PlanStatus } from '../db/schema.js';
import * as bulletinPolicy from './policies/bulletin.js';
import type {
  AccountRow,
  AssessmentRoundRow,
  AssessmentSchemeRow,
  AreaRow,
  AttachmentRow,
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
import { db, perContext, type ServiceContext } from './context.js';
import { fail, type Reason } from './errors.js';
import * as accountabilityPolicy from './policies/accountability.js';
import * as experiencePolicy from './policies/experience.js';
import * as assessmentPolicy from './policies/assessment.js';
import * as instructionPolicy from './policies/instruction.js';
import * as directivePolicy from './policies/directive.js';
import * as meetingPolicy from './policies/meeting.js';
import {
  directiveCoUnits,
  getDirective,
  getDirectiveFile,
  getExtension,
  type DirectiveRecord,
} from '../db/repositories/directive-repository.js';
import { getDecision, getMeeting, getMeetingFile } from '../db/repositories/meeting-repository.js';
import type {
  DirectiveExtensionRow,
  DirectiveFileRow,
  MeetingDecisionRow,
  MeetingFileRow,
  MeetingRow,
} from '../db/schema.js';
import * as noticePolicy from './policies/notice.js';
import * as planPolicy from './policies/plan.js';
import * as targetPolicy from './policies/target.js';
import * as regionPolicy from './policies/region.js';
import { inRegion, seesWholeRegion } from './policies/scope.js';
import * as taskPolicy from './policies/task.js';
import * as projectPolicy from './policies/project.js';
import {
  getProject,
  getProjectMilestone,
  getProjectProblem,
  getProjectReport,
} from '../db/repositories/project-repository.js';
import type { ProjectMilestoneRow, ProjectProblemRow, ProjectReportRow, ProjectRow } from '../db/schema.js';

import * as tolerancePolicy from './policies/tolerance.js';
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

function mayReadBelow(actor: Actor): actor is Actor & { regionId: string } {
  return actor.regionId !== null && regionPolicy.can(actor, 'read_below', { id: actor.regionId });
}

/**
 * The regions below the actor's own that it may read (never write into): every region under a parent region
 * (a province's cities and their districts), for that region's office, leaders and viewers; none otherwise.
 * Generic on purpose: any resource's read path may widen its region check with `readerIn`.
 */
export async function regionsBelow(ctx: ServiceContext, actor: Actor): Promise<string[]> {
  if (!mayReadBelow(actor)) return [];
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

/**
 * `readerIn` for a resource known by its id: the row's region decides. Only a reader with regions below its
 * own looks, and only among those regions; anyone else (and a row elsewhere) comes back unchanged, for the
 * usual loader to answer 403 or 404.
 */
async function readerOfRow(
  ctx: ServiceContext,
  actor: Actor,
  table: RowTableBelow,
  id: string,
): Promise<Actor> {
  if (!mayReadBelow(actor)) return actor;
  // Most reads by such a reader are of its own region's rows: one indexed lookup instead of the region tree.
  if (await isRowInRegion(db(ctx), table, id, actor.regionId)) return actor;
  const below = await regionsBelow(ctx, actor);
  const regionId = await regionOfRowAmong(db(ctx), table, id, below);
  return regionId === undefined ? actor : { ...actor, role: 'viewer', regionId, unitId: null };
}

export const readerOfPlan = (ctx: ServiceContext, actor: Actor, planId: string): Promise<Actor> =>
  readerOfRow(ctx, actor, 'plans', planId);

export const readerOfTask = (ctx: ServiceContext, actor: Actor, taskId: string): Promise<Actor> =>
  readerOfRow(ctx, actor, 'tasks', taskId);

export const readerOfReport = (ctx: ServiceContext, actor: Actor, reportId: string): Promise<Actor> =>
  readerOfRow(ctx, actor, 'reports', reportId);

export const readerOfProject = (ctx: ServiceContext, actor: Actor, projectId: string): Promise<Actor> =>
  readerOfRow(ctx, actor, 'projects', projectId);

export const readerOfScheme = (ctx: ServiceContext, actor: Actor, schemeId: string): Promise<Actor> =>
  readerOfRow(ctx, actor, 'assessment_schemes', schemeId);

export const readerOfRound = (ctx: ServiceContext, actor: Actor, roundId: string): Promise<Actor> =>
  readerOfRow(ctx, actor, 'assessment_rounds', roundId);

export const readerOfBulletin = (ctx: ServiceContext, actor: Actor, bulletinId: string): Promise<Actor> =>
  readerOfRow(ctx, actor, 'bulletins', bulletinId);

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

/** A plan's region never changes, so it is looked up once per plan; the plan itself is kept per data version. */
const planRegions = perContext(() => new Map<string, string>());
const plansAtVersion = perContext(() => new Map<string, { version: number; plan: PlanSummaryRow }>());
const KEPT_PLANS = 10_000;

/**
 * `planFor` for a view served from cache (the ledger): answers the reader (as `readerIn`), the plan as of its
 * region's data version, and that version, which dates the cached view. A read of the plan's own region whose
 * data has not changed since the last one costs the version read alone: one query where it took four.
 */
export async function planForCachedView(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<{ reader: Actor; plan: PlanSummaryRow; version: number }> {
  const regions = planRegions(ctx);
  let regionId = regions.get(planId);
  if (regionId === undefined) {
    const found = await getPlan(db(ctx), planId);
    if (!found) throw fail('plan.not_found');
    regionId = found.region_id;
    if (regions.size >= KEPT_PLANS) regions.clear();
    regions.set(planId, regionId);
  }
  const reader = await readerIn(ctx, actor, regionId);
  // Read before the plan: a plan kept under this version is never older than the version says.
  const version = await ctx.storage.regionDataVersion(regionId);
  const kept = plansAtVersion(ctx);
  const known = kept.get(planId);
  let plan = known?.version === version ? known.plan : undefined;
  if (plan === undefined) {
    plan = await getPlan(db(ctx), planId);
    if (!plan) throw fail('plan.not_found');
    if (kept.size >= KEPT_PLANS) kept.clear();
    kept.set(planId, { version, plan });
  }
  return { reader, plan: checkedPlan(reader, plan), version };
}

function checkedPlan(actor: Actor, plan: PlanSummaryRow): PlanSummaryRow {
  demandRegion(actor, plan.region_id);
  if (!planPolicy.can(actor, 'read', { regionId: plan.region_id, status: plan.status }))
    throw fail('plan.not_found');
  return plan;
}

export async function planFor(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanSummaryRow> {
  const plan = await getPlan(db(ctx), planId);
  if (!plan) throw fail('plan.not_found');
  return checkedPlan(actor, plan);
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

/** `from`: a write's transaction when what the check allowed must still hold when the write commits. */
export async function taskFor(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  from: Kysely<Database> = db(ctx),
): Promise<TaskRow> {
  const found = await getTaskWithPlanStatus(from, taskId);
  if (!found) throw fail('task.not_found');
  await demandTaskReadable(actor, found.task, found.planStatus, from);
  return found.task;
}

/**
 * `taskFor` for a new report of `period`: the task with its reporting calendar and the period's open report,
 * read in one query, under the same check.
 */
export async function reportingTaskFor(
  actor: Actor,
  taskId: string,
  period: string,
  from: Kysely<Database>,
): Promise<ReportingTask> {
  const task = await getReportingTask(from, taskId, period);
  if (!task) throw fail('task.not_found');
  await demandTaskReadable(actor, { id: task.task_id, ...task }, task.plan_status, from);
  return task;
}

/** The read check of a task already read: its region, its units, and that its plan is out to this reader. */
async function demandTaskReadable(
  actor: Actor,
  task: { id: string; region_id: string; lead_unit_id: string | null },
  planStatus: PlanStatus,
  from: Kysely<Database>,
): Promise<void> {
  demandRegion(actor, task.region_id);
  // Co-units matter only to a unit that does not lead the task: most checks decide without reading them.
  const coUnitIds = taskPolicy.readNeedsCoUnits(actor, task.lead_unit_id)
    ? ((await coUnitsOf(from, [task.id], task.region_id)).get(task.id) ?? [])
    : [];
  const facts = { regionId: task.region_id, leadUnitId: task.lead_unit_id, coUnitIds };
  demand(taskPolicy.can(actor, 'read', facts), 'access.not_own_unit_task');
  if (!planPolicy.can(actor, 'read', { regionId: task.region_id, status: planStatus }))
    throw fail('task.not_found');
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

// ---- Directives and meetings (issue 11 §3–4) ----

/** A meeting for its readers; another region's is refused. */
export async function meetingFor(ctx: ServiceContext, actor: Actor, meetingId: string): Promise<MeetingRow> {
  const meeting = await getMeeting(db(ctx), meetingId);
  if (!meeting) throw fail('meeting.not_found');
  demandRegion(actor, meeting.region_id);
  demand(meetingPolicy.can(actor, 'read', { regionId: meeting.region_id }));
  return meeting;
}

export async function decisionFor(
  ctx: ServiceContext,
  actor: Actor,
  decisionId: string,
): Promise<{ decision: MeetingDecisionRow; meeting: MeetingRow }> {
  const decision = await getDecision(db(ctx), decisionId);
  if (!decision) throw fail('decision.not_found');
  return { decision, meeting: await meetingFor(ctx, actor, decision.meeting_id) };
}

export interface LoadedDirective {
  directive: DirectiveRecord;
  coUnits: { id: string; name: string }[];
  facts: directivePolicy.DirectiveFacts;
}

/** A directive for its readers: region-wide readers, its lead and co-operating units; others are told it does not exist. */
export async function directiveFor(
  ctx: ServiceContext,
  actor: Actor,
  directiveId: string,
): Promise<LoadedDirective> {
  const directive = await getDirective(db(ctx), directiveId);
  if (!directive) throw fail('directive.not_found');
  demandRegion(actor, directive.region_id);
  const coUnits = (await directiveCoUnits(db(ctx), [directiveId])).get(directiveId) ?? [];
  const facts = {
    regionId: directive.region_id,
    leadUnitId: directive.lead_unit_id,
    coUnitIds: coUnits.map((u) => u.id),
  };
  if (!directivePolicy.can(actor, 'read', facts)) throw fail('directive.not_found');
  return { directive, coUnits, facts };
}

export async function extensionFor(
  ctx: ServiceContext,
  actor: Actor,
  extensionId: string,
): Promise<{ extension: DirectiveExtensionRow } & LoadedDirective> {
  const extension = await getExtension(db(ctx), extensionId);
  if (!extension) throw fail('extension.not_found');
  return { extension, ...(await directiveFor(ctx, actor, extension.directive_id)) };
}

/** Reading a checkpoint's evidence file is reading its directive. */
export async function directiveFileFor(
  ctx: ServiceContext,
  actor: Actor,
  fileId: string,
): Promise<DirectiveFileRow> {
  const file = await getDirectiveFile(db(ctx), fileId);
  if (!file) throw fail('file.not_found');
  await directiveFor(ctx, actor, file.directive_id);
  return file;
}

/** Reading a meeting's attachment is reading the meeting. */
export async function meetingFileFor(
  ctx: ServiceContext,
  actor: Actor,
  fileId: string,
): Promise<MeetingFileRow> {
  const file = await getMeetingFile(db(ctx), fileId);
  if (!file) throw fail('file.not_found');
  await meetingFor(ctx, actor, file.meeting_id);
  return file;
}

// ---- Key projects (issue 11): a project and what hangs on it are read by whoever reads the project ----

export async function projectFor(ctx: ServiceContext, actor: Actor, projectId: string): Promise<ProjectRow> {
  const project = await getProject(db(ctx), projectId);
  if (!project) throw fail('project.not_found');
  demandRegion(actor, project.region_id);
  demand(projectPolicy.can(actor, 'read', { regionId: project.region_id, leadUnitId: project.lead_unit_id }));
  return project;
}

export async function projectReportFor(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
): Promise<{ report: ProjectReportRow; project: ProjectRow }> {
  const report = await getProjectReport(db(ctx), reportId);
  if (!report) throw fail('project.report_not_found');
  return { report, project: await projectFor(ctx, actor, report.project_id) };
}

export async function projectMilestoneFor(
  ctx: ServiceContext,
  actor: Actor,
  milestoneId: string,
): Promise<{ milestone: ProjectMilestoneRow; project: ProjectRow }> {
  const milestone = await getProjectMilestone(db(ctx), milestoneId);
  if (!milestone) throw fail('project.milestone_not_found');
  return { milestone, project: await projectFor(ctx, actor, milestone.project_id) };
}

export async function projectProblemFor(
  ctx: ServiceContext,
  actor: Actor,
  problemId: string,
): Promise<{ problem: ProjectProblemRow; project: ProjectRow }> {
  const problem = await getProjectProblem(db(ctx), problemId);
  if (!problem) throw fail('project.problem_not_found');
  return { problem, project: await projectFor(ctx, actor, problem.project_id) };
}

// Accountability, fault tolerance and the experience library (issue 10 §2–3).

/** A 问责 record for region-wide readers and the unit it is on; anyone else in the region is told it does not exist. */
export async function accountabilityFor(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<AccountabilityRecord> {
  const record = await getAccountabilityRecord(db(ctx), id);
  if (!record) throw fail('accountability.not_found');
  demandRegion(actor, record.region_id);
  if (!accountabilityPolicy.can(actor, 'read', { regionId: record.region_id, unitId: record.unit_id }))
    throw fail('accountability.not_found');
  return record;
}

export async function toleranceFor(ctx: ServiceContext, actor: Actor, id: string): Promise<ToleranceRequest> {
  const request = await getToleranceRequest(db(ctx), id);
  if (!request) throw fail('tolerance.not_found');
  demandRegion(actor, request.region_id);
  const facts = { regionId: request.region_id, unitId: request.unit_id, status: request.status };
  if (!tolerancePolicy.can(actor, 'read', facts)) throw fail('tolerance.not_found');
  return request;
}

/**
 * An experience: another region's is readable once accepted (the library crosses the tenant wall on
 * purpose) and otherwise answered as missing, so no region learns of another's proposals.
 */
export async function experienceFor(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<ExperienceRecord> {
  const experience = await getExperience(db(ctx), id);
  if (!experience) throw fail('experience.not_found');
  const facts = { regionId: experience.region_id, unitId: experience.unit_id, status: experience.status };
  if (!experiencePolicy.can(actor, 'read', facts)) throw fail('experience.not_found');
  return experience;
}

/** Reading an attachment is reading what it is attached to. */
export async function attachmentFor(ctx: ServiceContext, actor: Actor, id: string): Promise<AttachmentRow> {
  const attachment = await getAttachment(db(ctx), id);
  if (!attachment) throw fail('attachment.not_found');
  switch (attachment.owner_kind) {
    case 'experience':
      await experienceFor(ctx, actor, attachment.owner_id);
      break;
    case 'tolerance':
      await toleranceFor(ctx, actor, attachment.owner_id);
      break;
    case 'assessment_score':
      await assessmentCellFor(ctx, actor, attachment.owner_id);
      break;
    case 'assessment_adjustment':
      await assessmentAdjustmentFor(ctx, actor, attachment.owner_id);
      break;
    case 'project_report':
      await projectPhotoFor(ctx, actor, attachment.owner_id);
      break;
  }
  return attachment;
}

/**
 * A key project's 形象进度照片 are read by whoever reads the project, a parent region's readers included;
 * anyone else is told the file does not exist.
 */
async function projectPhotoFor(ctx: ServiceContext, actor: Actor, reportId: string): Promise<void> {
  const report = await getProjectReport(db(ctx), reportId);
  if (!report) throw fail('attachment.not_found');
  const reader = await readerOfProject(ctx, actor, report.project_id);
  const project = await getProject(db(ctx), report.project_id);
  const facts = project && { regionId: project.region_id, leadUnitId: project.lead_unit_id };
  if (!facts || !projectPolicy.can(reader, 'read', facts)) throw fail('attachment.not_found');
}

/**
 * A self-assessment cell's evidence is read by whoever reads that cell: the unit, region-wide readers,
 * the unit scoring the indicator, and everyone from 公示 on. Others are told it does not exist.
 */
async function assessmentCellFor(ctx: ServiceContext, actor: Actor, scoreId: string): Promise<void> {
  const score = await getScore(db(ctx), scoreId);
  const sheet = score ? await getSheet(db(ctx), score.sheet_id) : undefined;
  const indicator = score ? await getIndicator(db(ctx), score.indicator_id) : undefined;
  if (!sheet || !indicator) throw fail('attachment.not_found');
  const { round } = await roundFor(ctx, actor, sheet.round_id);
  const facts = {
    regionId: round.region_id,
    unitId: sheet.unit_id,
    published: isPublished(round.stage as AssessmentStage),
    scoringUnitIds: indicator.scoring_unit_id ? [indicator.scoring_unit_id] : [],
  };
  if (!assessmentPolicy.can(actor, 'read_sheet', facts)) throw fail('attachment.not_found');
}

/** A bonus/deduction item's evidence: region-wide readers and the unit the item is about. */
async function assessmentAdjustmentFor(
  ctx: ServiceContext,
  actor: Actor,
  adjustmentId: string,
): Promise<void> {
  const adjustment = await getAdjustment(db(ctx), adjustmentId);
  if (!adjustment) throw fail('attachment.not_found');
  await roundFor(ctx, actor, adjustment.round_id);
  if (!seesWholeRegion(actor) && actor.unitId !== adjustment.unit_id) throw fail('attachment.not_found');
}

// ---- Assessment (考核) ----

/** A scheme for anyone of its region who reads assessments; another region's is refused. */
export async function schemeFor(
  ctx: ServiceContext,
  actor: Actor,
  schemeId: string,
): Promise<AssessmentSchemeRow> {
  const scheme = await getScheme(db(ctx), schemeId);
  if (!scheme) throw fail('assessment.scheme_not_found');
  demandRegion(actor, scheme.region_id);
  const facts = { regionId: scheme.region_id, unitId: null, published: false };
  if (!assessmentPolicy.can(actor, 'read', facts)) throw fail('assessment.scheme_not_found');
  return scheme;
}

/** An assessment round with its scheme, for the same readers as the scheme. */
export async function roundFor(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<{ round: AssessmentRoundRow; scheme: AssessmentSchemeRow }> {
  const round = await getRound(db(ctx), roundId);
  if (!round) throw fail('assessment.round_not_found');
  demandRegion(actor, round.region_id);
  const scheme = await schemeFor(ctx, actor, round.scheme_id);
  return { round, scheme };
}

/** A bulletin for its readers: published ones for the whole region, drafts for the office only. */
export async function bulletinFor(
  ctx: ServiceContext,
  actor: Actor,
  bulletinId: string,
): Promise<BulletinRow> {
  const bulletin = await getBulletin(db(ctx), bulletinId);
  if (!bulletin) throw fail('bulletin.not_found');
  demandRegion(actor, bulletin.region_id);
  if (!bulletinPolicy.can(actor, 'read', { regionId: bulletin.region_id, status: bulletin.status }))
    throw fail('bulletin.not_found');
  return bulletin;
}

/** A plan's targets (指标) the actor may read: the plan's own goals, and a task's targets to the task's readers. */
export async function readableTargetsOf(
  ctx: ServiceContext,
  actor: Actor,
  plan: { id: string; region_id: string },
): Promise<TargetRow[]> {
  const all = await listTargets(db(ctx), { regionId: plan.region_id, planId: plan.id });
  const taskIds = [...new Set(all.flatMap((t) => (t.task_id ? [t.task_id] : [])))];
  const [leads, coUnits] = await Promise.all([
    leadUnitsOf(db(ctx), taskIds),
    coUnitsOf(db(ctx), taskIds, plan.region_id),
  ]);
  return all.filter((t) =>
    targetPolicy.can(actor, 'read', {
      regionId: plan.region_id,
      unitId: t.unit_id,
      task: t.task_id
        ? {
            regionId: plan.region_id,
            leadUnitId: leads.get(t.task_id) ?? null,
            coUnitIds: coUnits.get(t.task_id) ?? [],
          }
        : null,
    }),
  );
}
