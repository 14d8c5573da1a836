import { listAreasOfPlans } from '../db/repositories/area-repository.js';
import { chainHeadsOf, changesSince, type ChainHeads } from '../db/repositories/audit-repository.js';
import { milestoneDatesOf, type MilestoneDates } from '../db/repositories/milestone-repository.js';
import { listPlans, type PlanSummaryRow } from '../db/repositories/plan-repository.js';
import { getRegion } from '../db/repositories/region-repository.js';
import { reportDigestsOf } from '../db/repositories/report-digest-repository.js';
import { coUnitsOf, listTasks, tasksOfRegion } from '../db/repositories/task-repository.js';
import { unitsById } from '../db/repositories/unit-repository.js';
import type { AreaRow, RegionRow, TaskRow, UnitRow } from '../db/schema.js';
import { trendMonthEnds } from '../domain/battle-map.js';
import { countStatuses } from '../domain/rollup.js';
import type { TaskStatus } from '../domain/task-status.js';
import { MAX_KEPT_CHANGES, scopeOfChanges } from '../domain/region-changes.js';
import {
  duePeriodOf,
  evaluateTasksByPlan,
  type PlanDigests,
  type TaskEvaluation,
} from '../domain/task-evaluation.js';
import { db, perContext, today, type ServiceContext } from './context.js';
import { digestsOverDays } from './plan-digests.js';
import { viewOf, type TaskView } from './task-view.js';

/**
 * What a region's battle map and its plans' ledgers are computed from, as of a place in the region's audit
 * chain and a day: its published plans, their tasks with today's status, and (once a battle map asked) the
 * status at each month end of the trend. Kept in memory and brought up to date by re-reading only the tasks
 * the writes since have named, so a page after a write costs what the write changed, not the region.
 * Read-only for its users: a newer one replaces it, it is never changed in place.
 */
export interface KeptRegion {
  regionId: string;
  day: string;
  heads: ChainHeads;
  region: RegionRow | undefined;
  /** Published, newest first (as listPlans orders them). */
  plans: readonly PlanSummaryRow[];
  planById: ReadonlyMap<string, PlanSummaryRow>;
  areas: readonly AreaRow[];
  units: ReadonlyMap<string, UnitRow>;
  /** The published plans' tasks, by plan and place, each with today's evaluation. */
  tasks: readonly TaskView[];
  /** Each task's place in `tasks`: a catch-up never moves a task (a move builds everything again). */
  taskIndex: ReadonlyMap<string, number>;
  milestones: readonly MilestoneDates[];
  /** `milestones` by task, made on the first catch-up that needs it and kept while they stay the same. */
  milestonesByTask?: ReadonlyMap<string, readonly MilestoneDates[]>;
  trend?: KeptTrend;
}

export interface KeptTrend {
  ends: readonly { month: string; date: string }[];
  /**
   * `statuses[i]`: each task's status as the day `ends[i].date` ended. The status alone, not the whole
   * evaluation: twelve month ends of every kept region's tasks stay in memory.
   */
  statuses: readonly ReadonlyMap<string, TaskStatus>[];
  /** `counts[i]`: how many tasks were in each status as that day ended, kept with the statuses. */
  counts: readonly Readonly<Record<TaskStatus, number>>[];
}

/** Whether a unit takes part in a task (leads it or co-operates): what a unit's staff see of a region. */
export function involves(task: TaskView, unitId: string): boolean {
  return task.lead_unit_id === unitId || task.coUnitIds.includes(unitId);
}

/** Enough for a province's districts on one server; the least recently read goes first. */
const MAX_KEPT_REGIONS = 200;
const keptOf = perContext(() => new Map<string, KeptRegion>());

/**
 * The region's inputs as they stand now (with the trend when asked): either what is kept, the tasks the writes
 * since have named read again, or — on a new day, after a write to a plan, area, unit or the region, or the
 * first time — everything. `version`, the region's data version read for this request after it arrived, spares
 * any read when what is kept already stands at or past it.
 */
export async function keptRegion(
  ctx: ServiceContext,
  regionId: string,
  options: { trend: boolean; version?: number },
): Promise<KeptRegion> {
  const day = today(ctx);
  const memo = keptOf(ctx);
  const found = memo.get(regionId);
  let kept: KeptRegion | undefined;
  if (found && found.day === day)
    kept = isAtLeast(found.heads, options.version) ? found : await caughtUp(ctx, found);
  kept ??= await built(ctx, regionId, day, await chainHeadsOf(db(ctx), regionId));
  if (options.trend && !kept.trend) kept = { ...kept, trend: await trendOf(ctx, kept) };
  keep(memo, kept);
  return kept;
}

/**
 * Whether inputs kept at `heads` hold everything a data version of `version` holds. Both parts of `heads` were
 * read at one moment, and both chains only grow: when their sum reaches the version, that moment was not before
 * the version's, so neither part is behind it.
 */
