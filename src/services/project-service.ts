import { newId } from '../db/ids.js';
import { insertProjectOpening } from './project-opening.js';
import {
  getProject,
  insertProjects,
  insertStageMoves,
  investmentByProject,
  investmentOfProjects,
  listProjectMilestones,
  listProjectProblems,
  listProjectReports,
  listProjects,
  listStageMoves,
  type ProjectFilter,
} from '../db/repositories/project-repository.js';
import { getRegion } from '../db/repositories/region-repository.js';
import { todayInShanghai } from '../domain/calendar.js';
import {
  projectReportDaysLate,
  projectReportDueDayOf,
  projectReportDueOn,
  stageLabelsOf,
  type StageLabels,
} from '../domain/region-settings.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import { listAttachmentsOfOwners } from '../db/repositories/attachment-repository.js';
import type {
  AttachmentRow,
  ProjectMilestoneRow,
  ProjectProblemRow,
  ProjectReportRow,
  ProjectRow,
  ProjectStageMoveRow,
  ProjectTable,
} from '../db/schema.js';
import { isDateString } from '../domain/calendar.js';
import {
  conversion,
  monthElapsed,
  projectRulesOf,
  regionInvestment,
  projectStatus,
  stageMoveNeedsReason,
  type Conversion,
  type ProjectRules,
  type ProjectStage,
  type ProjectStatusResult,
  yearPlanIn,
} from '../domain/projects.js';
import { demand, demandRegion, projectFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as projectPolicy from './policies/project.js';
import { definedFields, flag, updateRow } from './versioned-write.js';

export type { ProjectMilestoneRow, ProjectProblemRow, ProjectReportRow, ProjectRow, ProjectStageMoveRow };
export type { Conversion, ProjectFilter, ProjectStatusResult };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month a list or page is judged at: the one asked for, else this month; never a malformed one. */
function monthOrNow(ctx: ServiceContext, month: string | undefined): string {
  if (month === undefined) return today(ctx).slice(0, 7);
  if (!MONTH.test(month)) throw fail('project.month_malformed', {}, { field: 'month' });
  return month;
}

interface RegionProjectSettings {
  rules: ProjectRules;
  dueDay: number;
  stageLabels: StageLabels;
}

async function regionSettingsOf(ctx: ServiceContext, regionId: string): Promise<RegionProjectSettings> {
  const settings = (await getRegion(db(ctx), regionId))?.settings;
  return {
    rules: projectRulesOf(settings),
    dueDay: projectReportDueDayOf(settings),
    stageLabels: stageLabelsOf(settings),
  };
}

export interface ReportTiming {
  /** The region's day of the month the project's monthly report is due. */
  dueDay: number;
  /** This month's report: when it is due, and whether that day passed without one. */
  month: string;
  dueOn: string;
  overdue: boolean;
  /** Months whose report came after its due date, with how many days after. */
  late: { month: string; daysLate: number }[];
}

/** Lateness of a project's monthly reports against the region's due day, as of today. */
function reportTiming(reports: readonly ProjectReportRow[], dueDay: number, day: string): ReportTiming {
  const month = day.slice(0, 7);
  const dueOn = projectReportDueOn(month, dueDay);
  const late = reports.flatMap((r) => {
    const daysLate = projectReportDaysLate(r.month, todayInShanghai(new Date(r.created_at)), dueDay);
    return daysLate > 0 ? [{ month: r.month, daysLate }] : [];
  });
  return { dueDay, month, dueOn, overdue: day > dueOn && !reports.some((r) => r.month === month), late };
}

export interface ProjectFigures {
  yearPlan: number | null;
  yearToDate: number;
  /** Since the project began: what was invested before plus every reported month to date. */
  sinceStart: number;
  /** Share of the total investment, percent, one decimal; null without a total. */
  totalShare: number | null;
  status: ProjectStatusResult;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function figuresOf(
  project: ProjectRow,
  month: string,
  yearToDate: number,
  sinceStartReported: number,
  milestones: readonly ProjectMilestoneRow[],
  day: string,
  rules: ProjectRules,
): ProjectFigures {
  const yearPlan = yearPlanIn(project, month);
  const sinceStart = project.invested_before + sinceStartReported;
  return {
    yearPlan,
    yearToDate,
    sinceStart,
    totalShare: project.total_investment > 0 ? round1((sinceStart / project.total_investment) * 100) : null,
    status: projectStatus(
      {
        stage: project.stage,
        milestones: milestones.map((m) => ({ dueDate: m.due_date, doneDate: m.done_date })),
        yearPlan,
        yearToDate,
        month,
      },
      day,
      rules,
    ),
  };
}

export interface ProjectListItem {
  project: ProjectRow;
  figures: ProjectFigures;
}

export interface ProjectTotals {
  count: number;
  totalInvestment: number;
  yearPlan: number;
  yearToDate: number;
  /** Completed against the year's plan of the projects that have one, percent; null when none has. */
  completion: number | null;
  elapsed: number;
}

export interface ProjectList {
  month: string;
  totals: ProjectTotals;
  items: ProjectListItem[];
  /** The region's names of the stages, for the list's filter and chips. */
  stageLabels: StageLabels;
}

export interface ListOptions {
  month?: string | undefined;
  limit: number;
  offset: number;
}

/** Whoever may read a region's project lists: every account of the region (checked before a cached answer). */
export function demandProjectList(actor: Actor, regionId: string): void {
  demandRegion(actor, regionId);
  demand(projectPolicy.can(actor, 'read', { regionId, leadUnitId: '' }));
}

/** A region's key projects with the list's totals over every project the filter keeps, and one page of them. */
export async function projectsOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: ProjectFilter,
  options: ListOptions,
): Promise<ProjectList> {
  demandProjectList(actor, regionId);
  const month = monthOrNow(ctx, options.month);
  const year = month.slice(0, 4);
  const [projects, yearSums, settings] = await Promise.all([
    listProjects(db(ctx), regionId, filter),
    investmentByProject(db(ctx), regionId, `${year}-01`, month),
    regionSettingsOf(ctx, regionId),
  ]);
  const { rules } = settings;
  const investment = regionInvestment(
    projects.map((p) => ({ id: p.id, planYear: p.plan_year, yearPlan: p.year_plan })),
    yearSums,
    Number(year),
  );
  const totals: ProjectTotals = {
    count: projects.length,
    totalInvestment: projects.reduce((sum, p) => sum + p.total_investment, 0),
    yearPlan: investment.yearPlan,
    yearToDate: investment.yearToDate,
    completion: investment.completion,
    elapsed: monthElapsed(month),
  };
  const page = projects.slice(options.offset, options.offset + options.limit);
  const ids = page.map((p) => p.id);
  const [milestones, allSums] = await Promise.all([
    listProjectMilestones(db(ctx), ids),
    investmentOfProjects(db(ctx), ids, month),
  ]);
  const day = today(ctx);
  const items = page.map((project) => ({
    project,
    figures: figuresOf(
      project,
      month,
      yearSums.get(project.id) ?? 0,
      allSums.get(project.id) ?? 0,
      milestones.filter((m) => m.project_id === project.id),
      day,
      rules,
    ),
  }));
  return { month, totals, items, stageLabels: settings.stageLabels };
}

export interface ProjectDetail {
  project: ProjectRow;
  month: string;
  figures: ProjectFigures;
  moves: ProjectStageMoveRow[];
  milestones: ProjectMilestoneRow[];
  reports: ProjectReportRow[];
  /** 形象进度照片, each owned by one of `reports`. */
  photos: AttachmentRow[];
  problems: ProjectProblemRow[];
  reporting: ReportTiming;
  stageLabels: StageLabels;
  can: Record<projectPolicy.ProjectAction, boolean>;
}

export async function projectDetail(
  ctx: ServiceContext,
  actor: Actor,
  projectId: string,
  monthAsked?: string,
): Promise<ProjectDetail> {
  const project = await projectFor(ctx, actor, projectId);
  const month = monthOrNow(ctx, monthAsked);
  const [moves, milestones, reports, problems, settings] = await Promise.all([
    listStageMoves(db(ctx), { projectId }),
    listProjectMilestones(db(ctx), [projectId]),
    listProjectReports(db(ctx), projectId),
    listProjectProblems(db(ctx), projectId),
    regionSettingsOf(ctx, project.region_id),
  ]);
  const photos = await listAttachmentsOfOwners(
    db(ctx),
    'project_report',
    reports.map((r) => r.id),
  );
  const upTo = reports.filter((r) => r.month <= month);
  const ytd = upTo.filter((r) => r.month.startsWith(month.slice(0, 4))).reduce((s, r) => s + r.investment, 0);
  const all = upTo.reduce((s, r) => s + r.investment, 0);
  const facts = { regionId: project.region_id, leadUnitId: project.lead_unit_id };
  const actions: projectPolicy.ProjectAction[] = [
    'read',
    'create',
    'edit',
    'move_stage',
    'report',
    'attach_photo',
    'confirm_report',
    'track',
  ];
  return {
    project,
    month,
    figures: figuresOf(project, month, ytd, all, milestones, today(ctx), settings.rules),
    moves,
    milestones,
    reports,
    photos,
    problems,
    reporting: reportTiming(reports, settings.dueDay, today(ctx)),
    stageLabels: settings.stageLabels,
    can: Object.fromEntries(
      actions.map((a) => [a, projectPolicy.can(actor, a, facts)]),
    ) as ProjectDetail['can'],
  };
}

export interface ProjectInput {
  name: string;
  parentId?: string | null | undefined;
  stage: ProjectStage;
  /** The day the project reached its stage; today when not given. */
  stageDate?: string | undefined;
  nature: ProjectTable['nature'];
  level: ProjectTable['level'];
  category?: string | undefined;
  industry?: string | undefined;
  town?: string | undefined;
  park?: string | undefined;
  location?: string | undefined;
  content?: string | undefined;
  capacity?: string | undefined;
  startYear?: number | null | undefined;
  endYear?: number | null | undefined;
  plannedStart?: string | null | undefined;
  actualStart?: string | null | undefined;
  plannedEnd?: string | null | undefined;
  actualEnd?: string | null | undefined;
  totalInvestment?: number | undefined;
  funding?: string | undefined;
  planYear?: number | undefined;
  yearPlan?: number | null | undefined;
  yearGoal?: string | undefined;
  inStatistics?: boolean | undefined;
  leader?: string | undefined;
  leadUnitId: string;
  leadContact?: string | undefined;
  ownerCompany?: string | undefined;
  ownerContact?: string | undefined;
  investedBefore?: number | undefined;
}

async function checkProjectReferences(
  ctx: ServiceContext,
  regionId: string,
  input: Partial<ProjectInput>,
  selfId?: string,
): Promise<void> {
  if (input.parentId) {
    const parent = await getProject(db(ctx), input.parentId);
    if (parent?.region_id !== regionId || parent.id === selfId)
      throw fail('project.unknown_parent', {}, { field: 'parentId' });
  }
  if (input.leadUnitId && (await getUnit(db(ctx), input.leadUnitId))?.region_id !== regionId)
    throw fail('project.unknown_unit', {}, { field: 'leadUnitId' });
  for (const amount of [input.totalInvestment, input.yearPlan, input.investedBefore])
    if (typeof amount === 'number' && amount < 0) throw fail('project.investment_negative');
}

/** The office enters a key project; it starts with the default roadmap and its first stage move. */
export async function createProject(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: ProjectInput,
): Promise<ProjectDetail> {
  demandRegion(actor, regionId);
  demand(projectPolicy.can(actor, 'create', { regionId, leadUnitId: input.leadUnitId }));
  await checkProjectReferences(ctx, regionId, input);
  const day = today(ctx);
  const stageDate = input.stageDate ?? day;
  if (stageDate > day) throw fail('project.date_future', {}, { field: 'stageDate' });
  const id = newId('prj');
  const at = nowIso(ctx);
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertProjects(trx, [
      {
        id,
        region_id: regionId,
        parent_id: input.parentId ?? null,
        name: input.name,
        stage: input.stage,
        nature: input.nature,
        level: input.level,
        category: input.category ?? '',
        industry: input.industry ?? '',
        town: input.town ?? '',
        park: input.park ?? '',
        location: input.location ?? '',
        content: input.content ?? '',
        capacity: input.capacity ?? '',
        start_year: input.startYear ?? null,
        end_year: input.endYear ?? null,
        planned_start: input.plannedStart ?? null,
        actual_start: input.actualStart ?? null,
        planned_end: input.plannedEnd ?? null,
        actual_end: input.actualEnd ?? null,
        total_investment: input.totalInvestment ?? 0,
        funding: input.funding ?? '',
        plan_year: input.planYear ?? Number(day.slice(0, 4)),
        year_plan: input.yearPlan ?? null,
        year_goal: input.yearGoal ?? '',
        in_statistics: input.inStatistics ? 1 : 0,
        leader: input.leader ?? '',
        lead_unit_id: input.leadUnitId,
        lead_contact: input.leadContact ?? '',
        owner_company: input.ownerCompany ?? '',
        owner_contact: input.ownerContact ?? '',
        invested_before: input.investedBefore ?? 0,
        created_at: at,
      },
    ]);
    await insertProjectOpening(trx, {
      regionId,
      projectId: id,
      stage: input.stage,
      movedOn: stageDate,
      createdBy: actor.accountId,
      createdAt: at,
    });
    await audit({ regionId, action: 'project.create', entity: 'project', entityId: id, data: input });
  });
  return projectDetail(ctx, actor, id);
}

