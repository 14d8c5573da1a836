import { plansWindow } from '../domain/plans.js';
import { listRegionLinks, listRegions } from '../db/repositories/region-repository.js';
import { childrenOf, descendantsOf } from '../domain/region-tree.js';
import type { TargetRow, UnitKind } from '../db/schema.js';
import {
  countIndicators,
  laggingIndicators,
  type IndicatorCounts,
  type IndicatorResult,
} from '../domain/indicators.js';
import { planShortName, withShortNames } from '../domain/area-names.js';
import { countStatuses, groupRollUp, mergeRollUps, rollUp, type RollUp } from '../domain/rollup.js';
import { timeElapsedPercent, type TaskStatus } from '../domain/task-status.js';
import { compareUnitStanding, isRankedUnit } from '../domain/battle-map.js';
import { demand, demandRegion, readerIn } from './access.js';
import type { Actor } from './actor.js';
import { fail } from './errors.js';
import { db, today, type ServiceContext } from './context.js';
import { involves, keptRegion, type KeptRegion, type KeptTrend } from './kept-region.js';
import type { TaskView } from './task-view.js';
import * as regionPolicy from './policies/region.js';
import { seesWholeRegion } from './policies/scope.js';
import { standingsAt } from './kept-standings.js';
import { redListOf, type RedListLine } from './region-standing.js';

export type { RollUp };

export interface Dashboard {
  asOf: string;
  total: RollUp;
  timeElapsed: number;
  plans: {
    id: string;
    title: string;
    shortName: string;
    year: number;
    rollUp: RollUp;
    timeElapsed: number;
  }[];
  areas: {
    id: string;
    planId: string;
    code: string;
    title: string;
    shortName: string;
    rollUp: RollUp;
    timeElapsed: number;
  }[];
  units: { id: string; name: string; kind: UnitKind; red: number; yellow: number; rollUp: RollUp }[];
  redList: RedListLine[];
  trend: { month: string; counts: Record<TaskStatus, number> }[];
}

/** Refuses a caller who may not read the region's battle map: no I/O, so a cached answer checks it too. */
export function demandDashboard(actor: Actor, regionId: string): void {
  demandRegion(actor, regionId);
  demand(regionPolicy.can(actor, 'read_dashboard', { id: regionId }));
}

/** The battle map (挂图作战) of a region: its published plans, rolled up every way the office looks at them. */
export async function regionDashboard(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  /** The region's data version read for this request, when the caller has one (see keptRegion). */
  version?: number,
): Promise<Dashboard> {
  demandDashboard(actor, regionId);
  // Every reader of the region shares its kept inputs (see kept-region); a unit's staff see its own tasks.
  const kept = await keptRegion(ctx, regionId, { trend: true, version });
  const unitId = seesWholeRegion(actor) ? null : actor.unitId;
  // Kept inputs are replaced whenever what they hold changes, so a battle map built from these is still true.
  let built = dashboards.get(kept.tasks)?.get(kept.trend!);
  if (!built) {
    built = new Map();
    dashboards.set(kept.tasks, new WeakMap([[kept.trend!, built]]));
  }
  let dashboard = built.get(unitId ?? '');
  if (!dashboard) {
    dashboard = dashboardOf(kept, unitId);
    built.set(unitId ?? '', dashboard);
  }
  return dashboard;
}

/** The battle maps built from each kept region's tasks and trend, per audience ('' the whole region, or a unit). */
const dashboards = new WeakMap<readonly TaskView[], WeakMap<KeptTrend, Map<string, Dashboard>>>();

function dashboardOf(kept: KeptRegion, unitId: string | null): Dashboard {
  const asOf = kept.day;
  const { plans, planById, areas, units, region } = kept;
  const tasks = unitId ? kept.tasks.filter((t) => involves(t, unitId)) : kept.tasks;
  const shown = new Set(unitId ? tasks.map((t) => t.id) : []);
  const items = tasks.map((t) => ({ task: t, weight: t.weight, ...t.evaluation }));

  const elapsedOf = (start: string, end: string) => timeElapsedPercent(start, end, asOf);
  const byPlan = groupRollUp(items, (i) => i.task.plan_id);
  const byArea = groupRollUp(items, (i) => i.task.area_id);
  const byLead = groupRollUp(items, (i) => i.task.lead_unit_id);
  const empty = rollUp([]);

  const unitRows = [...units.values()]
    .filter((u) => isRankedUnit(u.kind))
    .map((u) => {
      const r = byLead.get(u.id) ?? empty;
      return {
        id: u.id,
        name: u.name,
        kind: u.kind,
        red: r.counts.delayed,
        yellow: r.counts.at_risk,
        rollUp: r,
      };
    })
    .filter((u) => u.rollUp.total > 0)
    .sort(compareUnitStanding);

  const redList = redListOf(items, units);

  const trend = trendOf(kept.trend!, unitId, shown);

  const planWindow = plansWindow(plans, asOf);
  return {
    asOf,
    total: rollUp(items),
    timeElapsed: elapsedOf(planWindow.start, planWindow.end),
    plans: plans.map((p) => ({
      id: p.id,
      title: p.title,
      shortName: planShortName(p.title, region?.name),
      year: p.year,
      rollUp: byPlan.get(p.id) ?? empty,
      timeElapsed: elapsedOf(p.period_start, p.period_end),
    })),
    areas: withShortNames(areas).map((a) => {
      const plan = planById.get(a.plan_id)!;
      return {
        id: a.id,
        planId: a.plan_id,
        code: a.code,
        title: a.title,
        shortName: a.shortName,
        rollUp: byArea.get(a.id) ?? empty,
        timeElapsed: elapsedOf(plan.period_start, plan.period_end),
      };
    }),
    units: unitRows,
    redList,
    trend,
  };
}