function isAtLeast(heads: ChainHeads, version: number | undefined): boolean {
  return version !== undefined && heads.region + heads.installation >= version;
}

function keep(memo: Map<string, KeptRegion>, kept: KeptRegion): void {
  const current = memo.get(kept.regionId);
  // Two reads at once may finish out of order: the one that saw more of the chain stays, and of two that saw
  // as much, the one that has the trend (a ledger's read must not drop what a battle map's just built).
  if (current && current.day === kept.day) {
    if (current.heads.region > kept.heads.region) return;
    if (current.heads.region === kept.heads.region && current.trend && !kept.trend) return;
  }
  memo.delete(kept.regionId);
  if (memo.size >= MAX_KEPT_REGIONS) memo.delete(memo.keys().next().value!);
  memo.set(kept.regionId, kept);
}

async function built(
  ctx: ServiceContext,
  regionId: string,
  day: string,
  heads: ChainHeads,
): Promise<KeptRegion> {
  const plans = await listPlans(db(ctx), regionId, false);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const [rows, areas, units, milestones, region, digests] = await Promise.all([
    listTasks(db(ctx), { regionId }),
    listAreasOfPlans(
      db(ctx),
      regionId,
      plans.map((p) => p.id),
    ),
    unitsById(db(ctx), regionId),
    milestoneDatesOf(db(ctx), { regionId }),
    getRegion(db(ctx), regionId),
    Promise.all(plans.map((p) => planDigestsOf(ctx, regionId, p, day))),
  ]);
  const tasks = rows.filter((t) => planById.has(t.plan_id));
  const coUnits = await coUnitsOf(
    db(ctx),
    tasks.map((t) => t.id),
    regionId,
  );
  const evaluations = evaluateTasksByPlan(milestones, digests, tasks, planById, day);
  return {
    regionId,
    day,
    heads,
    region,
    plans,
    planById,
    areas,
    units,
    tasks: tasks.map((t) => viewOf(t, coUnits.get(t.id) ?? [], evaluations.get(t.id)!)),
    taskIndex: new Map(tasks.map((t, i) => [t.id, i])),
    milestones,
  };
}

async function planDigestsOf(
  ctx: ServiceContext,
  regionId: string,
  plan: PlanSummaryRow,
  day: string,
  taskIds?: readonly string[],
): Promise<PlanDigests> {
  const duePeriod = duePeriodOf(plan.cadence, day);
  const rows = await reportDigestsOf(db(ctx), regionId, plan.id, duePeriod, undefined, taskIds);
  return { planId: plan.id, duePeriod, rows };
}

async function trendOf(ctx: ServiceContext, kept: KeptRegion): Promise<KeptTrend> {
  const ends = trendMonthEnds(kept.day);
  const { past } = await digestsOverDays(
    ctx,
    kept.regionId,
    kept.plans,
    ends.map((e) => e.date),
    kept.day,
  );
  const statuses = ends.map(({ date }, i) =>
    statusesOf(evaluateTasksByPlan(kept.milestones, past[i]!, kept.tasks, kept.planById, date, true)),
  );
  return { ends, statuses, counts: statuses.map((m) => countStatuses(m.values())) };
}

/**
 * `kept` brought forward to the chains' heads as they stand by re-reading the tasks the writes since named;
 * undefined when those writes need everything read again (see domain/region-changes), or changed which tasks a
 * plan has.
 */