export type ProjectPatch = Partial<Omit<ProjectInput, 'stage' | 'stageDate'>>;

export async function updateProject(
  ctx: ServiceContext,
  actor: Actor,
  projectId: string,
  expectedVersion: number,
  input: ProjectPatch,
): Promise<ProjectDetail> {
  const project = await projectFor(ctx, actor, projectId);
  demand(projectPolicy.can(actor, 'edit', { regionId: project.region_id, leadUnitId: project.lead_unit_id }));
  await checkProjectReferences(ctx, project.region_id, input, projectId);
  await write(ctx, actor, (scope) =>
    updateRow(scope, {
      table: 'projects',
      id: projectId,
      expectedVersion,
      patch: definedFields({
        name: input.name,
        parent_id: input.parentId,
        nature: input.nature,
        level: input.level,
        category: input.category,
        industry: input.industry,
        town: input.town,
        park: input.park,
        location: input.location,
        content: input.content,
        capacity: input.capacity,
        start_year: input.startYear,
        end_year: input.endYear,
        planned_start: input.plannedStart,
        actual_start: input.actualStart,
        planned_end: input.plannedEnd,
        actual_end: input.actualEnd,
        total_investment: input.totalInvestment,
        funding: input.funding,
        plan_year: input.planYear,
        year_plan: input.yearPlan,
        year_goal: input.yearGoal,
        in_statistics: flag(input.inStatistics),
        leader: input.leader,
        lead_unit_id: input.leadUnitId,
        lead_contact: input.leadContact,
        owner_company: input.ownerCompany,
        owner_contact: input.ownerContact,
        invested_before: input.investedBefore,
      }),
      read: getProject,
      audit: {
        regionId: project.region_id,
        action: 'project.update',
        entity: 'project',
        entityId: projectId,
        data: input,
      },
    }),
  );
  return projectDetail(ctx, actor, projectId);
}

