import type { Insertable, Kysely } from 'kysely';
import { compiledQuery } from '../compiled-query.js';
import type { Database, TaskRow, TaskTable, PlanStatus } from '../schema.js';
import { inBatches, insertsInBatches } from './batches.js';

export interface TaskFilter {
  planId?: string;
  regionId?: string;
  areaId?: string;
  leadUnitId?: string;
  /** A unit sees tasks it leads or co-operates on. */
  involvingUnitId?: string;
  q?: string;
  /** Only these tasks (a view kept in memory re-reads the few a write changed). */
  ids?: readonly string[];
}

export function listTasks(db: Kysely<Database>, filter: TaskFilter): Promise<TaskRow[]> {
  let q = db.selectFrom('tasks').selectAll('tasks');
  if (filter.planId) q = q.where('tasks.plan_id', '=', filter.planId);
  if (filter.regionId) q = q.where('tasks.region_id', '=', filter.regionId);
  if (filter.areaId) q = q.where('tasks.area_id', '=', filter.areaId);
  if (filter.leadUnitId) q = q.where('tasks.lead_unit_id', '=', filter.leadUnitId);
  if (filter.ids) q = q.where('tasks.id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
  if (filter.involvingUnitId) {
    const unitId = filter.involvingUnitId;
    q = q.where((eb) =>
      eb.or([
        eb('tasks.lead_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('task_co_units')
            .select('task_co_units.task_id')
            .whereRef('task_co_units.task_id', '=', 'tasks.id')
            .where('task_co_units.unit_id', '=', unitId),
        ),
      ]),
    );
  }
  if (filter.q) {
    // Chinese search terms are often two characters, below what a trigram index matches, so a scan it is.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('tasks.title', 'like', pattern), eb('tasks.code', 'like', pattern)]));
  }
  return q.orderBy('tasks.plan_id').orderBy('tasks.seq').execute();
}

const taskOfRegion = compiledQuery(2, (db, regionId: string, id: string) =>
  db.selectFrom('tasks').selectAll().where('region_id', '=', regionId).where('id', '=', id),
);

/** A region's tasks by id, in plan and place order; one task (a kept region's re-read) compiled once. */
export function tasksOfRegion(
  db: Kysely<Database>,
  regionId: string,
  ids: readonly string[],
): Promise<TaskRow[]> {
  return ids.length === 1 ? taskOfRegion(db, regionId, ids[0]!) : listTasks(db, { regionId, ids });
}

export function getTask(db: Kysely<Database>, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

const taskWithPlanStatus = compiledQuery(1, (db, id: string) =>
  db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .selectAll('tasks')
    .select('plans.status as plan_status')
    .where('tasks.id', '=', id),
);

/** A task and its plan's status: what the access check on every task route reads, in one query. */
export async function getTaskWithPlanStatus(
  db: Kysely<Database>,
  id: string,
): Promise<{ task: TaskRow; planStatus: PlanStatus } | undefined> {
  const [row] = await taskWithPlanStatus(db, id);
  if (!row) return undefined;
  const { plan_status: planStatus, ...task } = row;
  return { task, planStatus };
}

/**
 * A task and the tasks above it, nearest first: `[id, parent, grandparent, …]`, stopping at the root, at
 * `maxDepth` tasks, or where an id repeats (a loop written before loops were refused).
 */
export async function ancestorChain(db: Kysely<Database>, id: string, maxDepth: number): Promise<string[]> {
  const chain: string[] = [];
  let next: string | null = id;
  while (next !== null && chain.length < maxDepth && !chain.includes(next)) {
    chain.push(next);
    const row: { parent_task_id: string | null } | undefined = await db
      .selectFrom('tasks')
      .select('parent_task_id')
      .where('id', '=', next)
      .executeTakeFirst();
    next = row?.parent_task_id ?? null;
  }
  return chain;
}

export async function insertTask(db: Kysely<Database>, row: Insertable<TaskTable>): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export const insertTasks = insertsInBatches('tasks');

export async function nextTaskSeq(db: Kysely<Database>, planId: string): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (row?.m ?? 0) + 1;
}

/** The lead unit of many tasks at once, keyed by task id. */
export async function leadUnitsOf(
  db: Kysely<Database>,
  taskIds: readonly string[],
): Promise<Map<string, string | null>> {
  const map = new Map<string, string | null>();
  if (taskIds.length === 0) return map;
  await inBatches(taskIds, async (slice) => {
    const rows = await db
      .selectFrom('tasks')
      .select(['id', 'lead_unit_id'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) map.set(row.id, row.lead_unit_id);
  });
  return map;
}

/** Co-operating units of many tasks at once, keyed by task id. */
const coUnitsOfTask = compiledQuery(2, (db, regionId: string, taskId: string) =>
  db
    .selectFrom('task_co_units')
    .select(['task_id', 'unit_id'])
    .where('task_id', '=', taskId)
    .where('region_id', '=', regionId),
);

export async function coUnitsOf(
  db: Kysely<Database>,
  taskIds: readonly string[],
  /** The tasks' region, when the caller knows it: routes the lookup to the region's shard. */
  regionId?: string,
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (taskIds.length === 1 && regionId !== undefined) {
    const rows = await coUnitsOfTask(db, regionId, taskIds[0]!);
    if (rows.length > 0)
      map.set(
        taskIds[0]!,
        rows.map((r) => r.unit_id),
      );
    return map;
  }
  for (let i = 0; i < taskIds.length; i += 500) {
    let q = db
      .selectFrom('task_co_units')
      .select(['task_id', 'unit_id'])
      .where('task_id', 'in', taskIds.slice(i, i + 500));
    if (regionId !== undefined) q = q.where('region_id', '=', regionId);
    const rows = await q.execute();
    for (const row of rows) {
      const list = map.get(row.task_id) ?? [];
      list.push(row.unit_id);
      map.set(row.task_id, list);
    }
  }
  return map;
}

export const insertCoUnits = insertsInBatches('task_co_units');

export async function replaceCoUnits(
  db: Kysely<Database>,
  regionId: string,
  taskId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('task_co_units').where('task_id', '=', taskId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length > 0)
    await db
      .insertInto('task_co_units')
      .values(unique.map((unit_id) => ({ region_id: regionId, task_id: taskId, unit_id })))
      .execute();
}

/** Which tasks a status computation covers: one task, a plan's, or a region's. */
export interface TaskScope {
  taskId?: string;
  /** Several tasks (a view kept in memory re-reads the few a write changed). */
  taskIds?: readonly string[];
  planId?: string;
  regionId?: string;
}
