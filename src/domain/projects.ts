// Key projects (重点项目): stages, milestones, investment against 序时, colour and the year's conversion.
// Pure: the services feed it rows, the bulletin and the battle map read its answers.

import { daysBetween, isDateString } from './calendar.js';
import type { TaskStatus } from './task-status.js';
import { settingsObject } from './settings-json.js';

/** The pipeline, in order: 谋划 → 储备 → 签约 → 开工 → 投产. */
export type ProjectStage = 'planning' | 'reserve' | 'signed' | 'started' | 'operating';
export const PROJECT_STAGES: readonly ProjectStage[] = [
  'planning',
  'reserve',
  'signed',
  'started',
  'operating',
];
export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, { zh: string; en: string }>> = {
  planning: { zh: '谋划', en: 'Planning' },
  reserve: { zh: '储备', en: 'Reserve' },
  signed: { zh: '签约', en: 'Signed' },
  started: { zh: '开工', en: 'Under construction' },
  operating: { zh: '投产', en: 'In operation' },
};

export type ProjectNature = 'new' | 'continued' | 'preparatory';
export const PROJECT_NATURES: readonly ProjectNature[] = ['new', 'continued', 'preparatory'];
export type ProjectLevel = 'province' | 'city' | 'district';
export const PROJECT_LEVELS: readonly ProjectLevel[] = ['province', 'city', 'district'];

/** The default roadmap of a project: 立项 → 用地 → 规划许可 → 施工许可 → 开工 → 主体封顶 → 竣工 → 投产. */
export const DEFAULT_PROJECT_MILESTONES: readonly string[] = [
  '立项',
  '用地',
  '规划许可',
  '施工许可',
  '开工',
  '主体封顶',
  '竣工',
  '投产',
];

export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

/** A move against the pipeline (签约 back to 储备) needs its reason written down; forward or sideways does not. */
export function stageMoveNeedsReason(from: ProjectStage, to: ProjectStage): boolean {
  return stageIndex(to) < stageIndex(from);
}

export interface ProjectRules {
  /** Investment behind 序时 by at least this many points makes a project yellow. */
  yellowLag: number;
  /** … and by at least this many, red. */
  redLag: number;
  /** An undone milestone due within this many days makes it yellow, as a task's does. */
  milestoneWarningDays: number;
}

export const DEFAULT_PROJECT_RULES: ProjectRules = { yellowLag: 10, redLag: 20, milestoneWarningDays: 7 };

function points(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : fallback;
}

