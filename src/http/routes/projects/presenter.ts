import { presentAttachment } from '../attachments/presenter.js';
import type {
  ProjectDetail,
  ProjectFigures,
  ProjectListItem,
  ProjectMilestoneRow,
  ProjectProblemRow,
  ProjectReportRow,
  ProjectRow,
} from '../../../services/project-service.js';
import type { z } from 'zod';
import type { ProjectOut, ProjectSummarySchema } from './schema.js';

type Summary = z.infer<typeof ProjectSummarySchema>;

function presentFigures(f: ProjectFigures): ProjectOut['figures'] {
  return {
    yearPlan: f.yearPlan,
    yearToDate: f.yearToDate,
    sinceStart: f.sinceStart,
    totalShare: f.totalShare,
    completion: f.status.pace.completion,
    elapsed: f.status.pace.elapsed,
    lag: f.status.pace.lag,
    status: f.status.status,
    reasons: f.status.reasons,
  };
}

function summaryOf(p: ProjectRow, figures: ProjectFigures): Summary {
  return {
    id: p.id,
    name: p.name,
    parentId: p.parent_id,
    stage: p.stage,
    nature: p.nature,
    level: p.level,
    category: p.category,
    industry: p.industry,
    town: p.town,
    leadUnitId: p.lead_unit_id,
    totalInvestment: p.total_investment,
    version: p.version,
    figures: presentFigures(figures),
  };
}

export function presentListItem(item: ProjectListItem): Summary {
  return summaryOf(item.project, item.figures);
}

export function presentMilestone(m: ProjectMilestoneRow): ProjectOut['milestones'][number] {
  return { id: m.id, name: m.name, dueDate: m.due_date, doneDate: m.done_date, version: m.version };
}

export function presentReport(r: ProjectReportRow): ProjectOut['reports'][number] {
  return {
    id: r.id,
    month: r.month,
    investment: r.investment,
    progress: r.progress,
    nextPlan: r.next_plan,
    coordination: r.coordination,
    status: r.status,
  };
}

export function presentProblem(p: ProjectProblemRow): ProjectOut['problems'][number] {
  return {
    id: p.id,
    reportId: p.report_id,
    text: p.text,
    owner: p.owner,
    deadline: p.deadline,
    resolution: p.resolution,
    resolvedOn: p.resolved_on,
    version: p.version,
  };
}

export function presentProject(d: ProjectDetail): ProjectOut {
  const p = d.project;
  return {
    ...summaryOf(p, d.figures),
    park: p.park,
    location: p.location,
    content: p.content,
    capacity: p.capacity,
    startYear: p.start_year,
    endYear: p.end_year,
    plannedStart: p.planned_start,
    actualStart: p.actual_start,
    plannedEnd: p.planned_end,
    actualEnd: p.actual_end,
    funding: p.funding,
    planYear: p.plan_year,
    yearPlan: p.year_plan,
    yearGoal: p.year_goal,
    inStatistics: p.in_statistics === 1,
    leader: p.leader,
    leadContact: p.lead_contact,
    ownerCompany: p.owner_company,
    ownerContact: p.owner_contact,
    investedBefore: p.invested_before,
    month: d.month,
    moves: d.moves.map((m) => ({
      from: m.from_stage,
      to: m.to_stage,
      movedOn: m.moved_on,
      reason: m.reason,
    })),
    milestones: d.milestones.map(presentMilestone),
    reports: d.reports.map(presentReport),
    photos: d.photos.map((p) => ({ ...presentAttachment(p), reportId: p.owner_id })),
    problems: d.problems.map(presentProblem),
    reporting: d.reporting,
    stageLabels: { ...d.stageLabels },
    can: d.can,
  };
}
