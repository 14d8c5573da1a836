import type { Insertable, Kysely } from 'kysely';
import { compiledQuery } from '../compiled-query.js';
import type { Database, PlanRow, PlanTable } from '../schema.js';

export type PlanSummaryRow = Omit<PlanRow, 'source_text'>;

const PLAN_SUMMARY_COLUMNS = [
  'id',
  'region_id',
  'title',
  'kind',
  'year',
  'period_start',
  'period_end',
  'cadence',
  'status',
  'source_name',
  'warnings',
  'version',
  'created_at',
  'published_at',
] as const;

/** Plans without their source text, which can be megabytes and is fetched only where it is shown. */
export function listPlans(
  db: Kysely<Database>,
  regionId: string,
  includeDrafts: boolean,
): Promise<PlanSummaryRow[]> {
  let q = db
    .selectFrom('plans')
    .select(PLAN_SUMMARY_COLUMNS)
    .where('region_id', '=', regionId)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc');
  if (!includeDrafts) q = q.where('status', '=', 'published');
  return q.execute();
}

/** A plan by its id; `regionId`, when the caller knows it, routes the lookup to the region's shard. */
// Read by every ledger request's access check, cached answer or not: built and compiled once.
const planById = compiledQuery(1, (db, id: string) =>
  db.selectFrom('plans').select(PLAN_SUMMARY_COLUMNS).where('id', '=', id),
);

export async function getPlan(
  db: Kysely<Database>,
  id: string,
  regionId?: string,
): Promise<PlanSummaryRow | undefined> {
  if (regionId === undefined) return (await planById(db, id))[0];
  return db
    .selectFrom('plans')
    .select(PLAN_SUMMARY_COLUMNS)
    .where('id', '=', id)
    .where('region_id', '=', regionId)
    .executeTakeFirst();
}

export async function getPlanSourceText(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('plans').select('source_text').where('id', '=', id).executeTakeFirst();
  return row?.source_text ?? null;
}

export async function insertPlan(db: Kysely<Database>, row: Insertable<PlanTable>): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}