/** The region's project rules from its settings JSON ({"projectYellowLag": 10, "projectRedLag": 20}). */
export function projectRulesOf(settings: string | null | undefined): ProjectRules {
  const s = settingsObject(settings);
  const yellowLag = points(s.projectYellowLag, DEFAULT_PROJECT_RULES.yellowLag);
  const redLag = Math.max(yellowLag, points(s.projectRedLag, DEFAULT_PROJECT_RULES.redLag));
  return { ...DEFAULT_PROJECT_RULES, yellowLag, redLag };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** 序时进度 of a month key ('2026-03' → 25.0). */
export function monthElapsed(month: string): number {
  const m = Number(month.slice(5, 7));
  return round1((m / 12) * 100);
}

export interface InvestmentPace {
  /** This year's investment so far, 万元. */
  yearToDate: number;
  /** Share of the year's plan, percent, one decimal; null when there is no plan this year. */
  completion: number | null;
  elapsed: number;
  /** 序时 − completion in points when behind, else 0. */
  lag: number;
}

/**
 * This year's investment against the year's plan and 序时. A project without a plan this year (none
 * set, or zero) has nothing to lag: its completion is null and its lag 0.
 */
export function investmentPace(yearPlan: number | null, yearToDate: number, month: string): InvestmentPace {
  const elapsed = monthElapsed(month);
  if (yearPlan === null || yearPlan <= 0) return { yearToDate, completion: null, elapsed, lag: 0 };
  const completion = round1((yearToDate / yearPlan) * 100);
  return { yearToDate, completion, elapsed, lag: Math.max(0, round1(elapsed - completion)) };
}

export type ProjectStatusReason =
  'operating' | 'milestone_overdue' | 'investment_far_behind' | 'investment_behind' | 'milestone_due_soon';

export interface ProjectStatusInput {
  stage: ProjectStage;
  milestones: readonly { dueDate: string | null; doneDate: string | null }[];
  yearPlan: number | null;
  yearToDate: number;
  /** The month judged, 'YYYY-MM'. */
  month: string;
}

export interface ProjectStatusResult {
  status: TaskStatus;
  reasons: ProjectStatusReason[];
  pace: InvestmentPace;
}

/**
 * A project's colour, as a task's: done once in operation; red (delayed) when a milestone is overdue or
 * investment lags 序时 by the red points; yellow (at_risk) when it lags by the yellow points or a milestone
 * falls due within the warning days; not_started while still planned or in reserve; green otherwise.
 */
export function projectStatus(
  input: ProjectStatusInput,
  today: string,
  rules: ProjectRules = DEFAULT_PROJECT_RULES,
): ProjectStatusResult {
  const pace = investmentPace(input.yearPlan, input.yearToDate, input.month);
  if (input.stage === 'operating') return { status: 'done', reasons: ['operating'], pace };
  const reasons: ProjectStatusReason[] = [];
  let overdue = false;
  let dueSoon = false;
  for (const m of input.milestones) {
    if (!isDateString(m.dueDate) || isDateString(m.doneDate)) continue;
    const daysLeft = daysBetween(today, m.dueDate);
    if (daysLeft < 0) overdue = true;
    else if (daysLeft <= rules.milestoneWarningDays) dueSoon = true;
  }
  if (overdue) reasons.push('milestone_overdue');
  if (pace.completion !== null && pace.lag >= rules.redLag) reasons.push('investment_far_behind');
  else if (pace.completion !== null && pace.lag >= rules.yellowLag) reasons.push('investment_behind');
  if (dueSoon) reasons.push('milestone_due_soon');
  const red = overdue || reasons.includes('investment_far_behind');
  const status: TaskStatus = red
    ? 'delayed'
    : reasons.length > 0
      ? 'at_risk'
      : stageIndex(input.stage) < stageIndex('signed')
        ? 'not_started'
        : 'on_track';
  return { status, reasons, pace };
}

export interface StageMove {
  projectId: string;
  to: ProjectStage;
  /** 'YYYY-MM-DD'. */
  movedOn: string;
}

export interface Conversion {
  /** Projects that moved into each stage during the year (新储备 / 新签约 / 新开工 / 新投产). */
  newReserve: number;
  newSigned: number;
  newStarted: number;
  newOperating: number;
  /** Of the projects signed this year, the share started by now; of those started this year, the share in operation. */
  signedToStarted: number | null;
  startedToOperating: number | null;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round1((part / whole) * 100);
}

/** The year's conversion figures (签约 → 开工 → 投产) from the stage moves. */
export function conversion(moves: readonly StageMove[], year: number): Conversion {
  const reached = new Map<ProjectStage, Set<string>>();
  const reachedThisYear = new Map<ProjectStage, Set<string>>();
  for (const stage of PROJECT_STAGES) {
    reached.set(stage, new Set());
    reachedThisYear.set(stage, new Set());
  }
  for (const m of moves) {
    reached.get(m.to)!.add(m.projectId);
    if (Number(m.movedOn.slice(0, 4)) === year) reachedThisYear.get(m.to)!.add(m.projectId);
  }
  const signed = [...reachedThisYear.get('signed')!];
  const started = [...reachedThisYear.get('started')!];
  return {
    newReserve: reachedThisYear.get('reserve')!.size,
    newSigned: signed.length,
    newStarted: started.length,
    newOperating: reachedThisYear.get('operating')!.size,
    signedToStarted: share(signed.filter((id) => reached.get('started')!.has(id)).length, signed.length),
    startedToOperating: share(
      started.filter((id) => reached.get('operating')!.has(id)).length,
      started.length,
    ),
  };
}

export interface PlannedProject {
  id: string;
  /** The year `yearPlan` is for; a plan of another year is no plan for this one. */
  planYear: number | null;
  yearPlan: number | null;
}

export interface RegionInvestment {
  /** The year's planned investment over the projects that have a plan this year, 万元. */
  yearPlan: number;
  /** What those projects invested this year, 万元: the numerator of completion. */
  againstPlan: number;
  /** What every project invested this year, planned or not, 万元. */
  yearToDate: number;
  /** againstPlan / yearPlan in percent, one decimal; null without any plan. */
  completion: number | null;
}

/** A region's investment this year: only projects with a plan for the year weigh in completion. */
export function regionInvestment(
  projects: readonly PlannedProject[],
  yearToDateOf: ReadonlyMap<string, number>,
  year: number,
): RegionInvestment {
  let yearPlan = 0;
  let againstPlan = 0;
  let yearToDate = 0;
  for (const p of projects) {
    const invested = yearToDateOf.get(p.id) ?? 0;
    yearToDate += invested;
    if (p.planYear !== year || p.yearPlan === null || p.yearPlan <= 0) continue;
    yearPlan += p.yearPlan;
    againstPlan += invested;
  }
  return {
    yearPlan,
    againstPlan,
    yearToDate,
    completion: yearPlan > 0 ? round1((againstPlan / yearPlan) * 100) : null,
  };
}

/** The year's plan counts only in its own year: a project with no plan this year has none to lag. */
export function yearPlanIn(
  project: { plan_year: number; year_plan: number | null },
  month: string,
): number | null {
  return project.plan_year === Number(month.slice(0, 4)) ? project.year_plan : null;
}