export interface StageMoveInput {
  stage: ProjectStage;
  date: string;
  reason?: string | undefined;
}

/** The office moves a project along its pipeline on a date; a move back must say why. */
export async function moveProjectStage(
  ctx: ServiceContext,
  actor: Actor,
  projectId: string,
  expectedVersion: number,
  input: StageMoveInput,
): Promise<ProjectDetail> {
  const project = await projectFor(ctx, actor, projectId);
  demand(
    projectPolicy.can(actor, 'move_stage', { regionId: project.region_id, leadUnitId: project.lead_unit_id }),
  );
  if (input.stage === project.stage) throw fail('project.stage_unchanged', {}, { field: 'stage' });
  if (!isDateString(input.date) || input.date > today(ctx))
    throw fail('project.date_future', {}, { field: 'date' });
  const reason = input.reason?.trim() ?? '';
  if (stageMoveNeedsReason(project.stage, input.stage) && reason === '')
    throw fail('project.stage_reason_required', {}, { field: 'reason' });
  await write(ctx, actor, async (scope) => {
    await updateRow(scope, {
      table: 'projects',
      id: projectId,
      expectedVersion,
      patch: { stage: input.stage },
      read: getProject,
      audit: {
        regionId: project.region_id,
        action: 'project.move_stage',
        entity: 'project',
        entityId: projectId,
        data: { from: project.stage, ...input },
      },
    });
    await insertStageMoves(scope.trx, [
      {
        id: newId('psm'),
        region_id: project.region_id,
        project_id: projectId,
        from_stage: project.stage,
        to_stage: input.stage,
        moved_on: input.date,
        reason,
        created_by: actor.accountId,
        created_at: nowIso(ctx),
      },
    ]);
  });
  return projectDetail(ctx, actor, projectId);
}

/** The year's conversion figures (签约 → 开工 → 投产) of a region. */
export async function projectConversion(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  year: number,
): Promise<Conversion> {
  demandRegion(actor, regionId);
  demand(projectPolicy.can(actor, 'read', { regionId, leadUnitId: '' }));
  const moves = await listStageMoves(db(ctx), { regionId });
  return conversion(
    moves.map((m) => ({ projectId: m.project_id, to: m.to_stage, movedOn: m.moved_on })),
    year,
  );
}
