import { newId } from '../db/ids.js';
import {
  confirmProjectReport,
  getProjectMilestone,
  getProjectProblem,
  getProjectReportForMonth,
  insertProjectProblems,
  insertProjectReports,
  replaceProjectReport,
} from '../db/repositories/project-repository.js';
import type { ProjectMilestoneRow, ProjectProblemRow, ProjectReportRow } from '../db/schema.js';
import { isDateString } from '../domain/calendar.js';
import { demand, projectFor, projectMilestoneFor, projectProblemFor, projectReportFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as projectPolicy from './policies/project.js';
import { definedFields, updateRow } from './versioned-write.js';

export type { ProjectMilestoneRow, ProjectProblemRow, ProjectReportRow };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ProblemInput {
  text: string;
  owner: string;
  deadline: string;
}

export interface ProjectMonthInput {
  month: string;
  /** This month's investment, 万元. */
  investment: number;
  progress?: string | undefined;
  nextPlan?: string | undefined;
  coordination?: string | undefined;
  problems?: readonly ProblemInput[] | undefined;
}

/**
 * The lead unit reports a project's month (项目月报): its investment, 形象进度, problems (each with an
 * owner and a deadline), next month's plan and the coordination it needs. A month sent again before the
 * office confirms it replaces the figures and adds its problems; a month not begun is refused.
 */
export async function reportProjectMonth(
  ctx: ServiceContext,
  actor: Actor,
  projectId: string,
  input: ProjectMonthInput,
): Promise<ProjectReportRow> {
  const project = await projectFor(ctx, actor, projectId);
  demand(
    projectPolicy.can(actor, 'report', { regionId: project.region_id, leadUnitId: project.lead_unit_id }),
  );
  if (!MONTH.test(input.month)) throw fail('project.month_malformed', {}, { field: 'month' });
  if (input.month > today(ctx).slice(0, 7))
    throw fail('project.month_future', { month: input.month }, { field: 'month' });
  if (!Number.isFinite(input.investment) || input.investment < 0)
    throw fail('project.investment_negative', {}, { field: 'investment' });
  const existing = await getProjectReportForMonth(db(ctx), projectId, input.month);
  if (existing?.status === 'confirmed') throw fail('project.report_confirmed', { month: input.month });
  const at = nowIso(ctx);
  const id = existing?.id ?? newId('prp');
  await write(ctx, actor, async ({ trx, audit }) => {
    const figures = {
      investment: input.investment,
      progress: input.progress ?? '',
      next_plan: input.nextPlan ?? '',
      coordination: input.coordination ?? '',
      created_by: actor.accountId,
      created_at: at,
    };
    if (existing) await replaceProjectReport(trx, id, figures);
    else
      await insertProjectReports(trx, [
        {
          id,
          region_id: project.region_id,
          project_id: projectId,
          month: input.month,
          status: 'submitted',
          ...figures,
        },
      ]);
    await insertProjectProblems(
      trx,
      (input.problems ?? []).map((p) => ({
        id: newId('ppb'),
        region_id: project.region_id,
        project_id: projectId,
        report_id: id,
        text: p.text,
        owner: p.owner,
        deadline: p.deadline,
        resolution: null,
        resolved_on: null,
      })),
    );
    await audit({
      regionId: project.region_id,
      action: 'project.report',
      entity: 'project',
      entityId: projectId,
      data: input,
    });
  });
  return (await getProjectReportForMonth(db(ctx), projectId, input.month))!;
}

/** The office confirms a month's figures; they are then the project's record. */
export async function confirmProjectMonth(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
): Promise<ProjectReportRow> {
  const { report, project } = await projectReportFor(ctx, actor, reportId);
  demand(
    projectPolicy.can(actor, 'confirm_report', {
      regionId: project.region_id,
      leadUnitId: project.lead_unit_id,
    }),
  );
  if (report.status === 'confirmed') throw fail('project.report_confirmed', { month: report.month });
  await write(ctx, actor, async ({ trx, audit }) => {
    if (!(await confirmProjectReport(trx, reportId, actor.accountId, nowIso(ctx))))
      throw fail('project.report_confirmed', { month: report.month });
    await audit({
      regionId: project.region_id,
      action: 'project.confirm_report',
      entity: 'project',
      entityId: project.id,
      data: { reportId, month: report.month },
    });
  });
  return (await getProjectReportForMonth(db(ctx), project.id, report.month))!;
}

export interface ProjectMilestonePatch {
  dueDate?: string | null | undefined;
  doneDate?: string | null | undefined;
}

/** The lead unit (or the office) dates a step of the project's roadmap, or marks it done. */
export async function updateProjectMilestone(
  ctx: ServiceContext,
  actor: Actor,
  milestoneId: string,
  expectedVersion: number,
  input: ProjectMilestonePatch,
): Promise<ProjectMilestoneRow> {
  const { project } = await projectMilestoneFor(ctx, actor, milestoneId);
  demand(
    projectPolicy.can(actor, 'track', { regionId: project.region_id, leadUnitId: project.lead_unit_id }),
  );
  if (isDateString(input.doneDate) && input.doneDate > today(ctx))
    throw fail('project.date_future', {}, { field: 'doneDate' });
  return write(ctx, actor, (scope) =>
    updateRow(scope, {
      table: 'project_milestones',
      id: milestoneId,
      expectedVersion,
      patch: definedFields({ due_date: input.dueDate, done_date: input.doneDate }),
      read: getProjectMilestone,
      audit: {
        regionId: project.region_id,
        action: 'project.milestone',
        entity: 'project',
        entityId: project.id,
        data: { milestoneId, ...input },
      },
    }),
  );
}

export interface ProblemResolution {
  resolution: string;
  resolvedOn: string;
}

/** A problem a month raised is closed with what resolved it and when. */
export async function resolveProjectProblem(
  ctx: ServiceContext,
  actor: Actor,
  problemId: string,
  expectedVersion: number,
  input: ProblemResolution,
): Promise<ProjectProblemRow> {
  const { project } = await projectProblemFor(ctx, actor, problemId);
  demand(
    projectPolicy.can(actor, 'track', { regionId: project.region_id, leadUnitId: project.lead_unit_id }),
  );
  if (input.resolvedOn > today(ctx)) throw fail('project.date_future', {}, { field: 'resolvedOn' });
  return write(ctx, actor, (scope) =>
    updateRow(scope, {
      table: 'project_problems',
      id: problemId,
      expectedVersion,
      patch: { resolution: input.resolution, resolved_on: input.resolvedOn },
      read: getProjectProblem,
      audit: {
        regionId: project.region_id,
        action: 'project.resolve_problem',
        entity: 'project',
        entityId: project.id,
        data: { problemId, ...input },
      },
    }),
  );
}
