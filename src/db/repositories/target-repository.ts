import type { Kysely } from 'kysely';
import type { Database, TargetRow } from '../schema.js';
import { insertsInBatches } from './batches.js';

export function listTargets(
  db: Kysely<Database>,
  scope: { regionId: string; planId?: string; taskId?: string },
): Promise<TargetRow[]> {
  let q = db.selectFrom('targets').selectAll().where('region_id', '=', scope.regionId);
  if (scope.planId) q = q.where('plan_id', '=', scope.planId);
  if (scope.taskId) q = q.where('task_id', '=', scope.taskId);
  return q.orderBy('source_start').orderBy('id').execute();
}

export function getTarget(db: Kysely<Database>, id: string): Promise<TargetRow | undefined> {
  return db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
}

export const insertTargets = insertsInBatches('targets');

/** The targets of a region's published plans: the indicators its battle map and bulletin speak of. */
export function listPublishedTargetsOfRegion(db: Kysely<Database>, regionId: string): Promise<TargetRow[]> {
  return db
    .selectFrom('targets')
    .innerJoin('plans', 'plans.id', 'targets.plan_id')
    .selectAll('targets')
    .where('targets.region_id', '=', regionId)
    .where('plans.status', '=', 'published')
    .orderBy('targets.plan_id')
    .orderBy('targets.source_start')
    .orderBy('targets.id')
    .execute();
}
