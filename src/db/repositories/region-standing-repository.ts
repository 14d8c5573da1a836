import type { Kysely } from 'kysely';
import type { Database, PlanRow, TargetRow, TaskRow } from '../schema.js';

// What a parent's roll-up reads of many regions below at once: one query per kind over all of them
// (`region_id in (…)`, so a distributed database routes each to those regions' shards), only the columns a
// region's standing shows: rows number in the tens of thousands for a province, and each column of each row
// is a string to make. The caller groups the rows by region, through the plan or the task they belong to.

/** A published plan's calendar: what the status rule reads of a plan. */
export type StandingPlan = Pick<
  PlanRow,
  'id' | 'region_id' | 'cadence' | 'period_start' | 'period_end' | 'published_at'
>;

/** The published plans of the regions, each region's in the order its battle map lists them. */
export function publishedPlansOfRegions(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<StandingPlan[]> {
  if (regionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plans')
    .select(['id', 'region_id', 'cadence', 'period_start', 'period_end', 'published_at'])
    .where('region_id', 'in', regionIds)
    .where('status', '=', 'published')
    .orderBy('region_id')
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** What a standing reads of a task: its status inputs, its weight and its red-list line but for the names. */
export type StandingTask = Pick<
  TaskRow,
  'id' | 'plan_id' | 'lead_unit_id' | 'start_date' | 'due_date' | 'created_at' | 'weight'
>;

/** The tasks of the given plans of the regions, in the battle map's order (plan, then seq). */
export function standingTasksOf(
  db: Kysely<Database>,
  regionIds: readonly string[],
  planIds: readonly string[],
): Promise<StandingTask[]> {
  if (regionIds.length === 0 || planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .select(['id', 'plan_id', 'lead_unit_id', 'start_date', 'due_date', 'created_at', 'weight'])
    .where('region_id', 'in', regionIds)
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('seq')
    .execute();
}

/** The code and title of the given tasks of the regions: what a red list's line names a task by. */
export function taskNamesOf(
  db: Kysely<Database>,
  regionIds: readonly string[],
  taskIds: readonly string[],
): Promise<Pick<TaskRow, 'id' | 'code' | 'title'>[]> {
  if (regionIds.length === 0 || taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .select(['id', 'code', 'title'])
    .where('region_id', 'in', regionIds)
    .where('id', 'in', taskIds)
    .execute();
}

type MilestoneDates = { task_id: string; due_date: string; done_date: string | null };

/** The dates of the milestones of the regions' tasks not done yet. */
export function openMilestoneDatesOfRegions(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<MilestoneDates[]> {
  if (regionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('milestones')
    .select(['task_id', 'due_date', 'done_date'])
    .where('region_id', 'in', regionIds)
    .where('done_date', 'is', null)
    .execute();
}

/** Every date the done milestones of the regions hold (due or done), each once: a few hundred strings. */
export async function doneMilestoneDateValues(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<string[]> {
  if (regionIds.length === 0) return [];
  const rows = await db
    .selectFrom('milestones')
    .select('done_date as date')
    .where('region_id', 'in', regionIds)
    .where('done_date', 'is not', null)
    .union(
      db
        .selectFrom('milestones')
        .select('due_date as date')
        .where('region_id', 'in', regionIds)
        .where('done_date', 'is not', null),
    )
    .execute();
  return rows.flatMap((r) => (r.date === null ? [] : [r.date]));
}

/** The dates of the done milestones of the regions that hold one of `dates`, due or done. */
export function doneMilestoneDatesHolding(
  db: Kysely<Database>,
  regionIds: readonly string[],
  dates: readonly string[],
): Promise<MilestoneDates[]> {
  if (regionIds.length === 0 || dates.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('milestones')
    .select(['task_id', 'due_date', 'done_date'])
    .where('region_id', 'in', regionIds)
    .where('done_date', 'is not', null)
    .where((eb) => eb.or([eb('due_date', 'in', dates), eb('done_date', 'in', dates)]))
    .execute();
}

/** The units' names, by which a red list names each task's lead unit. */
export function unitNamesOfRegions(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<{ id: string; region_id: string; name: string }[]> {
  if (regionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select(['id', 'region_id', 'name'])
    .where('region_id', 'in', regionIds)
    .execute();
}

/** The targets of the regions' published plans, each region's in the order its battle map lists them. */
export function publishedTargetsOfRegions(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<TargetRow[]> {
  if (regionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('targets')
    .innerJoin('plans', 'plans.id', 'targets.plan_id')
    .selectAll('targets')
    .where('targets.region_id', 'in', regionIds)
    .whereRef('plans.region_id', '=', 'targets.region_id')
    .where('plans.status', '=', 'published')
    .orderBy('targets.plan_id')
    .orderBy('targets.source_start')
    .orderBy('targets.id')
    .execute();
}

/**
 * The confirmed measurements of the regions' targets for periods of `year` ('2026', '2026-Q2', '2026-03':
 * every period key of a year begins with it), oldest period first: an indicator is judged on its year's
 * figures only.
 */
export function confirmedMeasurementsOfYear(
  db: Kysely<Database>,
  regionIds: readonly string[],
  year: number,
): Promise<{ target_id: string; period: string; value: number }[]> {
  if (regionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measurements')
    .select(['target_id', 'period', 'value'])
    .where('region_id', 'in', regionIds)
    .where('period', '>=', String(year))
    .where('period', '<', String(year + 1))
    .where('status', '=', 'confirmed')
    .orderBy('period')
    .execute();
}
