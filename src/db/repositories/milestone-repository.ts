import { sql, type Kysely } from 'kysely';
import { insertsInBatches } from './batches.js';
import { compiledQuery } from '../compiled-query.js';
import type { Database, MilestoneRow } from '../schema.js';
import type { TaskScope } from './task-repository.js';

export function listMilestones(
  db: Kysely<Database>,
  regionId: string,
  taskId: string,
): Promise<MilestoneRow[]> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('task_id', '=', taskId)
    .orderBy('seq')
    .execute();
}

export function getMilestone(db: Kysely<Database>, id: string): Promise<MilestoneRow | undefined> {
  return db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
}

export const insertMilestones = insertsInBatches('milestones');

export async function nextMilestoneSeq(db: Kysely<Database>, taskId: string): Promise<number> {
  const row = await db
    .selectFrom('milestones')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return (row?.m ?? 0) + 1;
}

export type MilestoneDates = Pick<MilestoneRow, 'task_id' | 'due_date' | 'done_date'>;

/** Just the dates the status rule needs, for every task of a plan or region in one query. */
const milestoneDatesOfTask = compiledQuery(2, (db, regionId: string, taskId: string) =>
  db
    .selectFrom('milestones')
    .select(['task_id', 'due_date', 'done_date'])
    .where('task_id', '=', taskId)
    // As an expression: on the bare column SQLite seeks the region's milestones by (region, due date).
    .where(sql<string>`region_id || ''`, '=', regionId),
);

export function milestoneDatesOf(db: Kysely<Database>, scope: TaskScope): Promise<MilestoneDates[]> {
  // One task of a region (what a kept region re-reads after a write): built and compiled once.
  if (scope.taskIds?.length === 1 && scope.regionId && !scope.taskId && !scope.planId)
    return milestoneDatesOfTask(db, scope.regionId, scope.taskIds[0]!);
  let q = db
    .selectFrom('milestones')
    .innerJoin('tasks', 'tasks.id', 'milestones.task_id')
    .select(['milestones.task_id', 'milestones.due_date', 'milestones.done_date']);
  if (scope.taskId) q = q.where('milestones.task_id', '=', scope.taskId);
  if (scope.taskIds) q = q.where('milestones.task_id', 'in', scope.taskIds.length > 0 ? scope.taskIds : ['']);
  if (scope.planId) q = q.where('tasks.plan_id', '=', scope.planId);
  if (scope.regionId) q = q.where('milestones.region_id', '=', scope.regionId);
  return q.execute();
}
