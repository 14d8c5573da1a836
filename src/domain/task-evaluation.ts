// Status of many tasks at once, from their milestones and the reports that reached the office.
import { publishedOn } from './period-lock.js';
import { lastDuePeriod, type Cadence } from './periods.js';
import {
  DEFAULT_STATUS_RULES,
  computeTaskStatus,
  usableDate,
  withDateInvalid,
  type StatusReason,
  type TaskStatus,
} from './task-status.js';

/** What the battle map knows of a task beyond its row: all computed, never stored. */
export interface TaskEvaluation {
  status: TaskStatus;
  reasons: StatusReason[];
  progress: number;
  timeElapsed: number;
  daysOverdue: number;
  lastReportedPeriod: string | null;
}

/** The fields of a task the status reads. */
export interface EvaluatedTask {
  id: string;
  plan_id: string;
  start_date: string | null;
  due_date: string | null;
  created_at: string;
}

export interface PlanCalendar {
  period_start: string;
  period_end: string;
  cadence: 'monthly' | 'quarterly';
  /** When the plan was published; a task counts nothing before it (or before its own creation, if later). */
  published_at?: string | null;
}

export interface MilestoneDate {
  task_id: string;
  due_date: string;
  done_date: string | null;
}

/** A report that reached the office (submitted or accepted). */
export interface ReportFact {
  task_id: string;
  period: string;
  status: string;
  progress: number;
  claims_completion: number;
  updated_at: string;
}

/**
 * What the status reads of one task's reports, summarised by the database so a ledger reads one row per
 * task instead of its whole history. Stands in for the task's facts when evaluating as of today.
 */
export interface ReportDigest {
  task_id: string;
  /** The latest period with a report that reached the office. */
  last_period: string | null;
  /** Progress of the latest accepted report, and of the latest submitted one. */
  accepted_progress: number | null;
  submitted_progress: number | null;
  /** Whether an accepted report claims completion. */
  completed: boolean;
  /** Whether the period owed now (see duePeriodOf) has a report that reached the office. */
  due_reported: boolean;
}

export interface EvaluationInputs {
  milestones: readonly MilestoneDate[];
  facts: readonly ReportFact[];
  /**
   * When given (with the period they were read for), used instead of `facts`: read for the day evaluated,
   * which for an evaluation as of a past day means counting only the reports changed by its end.
   */
  digests?: { rows: readonly ReportDigest[]; duePeriod: string | null };
}

/** The period whose report is owed on `today` under the default rules: what a digest is read for. */
export function duePeriodOf(cadence: Cadence, today: string): string | null {
  return lastDuePeriod(cadence, today, DEFAULT_STATUS_RULES.reportGraceDays);
}

function summarizeDigests(digests: NonNullable<EvaluationInputs['digests']>): Map<string, ReportSummary> {
  const byTask = new Map<string, ReportSummary>();
  for (const d of digests.rows) {
    // The status reads only whether any period is reported and whether the one owed now is.
    const periods = [
      ...(d.last_period !== null ? [d.last_period] : []),
      ...(d.due_reported && digests.duePeriod !== null ? [digests.duePeriod] : []),
    ];
    if (periods.length === 0 && d.accepted_progress === null && d.submitted_progress === null) continue;
    byTask.set(d.task_id, {
      periods,
      completed: d.completed,
      acceptedProgress: d.accepted_progress,
      acceptedAt: '',
      submittedProgress: d.submitted_progress,
      submittedAt: '',
    });
  }
  return byTask;
}

interface ReportSummary {
  periods: string[];
  completed: boolean;
  acceptedProgress: number | null;
  acceptedAt: string;
  submittedProgress: number | null;
  submittedAt: string;
}

function summarizeReports(facts: readonly ReportFact[]): Map<string, ReportSummary> {
  const byTask = new Map<string, ReportSummary>();
  for (const f of facts) {
    let s = byTask.get(f.task_id);
    if (!s) {
      s = {
        periods: [],
        completed: false,
        acceptedProgress: null,
        acceptedAt: '',
        submittedProgress: null,
        submittedAt: '',
      };
      byTask.set(f.task_id, s);
    }
    s.periods.push(f.period);
    if (f.status === 'accepted') {
      if (f.claims_completion) s.completed = true;
      if (f.updated_at >= s.acceptedAt) {
        s.acceptedAt = f.updated_at;
        s.acceptedProgress = f.progress;
      }
    } else if (f.updated_at >= s.submittedAt) {
      s.submittedAt = f.updated_at;
      s.submittedProgress = f.progress;
    }
  }
  return byTask;
}

