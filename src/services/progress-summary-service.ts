import { listMeasurements } from '../db/repositories/measurement-repository.js';
import {
  investmentByProject,
  listProjects,
  listRegionProjectMilestones,
  listStageMoves,
} from '../db/repositories/project-repository.js';
import { getRegion } from '../db/repositories/region-repository.js';
import { listPublishedTargetsOfRegion } from '../db/repositories/target-repository.js';
import type { ProjectRow, TargetRow } from '../db/schema.js';
import {
  countIndicators,
  indicatorStatus,
  indicatorTargetOf,
  laggingIndicators,
  type IndicatorCounts,
  type IndicatorResult,
} from '../domain/indicators.js';
import {
  conversion,
  monthElapsed,
  PROJECT_STAGES,
  projectRulesOf,
  projectStatus,
  regionInvestment,
  type Conversion,
  type ProjectStage,
  type ProjectStatusResult,
} from '../domain/projects.js';
import { stageLabelsOf, type StageLabels } from '../domain/region-settings.js';
import type { TaskStatus } from '../domain/task-status.js';
import { demandRegion, readerIn } from './access.js';
import type { Actor } from './actor.js';
import { db, today, type ServiceContext } from './context.js';
import { fail } from './errors.js';

export interface IndicatorLaggard {
  target: TargetRow;
  result: IndicatorResult;
}

export interface ProjectLaggard {
  project: ProjectRow;
  status: ProjectStatusResult;
}

export interface ProgressSummary {
  month: string;
  elapsed: number;
  indicators: { counts: IndicatorCounts; laggards: IndicatorLaggard[] };
  projects: {
    count: number;
    byStage: Record<ProjectStage, number>;
    /** The region's names of the stages, which the panel shows beside the counts. */
    stageLabels: StageLabels;
    byStatus: Record<TaskStatus, number>;
    yearPlan: number;
    yearToDate: number;
    completion: number | null;
    conversion: Conversion;
    /** Red and yellow projects, the furthest behind first. */
    laggards: ProjectLaggard[];
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const LAGGARDS = 10;

/**
 * A region's indicators and key projects at a month, for the battle map's panels and the quarterly
 * bulletin: how many indicators are on pace and which lag (on the office's confirmed figures), and the
 * projects' stages, colours, investment against 序时, the year's conversion and the projects behind.
 * Region-wide figures: every account of the region may read them.
 */
export async function regionProgressSummary(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  monthAsked?: string,
): Promise<ProgressSummary> {
  // A parent region's office follows the indicators and projects of the regions below on their battle maps.
  demandRegion(await readerIn(ctx, actor, regionId), regionId);
  const month = monthAsked ?? today(ctx).slice(0, 7);
  if (!MONTH.test(month)) throw fail('project.month_malformed', {}, { field: 'month' });
  const year = month.slice(0, 4);
  const [region, targets, projects, yearSums, milestones, moves] = await Promise.all([
    getRegion(db(ctx), regionId),
    listPublishedTargetsOfRegion(db(ctx), regionId),
    listProjects(db(ctx), regionId, {}),
    investmentByProject(db(ctx), regionId, `${year}-01`, month),
    listRegionProjectMilestones(db(ctx), regionId),
    listStageMoves(db(ctx), { regionId }),
  ]);
  const measurements = (
    await listMeasurements(
      db(ctx),
      targets.map((t) => t.id),
    )
  ).filter((m) => m.status === 'confirmed');

  const judged = targets.map((target) => {
    const result = indicatorStatus(
      indicatorTargetOf(target),
      measurements.filter((m) => m.target_id === target.id),
      month,
    );
    return { target, result };
  });
  const indicatorLaggards = laggingIndicators(judged, LAGGARDS);

  const rules = projectRulesOf(region?.settings);
  const day = today(ctx);
  const byStage = Object.fromEntries(PROJECT_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>;
  const byStatus: Record<TaskStatus, number> = {
    done: 0,
    on_track: 0,
    at_risk: 0,
    delayed: 0,
    not_started: 0,
  };
  const milestonesOf = new Map<string, { dueDate: string | null; doneDate: string | null }[]>();
  for (const m of milestones) {
    const list = milestonesOf.get(m.project_id) ?? [];
    list.push({ dueDate: m.due_date, doneDate: m.done_date });
    milestonesOf.set(m.project_id, list);
  }
  const investment = regionInvestment(
    projects.map((p) => ({ id: p.id, planYear: p.plan_year, yearPlan: p.year_plan })),
    yearSums,
    Number(year),
  );
  const behind: ProjectLaggard[] = [];
  for (const project of projects) {
    const plan = project.plan_year === Number(year) ? project.year_plan : null;
    const ytd = yearSums.get(project.id) ?? 0;
    const status = projectStatus(
      {
        stage: project.stage,
        milestones: milestonesOf.get(project.id) ?? [],
        yearPlan: plan,
        yearToDate: ytd,
        month,
      },
      day,
      rules,
    );
    byStage[project.stage]++;
    byStatus[status.status]++;
    if (status.status === 'delayed' || status.status === 'at_risk') behind.push({ project, status });
  }
  behind.sort(
    (a, b) =>
      Number(b.status.status === 'delayed') - Number(a.status.status === 'delayed') ||
      b.status.pace.lag - a.status.pace.lag,
  );

  return {
    month,
    elapsed: monthElapsed(month),
    indicators: { counts: countIndicators(judged.map((j) => j.result.status)), laggards: indicatorLaggards },
    projects: {
      count: projects.length,
      byStage,
      stageLabels: stageLabelsOf(region?.settings),
      byStatus,
      yearPlan: investment.yearPlan,
      yearToDate: investment.yearToDate,
      completion: investment.completion,
      conversion: conversion(
        moves.map((m) => ({ projectId: m.project_id, to: m.to_stage, movedOn: m.moved_on })),
        Number(year),
      ),
      laggards: behind.slice(0, LAGGARDS),
    },
  };
}
