import { listPlans } from '../db/repositories/plan-repository.js';
import { milestoneDatesOf } from '../db/repositories/milestone-repository.js';
import { listTasks } from '../db/repositories/task-repository.js';
import { unitsById } from '../db/repositories/unit-repository.js';
import type { TaskRow, UnitRow } from '../db/schema.js';
import { rollUp, type RollUp } from '../domain/rollup.js';
import { evaluateTasksByPlan, type TaskEvaluation } from '../domain/task-evaluation.js';
import { db, type ServiceContext } from './context.js';
import { digestsOfPlans } from './plan-digests.js';

/** A task of a battle map with its status and progress as of the day it was judged on. */
export type JudgedTask = TaskEvaluation & { task: TaskRow; weight: number };

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

/** The delayed tasks, most overdue first, each with its lead unit's name. */
export function redListOf(items: readonly JudgedTask[], units: ReadonlyMap<string, UnitRow>): RedListLine[] {
  return items
    .filter((i) => i.status === 'delayed')
    .sort((a, b) => b.daysOverdue - a.daysOverdue)
    .map((i) => ({
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

/** What a parent region's roll-up reads of one region: its battle map's total and red list, as its viewer sees them. */
export interface RegionStanding {
  total: RollUp;
  redList: RedListLine[];
}

/**
 * A region's published tasks judged as of `day`, as the region's viewer reads its battle map, without the
 * rest of the battle map (areas, units, the trend over past months). Reads one report digest row per task,
 * per plan (as the ledger does), not the report history: its cost follows the tasks, not the months.
 */
export async function regionStanding(
  ctx: ServiceContext,
  regionId: string,
  day: string,
): Promise<RegionStanding> {
  const plans = await listPlans(db(ctx), regionId, false);
  const [tasks, milestones, units, digests] = await Promise.all([
    listTasks(db(ctx), { regionId }),
    milestoneDatesOf(db(ctx), { regionId }),
    unitsById(db(ctx), regionId),
    digestsOfPlans(ctx, regionId, plans, day),
  ]);
  const evaluations = evaluateTasksByPlan(
    milestones,
    digests,
    tasks,
    new Map(plans.map((p) => [p.id, p])),
    day,
  );
  // In the battle map's order, so ties in the red list and the sums fall out the same.
  const items: JudgedTask[] = tasks
    .filter((t) => evaluations.has(t.id))
    .map((t) => ({ task: t, weight: t.weight, ...evaluations.get(t.id)! }));
  return { total: rollUp(items), redList: redListOf(items, units) };
}
