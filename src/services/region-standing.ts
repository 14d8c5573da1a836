import {
  confirmedMeasurementsOfYear,
  doneMilestoneDatesHolding,
  doneMilestoneDateValues,
  openMilestoneDatesOfRegions,
  publishedPlansOfRegions,
  publishedTargetsOfRegions,
  standingTasksOf,
  taskNamesOf,
  unitNamesOfRegions,
  type StandingPlan,
  type StandingTask,
} from '../db/repositories/region-standing-repository.js';
import { reportDigestsOfPlans, type ReportDigest } from '../db/repositories/report-digest-repository.js';
import type { TargetRow, TaskRow } from '../db/schema.js';
import {
  indicatorStatus,
  indicatorTargetOf,
  type IndicatorResult,
  type IndicatorValue,
} from '../domain/indicators.js';
import { rollUp, type RollUp } from '../domain/rollup.js';
import { usableDate } from '../domain/task-status.js';
import {
  duePeriodOf,
  evaluateTasksByPlan,
  type MilestoneDate,
  type TaskEvaluation,
} from '../domain/task-evaluation.js';
import { db, type ServiceContext } from './context.js';

/** A task of a battle map with its status and progress as of the day it was judged on. */
export type JudgedTask = TaskEvaluation & { task: StandingTask; weight: number };

/** What a red list shows of a task. */
type RedListTask = Pick<TaskRow, 'id' | 'plan_id' | 'code' | 'title' | 'lead_unit_id' | 'due_date'>;

/** One line of a red list (红榜): a delayed task, most overdue first. */
export interface RedListLine {
  taskId: string;
  planId: string;
  code: string;
  title: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  dueDate: string | null;
  daysOverdue: number;
  progress: number;
}