function milestonesByTask(
  milestones: readonly MilestoneDate[],
): Map<string, { dueDate: string; doneDate: string | null }[]> {
  const byTask = new Map<string, { dueDate: string; doneDate: string | null }[]>();
  for (const m of milestones) {
    const list = byTask.get(m.task_id) ?? [];
    list.push({ dueDate: m.due_date, doneDate: m.done_date });
    byTask.set(m.task_id, list);
  }
  return byTask;
}

/**
 * Evaluates tasks as of `today`. With `asOfPast` the reports written after that day and milestones done
 * after it are ignored, which is how the trend shows what the battle map looked like at each month's end.
 */
export function evaluateTasks(
  inputs: EvaluationInputs,
  tasks: readonly EvaluatedTask[],
  plans: ReadonlyMap<string, PlanCalendar>,
  today: string,
  asOfPast = false,
): Map<string, TaskEvaluation> {
  const reports = inputs.digests
    ? summarizeDigests(inputs.digests)
    : summarizeReports(
        asOfPast ? inputs.facts.filter((f) => f.updated_at.slice(0, 10) <= today) : inputs.facts,
      );
  const milestoneMap = milestonesByTask(inputs.milestones);
  const result = new Map<string, TaskEvaluation>();
  for (const task of tasks) {
    if (asOfPast && task.created_at.slice(0, 10) > today) continue;
    const plan = plans.get(task.plan_id);
    const summary = reports.get(task.id);
    const progress = summary?.acceptedProgress ?? summary?.submittedProgress ?? 0;
    let milestones = milestoneMap.get(task.id) ?? [];
    if (asOfPast)
      milestones = milestones.map((m) => (m.doneDate && m.doneDate > today ? { ...m, doneDate: null } : m));
    // A start the row holds but no calendar has is read as absent, as if the task had none: the plan's start.
    const ownStart = usableDate(task.start_date);
    const computed = computeTaskStatus(
      {
        startDate: ownStart ?? plan?.period_start ?? task.created_at.slice(0, 10),
        dueDate: task.due_date,
        completed: summary?.completed ?? false,
        progress,
        milestones,
        cadence: plan?.cadence ?? 'monthly',
        reportedPeriods: summary?.periods ?? [],
        planEndDate: plan?.period_end ?? null,
        publishedDate: publishedOn(plan?.published_at ?? null, task.created_at),
      },
      today,
    );
    const evaluation = ownStart === null && task.start_date !== null ? withDateInvalid(computed) : computed;
    const periods = summary?.periods ?? [];
    result.set(task.id, {
      ...evaluation,
      progress: evaluation.status === 'done' ? 100 : progress,
      lastReportedPeriod: periods.length > 0 ? periods.reduce((a, b) => (a > b ? a : b)) : null,
    });
  }
  return result;
}

/** One plan's report digests, read for the period its cadence owes on the day evaluated (see duePeriodOf). */
export interface PlanDigests {
  planId: string;
  duePeriod: string | null;
  rows: readonly ReportDigest[];
}

/**
 * Tasks of several plans evaluated from their plans' digests, each plan's with its own owed period (a
 * digest answers for one period, and plans of different cadences owe different ones). A task whose plan
 * has no digests here is left out.
 */
export function evaluateTasksByPlan(
  milestones: readonly MilestoneDate[],
  digests: readonly PlanDigests[],
  tasks: readonly EvaluatedTask[],
  plans: ReadonlyMap<string, PlanCalendar>,
  today: string,
  asOfPast = false,
): Map<string, TaskEvaluation> {
  const tasksOf = new Map<string, EvaluatedTask[]>();
  for (const t of tasks) {
    const list = tasksOf.get(t.plan_id);
    if (list) list.push(t);
    else tasksOf.set(t.plan_id, [t]);
  }
  const result = new Map<string, TaskEvaluation>();
  for (const { planId, duePeriod, rows } of digests) {
    const inputs = { milestones, facts: [], digests: { rows, duePeriod } };
    for (const [id, e] of evaluateTasks(inputs, tasksOf.get(planId) ?? [], plans, today, asOfPast))
      result.set(id, e);
  }
  return result;
}
