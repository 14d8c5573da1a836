import type { Insertable, Kysely } from 'kysely';
import type { BulletinRow, BulletinTable, Database } from '../schema.js';

export async function insertBulletin(db: Kysely<Database>, row: Insertable<BulletinTable>): Promise<void> {
  await db.insertInto('bulletins').values(row).execute();
}

export function getBulletin(db: Kysely<Database>, id: string): Promise<BulletinRow | undefined> {
  return db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The 文号 sequences a region has used in a year, drafts included: they are never given again. */
export async function takenSequences(
  db: Kysely<Database>,
  regionId: string,
  year: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('bulletins')
    .select('seq')
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .execute();
  return rows.map((r) => r.seq);
}

export interface BulletinFilter {
  regionId: string;
  /** Only published ones (what readers other than the office see). */
  publishedOnly: boolean;
  /** Matches the title, the 文号 or the period. */
  q?: string | undefined;
}

export function listBulletins(db: Kysely<Database>, filter: BulletinFilter): Promise<BulletinRow[]> {
  let q = db.selectFrom('bulletins').selectAll().where('region_id', '=', filter.regionId);
  if (filter.publishedOnly) q = q.where('status', '=', 'published');
  if (filter.q) {
    // Wildcards typed by the reader are dropped: both dialects then read the pattern alike.
    const like = `%${filter.q.replace(/[\\%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb('title', 'like', like), eb('document_number', 'like', like), eb('period', 'like', like)]),
    );
  }
  return q.orderBy('year', 'desc').orderBy('seq', 'desc').limit(500).execute();
}

/** Reports of the period that reached the office, latest last: 本期进展 and 存在问题 of the tables. */
export function periodReportsOf(db: Kysely<Database>, regionId: string, periods: readonly string[]) {
  return db
    .selectFrom('reports')
    .select(['task_id', 'unit_id', 'period', 'narrative', 'problems', 'updated_at'])
    .where('region_id', '=', regionId)
    .where('period', 'in', periods.length > 0 ? [...periods] : ['-'])
    .where('status', 'in', ['submitted', 'accepted'])
    .orderBy('period')
    .orderBy('updated_at')
    .execute();
}

/** Undone milestones of a region with their titles: the next one is a task's 下步措施. */
export function openMilestonesOf(db: Kysely<Database>, regionId: string) {
  return db
    .selectFrom('milestones')
    .select(['task_id', 'title', 'due_date'])
    .where('region_id', '=', regionId)
    .where('done_date', 'is', null)
    .orderBy('due_date')
    .execute();
}

/** Notices unanswered with their deadline before `asOf`, counted per unit. */
export async function overdueNoticeCounts(
  db: Kysely<Database>,
  regionId: string,
  asOf: string,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('notices')
    .select(['unit_id'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('region_id', '=', regionId)
    .where('status', '=', 'issued')
    .where('response_due', '<', asOf)
    .groupBy('unit_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.unit_id, Number(r.n)]));
}