/** A unit's trend counts per kept trend: counted once, read by its staff until the next change. */
const unitTrends = new WeakMap<KeptTrend, Map<string, Dashboard['trend']>>();

function trendOf(trend: KeptTrend, unitId: string | null, shown: ReadonlySet<string>): Dashboard['trend'] {
  if (unitId === null) return trend.ends.map(({ month }, i) => ({ month, counts: trend.counts[i]! }));
  let byUnit = unitTrends.get(trend);
  if (!byUnit) {
    byUnit = new Map();
    unitTrends.set(trend, byUnit);
  }
  let counts = byUnit.get(unitId);
  if (!counts) {
    counts = trend.ends.map(({ month }, i) => {
      const statuses = trend.statuses[i]!;
      // A task created after that month end has no status on it.
      const mine = [...shown].flatMap((id) => statuses.get(id) ?? []);
      return { month, counts: countStatuses(mine) };
    });
    byUnit.set(unitId, counts);
  }
  return counts;
}

/** How many of a child region's most overdue tasks, and of its indicators furthest behind, its roll-up lists. */
const ROLLUP_RED_LIST = 10;

/** An indicator (指标) of a region below that is behind 序时 or missed, judged on confirmed figures. */
export interface RollUpLaggard {
  target: TargetRow;
  result: IndicatorResult;
  regionId: string;
  regionName: string;
}

export interface RegionRollUp {
  asOf: string;
  region: { id: string; name: string };
  /** Every region below, together. */
  total: RollUp;
  /** One row per region directly below, each over that region and every region under it. */
  children: {
    id: string;
    name: string;
    kind: string;
    /** The child and the regions under it. */
    regions: number;
    total: RollUp;
    redList: (Dashboard['redList'][number] & { regionId: string; regionName: string })[];
    /** How many of the published indicators are where, this month; and those furthest behind. */
    indicators: { counts: IndicatorCounts; laggards: RollUpLaggard[] };
  }[];
}

/**
 * The regions a roll-up shows, after refusing a caller who may not read it: `regionId` and every region
 * below it. Its cached answer is dated by these regions' data versions only.
 */
export async function rollUpRegions(ctx: ServiceContext, actor: Actor, regionId: string): Promise<string[]> {
  // A province's reader opens a city's roll-up as that city's viewer.
  const reader = await readerIn(ctx, actor, regionId);
  demandRegion(reader, regionId);
  demand(regionPolicy.can(reader, 'read_rollup', { id: regionId }));
  return [regionId, ...descendantsOf(await listRegionLinks(db(ctx)), regionId)];
}

/**
 * Builds today's standing of every region a roll-up reads (each region with a parent) before anyone asks:
 * at start and when the day turns, the standings all go stale at once, and a province's 150 regions take a
 * second or two to build cold. Answers how many regions it prepared.
 */
export async function prepareRollUps(ctx: ServiceContext): Promise<number> {
  const below = (await listRegionLinks(db(ctx))).filter((r) => r.parent_id !== null).map((r) => r.id);
  if (below.length > 0) await standingsAt(ctx, below, today(ctx), ROLLUP_RED_LIST);
  return below.length;
}

/**
 * The roll-up a parent region's office, leaders and viewers follow: per region directly below, its battle
 * map's counts by status, weighted progress, most overdue tasks and indicators behind 序时, over its own
 * regions below too. Each region is read as its viewer reads it (published plans only), so nothing here is
 * more than a drill-down into that region would show.
 */
export async function regionRollUp(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<RegionRollUp> {
  await rollUpRegions(ctx, actor, regionId);
  const [links, regions] = await Promise.all([listRegionLinks(db(ctx)), listRegions(db(ctx))]);
  const byId = new Map(regions.map((r) => [r.id, r]));
  const region = byId.get(regionId);
  if (!region) throw fail('region.not_found');
  const day = today(ctx);
  const childIds = childrenOf(links, regionId);
  const subtreeOf = new Map(childIds.map((id) => [id, [id, ...descendantsOf(links, id)]]));
  // Every region below at once: what the roll-up shows of each, not its whole battle map.
  const standings = await standingsAt(ctx, [...subtreeOf.values()].flat(), day, ROLLUP_RED_LIST);
  const nameOf = (id: string) => byId.get(id)?.name ?? '';
  const children = childIds.map((childId) => {
    const child = byId.get(childId)!;
    const subtree = subtreeOf.get(childId)!;
    const maps = subtree.map((id) => ({ id, ...standings.get(id)! }));
    const redList = maps
      .flatMap(({ id, redList: lines }) => lines.map((r) => ({ ...r, regionId: id, regionName: nameOf(id) })))
      .sort((a, b) => b.daysOverdue - a.daysOverdue)
      .slice(0, ROLLUP_RED_LIST);
    const judged = maps.flatMap(({ id, indicators }) =>
      indicators.map((j) => ({ ...j, regionId: id, regionName: nameOf(id) })),
    );
    const laggards = laggingIndicators(judged, ROLLUP_RED_LIST);
    return {
      id: childId,
      name: child.name,
      kind: child.kind,
      regions: subtree.length,
      total: mergeRollUps(maps.map((m) => m.total)),
      redList,
      indicators: { counts: countIndicators(judged.map((j) => j.result.status)), laggards },
    };
  });
  return {
    asOf: day,
    region: { id: region.id, name: region.name },
    total: mergeRollUps(children.map((c) => c.total)),
    children,
  };
}
