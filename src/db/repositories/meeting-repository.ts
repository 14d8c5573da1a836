import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  MeetingDecisionRow,
  MeetingFileRow,
  MeetingFileTable,
  MeetingRow,
  MeetingTable,
} from '../schema.js';
import { insertsInBatches } from './batches.js';
import { acceptedCompletion } from './report-received.js';

export async function insertMeeting(db: Kysely<Database>, row: Insertable<MeetingTable>): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

export function getMeeting(db: Kysely<Database>, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A region's meetings, latest first. */
export function listMeetings(db: Kysely<Database>, regionId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export const insertDecisions = insertsInBatches('meeting_decisions');

export function getDecision(db: Kysely<Database>, id: string): Promise<MeetingDecisionRow | undefined> {
  return db.selectFrom('meeting_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The decisions of the given meetings, in each meeting's order. */
export function decisionsOf(
  db: Kysely<Database>,
  meetingIds: readonly string[],
): Promise<MeetingDecisionRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_decisions')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id')
    .orderBy('seq')
    .execute();
}

export async function nextDecisionSeq(db: Kysely<Database>, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_decisions')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/**
 * Records the ledger task a decision became, unless it already became something: false when another
 * request turned it first (the caller refuses rather than make a second task).
 */
export async function setDecisionTask(db: Kysely<Database>, id: string, taskId: string): Promise<boolean> {
  const result = await db
    .updateTable('meeting_decisions')
    .set((eb) => ({ task_id: taskId, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('task_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Of these tasks, those accepted as completed (the office accepted a report claiming completion). */
export async function completedTaskIds(
  db: Kysely<Database>,
  taskIds: readonly string[],
): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('reports')
    .select('task_id')
    .distinct()
    .where('task_id', 'in', taskIds)
    .where(acceptedCompletion('reports'))
    .execute();
  return new Set(rows.map((r) => r.task_id));
}

export async function insertMeetingFile(
  db: Kysely<Database>,
  row: Insertable<MeetingFileTable>,
): Promise<void> {
  await db.insertInto('meeting_files').values(row).execute();
}

export function getMeetingFile(db: Kysely<Database>, id: string): Promise<MeetingFileRow | undefined> {
  return db.selectFrom('meeting_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function filesOfMeetings(
  db: Kysely<Database>,
  meetingIds: readonly string[],
): Promise<MeetingFileRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_files')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('created_at')
    .execute();
}