async function caughtUp(ctx: ServiceContext, kept: KeptRegion): Promise<KeptRegion | undefined> {
  const { regionId } = kept;
  // Sent together (one round trip on PostgreSQL), the heads first: both parts are read in one statement, so
  // they are one moment's (isAtLeast relies on it), and the events read after them cover at least as much.
  const [heads, changes] = await Promise.all([
    chainHeadsOf(db(ctx), regionId),
    changesSince(db(ctx), regionId, kept.heads.region, MAX_KEPT_CHANGES + 1),
  ]);
  // An installation-wide write (a region added or moved, say) may change any region's pages.
  if (heads.installation !== kept.heads.installation) return undefined;
  if (changes.length === 0 && heads.region <= kept.heads.region) return kept;
  const scope = scopeOfChanges(changes);
  if (scope === 'rebuild') return undefined;
  const ids = [...scope.tasks];
  if (ids.length === 0) return { ...kept, heads };
  const [rows, milestones, coUnits] = await Promise.all([
    tasksOfRegion(db(ctx), regionId, ids),
    milestoneDatesOf(db(ctx), { regionId, taskIds: ids }),
    coUnitsOf(db(ctx), ids, regionId),
  ]);
  const before = (id: string): TaskView | undefined => {
    const i = kept.taskIndex.get(id);
    return i === undefined ? undefined : kept.tasks[i];
  };
  const changed: TaskRow[] = [];
  for (const id of ids) {
    const old = before(id);
    const row = rows.find((r) => r.id === id);
    const shown = row !== undefined && kept.planById.has(row.plan_id);
    // A task that joined, left or moved within a kept plan reorders its ledger: read it all again.
    if ((old === undefined) !== !shown) return undefined;
    if (old && row && (old.plan_id !== row.plan_id || old.seq !== row.seq)) return undefined;
    if (row && shown) changed.push(row);
  }
  if (changed.length === 0) return { ...kept, heads };
  const changedIds = changed.map((t) => t.id);
  const planIds = [...new Set(changed.map((t) => t.plan_id))];
  const plans = planIds.map((id) => kept.planById.get(id)!);
  const [digests, past] = await Promise.all([
    Promise.all(plans.map((p) => planDigestsOf(ctx, regionId, p, kept.day, changedIds))),
    kept.trend
      ? digestsOverDays(
          ctx,
          regionId,
          plans,
          kept.trend.ends.map((e) => e.date),
          kept.day,
          changedIds,
        ).then((d) => d.past)
      : undefined,
  ]);
  const idSet = new Set(changedIds);
  const evaluations = evaluateTasksByPlan(milestones, digests, changed, kept.planById, kept.day);
  const views = new Map<string, TaskView>();
  for (const t of changed) {
    const view = viewOf(t, coUnits.get(t.id) ?? [], evaluations.get(t.id)!);
    // A write that changed nothing of the task as the pages show it (a draft, a report still with its unit's
    // head, a notice) keeps the view, and with it the lines and pages already built from it.
    if (!sameJson(view, before(t.id))) views.set(t.id, view);
  }
  const milestonesByTask = kept.milestonesByTask ?? byTask(kept.milestones);
  const milestonesMoved = changedIds.some(
    (id) => datesKey(milestones.filter((m) => m.task_id === id)) !== datesKey(milestonesByTask.get(id) ?? []),
  );
  const next: KeptRegion = {
    ...kept,
    heads,
    tasks: views.size === 0 ? kept.tasks : withViews(kept, views),
    ...(milestonesMoved
      ? {
          milestones: [
            ...kept.milestones.filter((m) => !idSet.has(m.task_id)),
            ...milestones.filter((m) => idSet.has(m.task_id)),
          ],
          milestonesByTask: undefined,
        }
      : { milestonesByTask }),
  };
  if (kept.trend && past) {
    const trend = kept.trend;
    const ends = trend.ends.map(({ date }, i) => {
      const fresh = statusesOf(evaluateTasksByPlan(milestones, past[i]!, changed, kept.planById, date, true));
      const old = trend.statuses[i]!;
      // A report changes today's status, seldom a past month end's: only a month end that moved is copied.
      if (changedIds.every((id) => fresh.get(id) === old.get(id)))
        return { map: old, counts: trend.counts[i]!, moved: false };
      const map = new Map(old);
      const counts = { ...trend.counts[i]! };
      for (const id of changedIds) {
        const before = map.get(id);
        if (before) counts[before]--;
        const status = fresh.get(id);
        // A task created after that day has no status on it.
        if (status) {
          map.set(id, status);
          counts[status]++;
        } else map.delete(id);
      }
      return { map, counts, moved: true };
    });
    if (ends.some((e) => e.moved))
      next.trend = {
        ends: trend.ends,
        statuses: ends.map((e) => e.map),
        counts: ends.map((e) => e.counts),
      };
  }
  return next;
}

function statusesOf(evaluations: ReadonlyMap<string, TaskEvaluation>): Map<string, TaskStatus> {
  const out = new Map<string, TaskStatus>();
  for (const [id, e] of evaluations) out.set(id, e.status);
  return out;
}

/** `kept.tasks` with some views replaced, each in its place. */
function withViews(kept: KeptRegion, views: ReadonlyMap<string, TaskView>): TaskView[] {
  const tasks = kept.tasks.slice();
  for (const [id, view] of views) tasks[kept.taskIndex.get(id)!] = view;
  return tasks;
}

/** A task's milestone dates, whatever order the query gave them in (the status rule reads them as a set). */
function datesKey(milestones: readonly MilestoneDates[]): string {
  return milestones
    .map((m) => `${m.due_date}/${m.done_date ?? ''}`)
    .sort()
    .join(',');
}

function byTask(milestones: readonly MilestoneDates[]): Map<string, MilestoneDates[]> {
  const out = new Map<string, MilestoneDates[]>();
  for (const m of milestones) {
    const list = out.get(m.task_id);
    if (list) list.push(m);
    else out.set(m.task_id, [m]);
  }
  return out;
}

/** Whether two values read alike (each built the same way, so their keys come in the same order). */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