/** The delayed tasks, most overdue first (ties in the order given). */
function overdueFirst<T extends TaskEvaluation>(items: readonly T[]): T[] {
  return items.filter((i) => i.status === 'delayed').sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** The delayed tasks, most overdue first, each with its lead unit's name. */
export function redListOf(
  items: readonly (TaskEvaluation & { task: RedListTask })[],
  units: ReadonlyMap<string, { name: string }>,
): RedListLine[] {
  return overdueFirst(items).map((i) => ({
    taskId: i.task.id,
    planId: i.task.plan_id,
    code: i.task.code,
    title: i.task.title,
    leadUnitId: i.task.lead_unit_id,
    leadUnitName: i.task.lead_unit_id ? (units.get(i.task.lead_unit_id)?.name ?? null) : null,
    dueDate: i.task.due_date,
    daysOverdue: i.daysOverdue,
    progress: i.progress,
  }));
}

/** A published indicator (指标) of a region, judged on the office's confirmed figures. */
export interface JudgedIndicator {
  target: TargetRow;
  result: IndicatorResult;
}

/**
 * What a parent region's roll-up reads of one region: its battle map's total and red list, as its viewer
 * sees them, and its judged indicators.
 */
export interface RegionStanding {
  total: RollUp;
  /** The head of its red list: a parent's red list is the head of its regions' heads, merged. */
  redList: RedListLine[];
  indicators: JudgedIndicator[];
}

/** Rows grouped by a key, each group in the rows' order. */
function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Each plan's report digests, read for the period it owes on `day`: one query per distinct owed period. */
async function digestsByPlan(
  ctx: ServiceContext,
  plans: readonly StandingPlan[],
  planOfTask: ReadonlyMap<string, string>,
  day: string,
): Promise<Map<string, ReportDigest[]>> {
  const byDuePeriod = groupBy(plans, (p) => duePeriodOf(p.cadence, day) ?? '');
  const reads = await Promise.all(
    [...byDuePeriod].map(([duePeriod, group]) =>
      reportDigestsOfPlans(
        db(ctx),
        [...new Set(group.map((p) => p.region_id))],
        group.map((p) => p.id),
        duePeriod === '' ? null : duePeriod,
      ),
    ),
  );
  return groupBy(reads.flat(), (d) => planOfTask.get(d.task_id) ?? '');
}

/**
 * The milestones the status reads: those not done yet, and a done one only when a date it holds is no
 * calendar day (it then reads as not done, or marks its task's dates invalid). The other done milestones,
 * most of them, change nothing and stay in the database: only the distinct dates they hold are read.
 */
async function milestonesOf(ctx: ServiceContext, regionIds: readonly string[]): Promise<MilestoneDate[]> {
  const [open, doneDates] = await Promise.all([
    openMilestoneDatesOfRegions(db(ctx), regionIds),
    doneMilestoneDateValues(db(ctx), regionIds),
  ]);
  const unusable = doneDates.filter((d) => usableDate(d) === null);
  if (unusable.length === 0) return open;
  return [...open, ...(await doneMilestoneDatesHolding(db(ctx), regionIds, unusable))];
}

/** A region's tasks judged as of `day`, each plan's with the digests of the period it owes. */
function judgedTasksOf(
  plans: readonly StandingPlan[],
  tasks: readonly StandingTask[],
  milestones: readonly MilestoneDate[],
  digests: ReadonlyMap<string, ReportDigest[]>,
  day: string,
): JudgedTask[] {
  const evaluations = evaluateTasksByPlan(
    milestones,
    plans.map((p) => ({
      planId: p.id,
      duePeriod: duePeriodOf(p.cadence, day),
      rows: digests.get(p.id) ?? [],
    })),
    tasks,
    new Map(plans.map((p) => [p.id, p])),
    day,
  );
  // In the battle map's order, so ties in the red list and the sums fall out the same.
  return tasks
    .filter((t) => evaluations.has(t.id))
    .map((t) => ({ task: t, weight: t.weight, ...evaluations.get(t.id)! }));
}

/** The targets judged at `month` on their confirmed figures of its year. */
function judgedIndicatorsOf(
  targets: readonly TargetRow[],
  valuesOf: ReadonlyMap<string, IndicatorValue[]>,
  month: string,
): JudgedIndicator[] {
  return targets.map((target) => ({
    target,
    result: indicatorStatus(indicatorTargetOf(target), valuesOf.get(target.id) ?? [], month),
  }));
}

/**
 * The standings of many regions as of `day`, read together: one query per kind over all of them (two for
 * the digests when plans owe different periods), grouped by region in memory, then judged region by region
 * exactly as each region's viewer reads its battle map (published plans only). Reads one report digest row
 * per task, not the report history, and only the confirmed figures of the year judged.
 */
export async function regionStandings(
  ctx: ServiceContext,
  regionIds: readonly string[],
  day: string,
  redListLength: number,
): Promise<Map<string, RegionStanding>> {
  const month = day.slice(0, 7);
  const plans = await publishedPlansOfRegions(db(ctx), regionIds);
  const planIds = plans.map((p) => p.id);
  const tasks = await standingTasksOf(db(ctx), regionIds, planIds);
  const planOfTask = new Map(tasks.map((t) => [t.id, t.plan_id]));
  const [milestones, units, digests, targets, measurements] = await Promise.all([
    milestonesOf(ctx, regionIds),
    unitNamesOfRegions(db(ctx), regionIds),
    digestsByPlan(ctx, plans, planOfTask, day),
    publishedTargetsOfRegions(db(ctx), regionIds),
    confirmedMeasurementsOfYear(db(ctx), regionIds, Number(day.slice(0, 4))),
  ]);
  const regionOfPlan = new Map(plans.map((p) => [p.id, p.region_id]));
  const regionOfTask = (taskId: string) => regionOfPlan.get(planOfTask.get(taskId) ?? '') ?? '';
  const plansOf = groupBy(plans, (p) => p.region_id);
  const tasksOf = groupBy(tasks, (t) => regionOfPlan.get(t.plan_id)!);
  // A milestone of a task of no published plan has no region here: its task is not judged.
  const milestonesByRegion = groupBy(milestones, (m) => regionOfTask(m.task_id));
  const unitsOf = groupBy(units, (u) => u.region_id);
  const targetsOf = groupBy(targets, (t) => t.region_id);
  const valuesOf = groupBy(measurements, (m) => m.target_id);
  const judged = regionIds.map((regionId) => {
    const items = judgedTasksOf(
      plansOf.get(regionId) ?? [],
      tasksOf.get(regionId) ?? [],
      milestonesByRegion.get(regionId) ?? [],
      digests,
      day,
    );
    return { regionId, items, head: overdueFirst(items).slice(0, redListLength) };
  });
  // Only the red lists' heads show a task's code and title: read for those few, not for every task below.
  const names = new Map(
    (
      await taskNamesOf(
        db(ctx),
        regionIds,
        judged.flatMap((j) => j.head.map((i) => i.task.id)),
      )
    ).map((n) => [n.id, n]),
  );
  return new Map(
    judged.map(({ regionId, items, head }) => {
      const unitNames = new Map((unitsOf.get(regionId) ?? []).map((u) => [u.id, u]));
      const named = head.map((i) => ({ ...i, task: { ...i.task, ...names.get(i.task.id)! } }));
      const standing: RegionStanding = {
        total: rollUp(items),
        redList: redListOf(named, unitNames),
        indicators: judgedIndicatorsOf(targetsOf.get(regionId) ?? [], valuesOf, month),
      };
      return [regionId, standing];
    }),
  );
}
