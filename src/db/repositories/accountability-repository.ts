import type { Insertable, Kysely } from 'kysely';
import type {
  AccountabilityRecordRow,
  AccountabilityRecordTable,
  Database,
  NoticeKind,
  ToleranceRequestRow,
  ToleranceRequestTable,
  ToleranceSourceKind,
  ToleranceStatus,
} from '../schema.js';

// 问责 records and 容错免责 requests: both a unit's, both read by the region's oversight.

/** A record as read back: with the unit's name and, when linked, the task's code and title. */
export type AccountabilityRecord = AccountabilityRecordRow & {
  unit_name: string;
  task_code: string | null;
  task_title: string | null;
};

function records(db: Kysely<Database>) {
  return db
    .selectFrom('accountability_records')
    .innerJoin('units', 'units.id', 'accountability_records.unit_id')
    .leftJoin('tasks', 'tasks.id', 'accountability_records.task_id')
    .selectAll('accountability_records')
    .select(['units.name as unit_name', 'tasks.code as task_code', 'tasks.title as task_title']);
}

export async function insertAccountabilityRecord(
  db: Kysely<Database>,
  row: Insertable<AccountabilityRecordTable>,
): Promise<void> {
  await db.insertInto('accountability_records').values(row).execute();
}

export function getAccountabilityRecord(
  db: Kysely<Database>,
  id: string,
): Promise<AccountabilityRecord | undefined> {
  return records(db).where('accountability_records.id', '=', id).executeTakeFirst();
}

export function listAccountabilityRecords(
  db: Kysely<Database>,
  filter: { regionId: string; unitId?: string },
): Promise<AccountabilityRecord[]> {
  let q = records(db).where('accountability_records.region_id', '=', filter.regionId);
  if (filter.unitId) q = q.where('accountability_records.unit_id', '=', filter.unitId);
  return q
    .orderBy('accountability_records.decided_on', 'desc')
    .orderBy('accountability_records.id', 'desc')
    .limit(500)
    .execute();
}

/** A request as read back: with the unit's name and the task its matter belongs to (a notice's task, or the task). */
export type ToleranceRequest = ToleranceRequestRow & {
  unit_name: string;
  notice_kind: NoticeKind | null;
  source_task_id: string | null;
  source_task_code: string | null;
  source_task_title: string | null;
};

function requests(db: Kysely<Database>) {
  return db
    .selectFrom('tolerance_requests')
    .innerJoin('units', 'units.id', 'tolerance_requests.unit_id')
    .leftJoin('notices', 'notices.id', 'tolerance_requests.source_id')
    .leftJoin('tasks', (join) =>
      join.on((eb) =>
        eb.or([
          eb('tasks.id', '=', eb.ref('notices.task_id')),
          eb('tasks.id', '=', eb.ref('tolerance_requests.source_id')),
        ]),
      ),
    )
    .selectAll('tolerance_requests')
    .select([
      'units.name as unit_name',
      'notices.kind as notice_kind',
      'tasks.id as source_task_id',
      'tasks.code as source_task_code',
      'tasks.title as source_task_title',
    ]);
}

export async function insertToleranceRequest(
  db: Kysely<Database>,
  row: Insertable<ToleranceRequestTable>,
): Promise<void> {
  await db.insertInto('tolerance_requests').values(row).execute();
}

export function getToleranceRequest(db: Kysely<Database>, id: string): Promise<ToleranceRequest | undefined> {
  return requests(db).where('tolerance_requests.id', '=', id).executeTakeFirst();
}

export function listToleranceRequests(
  db: Kysely<Database>,
  filter: { regionId: string; unitId?: string; status?: ToleranceStatus },
): Promise<ToleranceRequest[]> {
  let q = requests(db).where('tolerance_requests.region_id', '=', filter.regionId);
  if (filter.unitId) q = q.where('tolerance_requests.unit_id', '=', filter.unitId);
  if (filter.status) q = q.where('tolerance_requests.status', '=', filter.status);
  return q.orderBy('tolerance_requests.created_at', 'desc').limit(500).execute();
}

/** A request already open or granted on the same source: one case is decided once (一事一议). */
export function liveToleranceRequestOn(
  db: Kysely<Database>,
  sourceKind: ToleranceSourceKind,
  sourceId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('tolerance_requests')
    .select('id')
    .where('source_kind', '=', sourceKind)
    .where('source_id', '=', sourceId)
    .where('status', '!=', 'refused')
    .executeTakeFirst();
}

export interface Exemption {
  unitId: string;
  sourceKind: ToleranceSourceKind;
  sourceId: string;
  note: string;
}

/**
 * The granted 容错免责 of a region, for the assessment: each removes the deductions of its source (a 督办
 * notice's, an assessment item's, a task's) from the unit's score, shown with the note.
 */
export async function listExemptions(
  db: Kysely<Database>,
  regionId: string,
  grantedBy?: string,
): Promise<Exemption[]> {
  let query = db
    .selectFrom('tolerance_requests')
    .select(['unit_id', 'source_kind', 'source_id', 'decision_note'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'granted');
  if (grantedBy !== undefined) query = query.where('decided_at', '<=', grantedBy);
  const rows = await query.orderBy('decided_at').orderBy('id').execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    note: r.decision_note ?? '',
  }));
}
