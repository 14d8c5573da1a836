import type { Insertable, Kysely } from 'kysely';
import type { Database, NoticeKind, NoticeRow, NoticeStatus, NoticeTable } from '../schema.js';
import { insertsInBatches } from './batches.js';

export async function insertNotice(db: Kysely<Database>, row: Insertable<NoticeTable>): Promise<void> {
  await db.insertInto('notices').values(row).execute();
}

export const insertNotices = insertsInBatches('notices');

/** What has been raised on a region's tasks already, so the daily job raises each notice once. */
export function raisedNoticesOf(
  db: Kysely<Database>,
  regionId: string,
): Promise<Pick<NoticeRow, 'task_id' | 'kind' | 'period'>[]> {
  return db
    .selectFrom('notices')
    .select(['task_id', 'kind', 'period'])
    .where('region_id', '=', regionId)
    .execute();
}

export function getNotice(db: Kysely<Database>, id: string): Promise<NoticeRow | undefined> {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NoticeFilter {
  regionId: string;
  unitId?: string;
  taskId?: string;
  status?: NoticeStatus;
  kind?: NoticeKind;
  /** Not yet closed (issued or responded). */
  open?: boolean;
  /** Unanswered with the response deadline before this date. */
  overdueOn?: string;
}

export function listNotices(db: Kysely<Database>, filter: NoticeFilter) {
  let q = db
    .selectFrom('notices')
    .innerJoin('tasks', 'tasks.id', 'notices.task_id')
    .selectAll('notices')
    .select(['tasks.code as task_code', 'tasks.title as task_title'])
    .where('notices.region_id', '=', filter.regionId);
  if (filter.unitId) q = q.where('notices.unit_id', '=', filter.unitId);
  if (filter.taskId) q = q.where('notices.task_id', '=', filter.taskId);
  if (filter.status) q = q.where('notices.status', '=', filter.status);
  if (filter.kind) q = q.where('notices.kind', '=', filter.kind);
  if (filter.open) q = q.where('notices.status', '!=', 'closed');
  if (filter.overdueOn)
    q = q.where('notices.status', '=', 'issued').where('notices.response_due', '<', filter.overdueOn);
  return q.orderBy('notices.issued_at', 'desc').limit(500).execute();
}
