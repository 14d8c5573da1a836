import type { Kysely } from 'kysely';
import type { Database, TaskRow } from '../db/schema.js';
import type { PlanSummaryRow } from '../db/repositories/plan-repository.js';
import { milestoneDatesOf, type TaskScope } from '../db/repositories/task-repository.js';
import { reportFactsOf, type ReportFact } from '../db/repositories/report-repository.js';
import { computeTaskStatus, type StatusReason, type TaskStatus } from '../domain/task-status.js';

/** What the battle map knows of a task beyond its row: all computed, never stored. */
export interface TaskEvaluation {
  status: TaskStatus;
  reasons: StatusReason[];
  progress: number;
  timeElapsed: number;
  daysOverdue: number;
  lastReportedPeriod: string | null;
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

export interface EvaluationInputs {
  milestonesByTask: Map<string, { dueDate: string; doneDate: string | null }[]>;
  facts: ReportFact[];
}

/** Milestone dates and office-received reports of a plan or a region: two queries, however many tasks. */
export async function loadEvaluationInputs(
  db: Kysely<Database>,
  scope: TaskScope,
): Promise<EvaluationInputs> {
  const [milestones, facts] = await Promise.all([milestoneDatesOf(db, scope), reportFactsOf(db, scope)]);
  const milestonesByTask = new Map<string, { dueDate: string; doneDate: string | null }[]>();
  for (const m of milestones) {
    const list = milestonesByTask.get(m.task_id) ?? [];
    list.push({ dueDate: m.due_date, doneDate: m.done_date });
    milestonesByTask.set(m.task_id, list);
  }
  return { milestonesByTask, facts };
}

/**
 * Evaluates tasks as of `today`. With `asOfPast` the reports written after that day and milestones done
 * after it are ignored, which is how the trend shows what the battle map looked like at each month's end.
 */
export function evaluateWith(
  inputs: EvaluationInputs,
  tasks: readonly TaskRow[],
  plans: ReadonlyMap<string, PlanSummaryRow>,
  today: string,
  asOfPast = false,
): Map<string, TaskEvaluation> {
  const facts = asOfPast ? inputs.facts.filter((f) => f.updated_at.slice(0, 10) <= today) : inputs.facts;
  const reports = summarizeReports(facts);
  const result = new Map<string, TaskEvaluation>();
  for (const task of tasks) {
    if (asOfPast && task.created_at.slice(0, 10) > today) continue;
    const plan = plans.get(task.plan_id);
    const summary = reports.get(task.id);
    const progress = summary?.acceptedProgress ?? summary?.submittedProgress ?? 0;
    let milestones = inputs.milestonesByTask.get(task.id) ?? [];
    if (asOfPast)
      milestones = milestones.map((m) => (m.doneDate && m.doneDate > today ? { ...m, doneDate: null } : m));
    const evaluation = computeTaskStatus(
      {
        startDate: task.start_date ?? plan?.period_start ?? task.created_at.slice(0, 10),
        dueDate: task.due_date,
        completed: summary?.completed ?? false,
        progress,
        milestones,
        cadence: plan?.cadence ?? 'monthly',
        reportedPeriods: summary?.periods ?? [],
        planEndDate: plan?.period_end ?? null,
      },
      today,
    );
    const periods = summary?.periods ?? [];
    result.set(task.id, {
      ...evaluation,
      progress: evaluation.status === 'done' ? 100 : progress,
      lastReportedPeriod: periods.length > 0 ? periods.reduce((a, b) => (a > b ? a : b)) : null,
    });
  }
  return result;
}

export async function evaluateTasks(
  db: Kysely<Database>,
  scope: TaskScope,
  tasks: readonly TaskRow[],
  plans: ReadonlyMap<string, PlanSummaryRow>,
  today: string,
): Promise<Map<string, TaskEvaluation>> {
  return evaluateWith(await loadEvaluationInputs(db, scope), tasks, plans, today);
}
