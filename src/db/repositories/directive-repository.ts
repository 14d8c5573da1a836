import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  DirectiveAnswerRow,
  DirectiveAnswerTable,
  DirectiveCheckpointKind,
  DirectiveExtensionRow,
  DirectiveExtensionTable,
  DirectiveFileRow,
  DirectiveFileTable,
  DirectiveNoticeRow,
  DirectiveNoticeTable,
  DirectiveRow,
  DirectiveTable,
  MeetingKind,
} from '../schema.js';
import { inBatches } from './batches.js';

/** A directive as it is read back: with its lead unit's name and where it came from. */
export type DirectiveRecord = DirectiveRow & {
  lead_unit_name: string;
  meeting_id: string | null;
  meeting_topic: string | null;
  meeting_kind: MeetingKind | null;
  meeting_held_on: string | null;
  instruction_task_id: string | null;
};

function records(db: Kysely<Database>) {
  return db
    .selectFrom('directives')
    .innerJoin('units', 'units.id', 'directives.lead_unit_id')
    .leftJoin('meeting_decisions', 'meeting_decisions.id', 'directives.meeting_decision_id')
    .leftJoin('meetings', 'meetings.id', 'meeting_decisions.meeting_id')
    .leftJoin('instructions', 'instructions.id', 'directives.instruction_id')
    .selectAll('directives')
    .select([
      'units.name as lead_unit_name',
      'meetings.id as meeting_id',
      'meetings.topic as meeting_topic',
      'meetings.kind as meeting_kind',
      'meetings.held_on as meeting_held_on',
      'instructions.task_id as instruction_task_id',
    ]);
}

export async function insertDirective(db: Kysely<Database>, row: Insertable<DirectiveTable>): Promise<void> {
  await db.insertInto('directives').values(row).execute();
}

export async function insertDirectiveCoUnits(
  db: Kysely<Database>,
  regionId: string,
  directiveId: string,
  unitIds: readonly string[],
): Promise<void> {
  if (unitIds.length === 0) return;
  await db
    .insertInto('directive_co_units')
    .values(unitIds.map((unit_id) => ({ region_id: regionId, directive_id: directiveId, unit_id })))
    .execute();
}

export function getDirective(db: Kysely<Database>, id: string): Promise<DirectiveRecord | undefined> {
  return records(db).where('directives.id', '=', id).executeTakeFirst();
}

export interface DirectiveFilter {
  regionId: string;
  /** Only those this unit leads or co-operates on. */
  unitId?: string;
  meetingId?: string;
}

/** A region's directives, latest assigned first. */
export function listDirectives(db: Kysely<Database>, filter: DirectiveFilter): Promise<DirectiveRecord[]> {
  let q = records(db).where('directives.region_id', '=', filter.regionId);
  if (filter.unitId) {
    const unitId = filter.unitId;
    q = q.where((eb) =>
      eb.or([
        eb('directives.lead_unit_id', '=', unitId),
        eb(
          'directives.id',
          'in',
          eb.selectFrom('directive_co_units').select('directive_id').where('unit_id', '=', unitId),
        ),
      ]),
    );
  }
  if (filter.meetingId) q = q.where('meetings.id', '=', filter.meetingId);
  return q
    .orderBy('directives.assigned_on', 'desc')
    .orderBy('directives.created_at', 'desc')
    .limit(1000)
    .execute();
}

/** The co-operating units of each directive, by directive id. */
export async function directiveCoUnits(
  db: Kysely<Database>,
  directiveIds: readonly string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (directiveIds.length === 0) return out;
  const rows = await db
    .selectFrom('directive_co_units')
    .innerJoin('units', 'units.id', 'directive_co_units.unit_id')
    .select(['directive_co_units.directive_id', 'units.id', 'units.name'])
    .where('directive_co_units.directive_id', 'in', directiveIds)
    .orderBy('units.name')
    .execute();
  for (const r of rows) {
    const list = out.get(r.directive_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.directive_id, list);
  }
  return out;
}

export function answersOf(
  db: Kysely<Database>,
  directiveIds: readonly string[],
): Promise<DirectiveAnswerRow[]> {
  if (directiveIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directive_answers')
    .selectAll()
    .where('directive_id', 'in', directiveIds)
    .orderBy('answered_at')
    .execute();
}

/** False when the checkpoint was answered already (another request first): one answer per checkpoint. */
export async function insertAnswer(
  db: Kysely<Database>,
  row: Insertable<DirectiveAnswerTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('directive_answers')
    .values(row)
    .onConflict((oc) => oc.columns(['directive_id', 'checkpoint']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function insertDirectiveFile(
  db: Kysely<Database>,
  row: Insertable<DirectiveFileTable>,
): Promise<void> {
  await db.insertInto('directive_files').values(row).execute();
}

export function getDirectiveFile(db: Kysely<Database>, id: string): Promise<DirectiveFileRow | undefined> {
  return db.selectFrom('directive_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function filesOfDirective(db: Kysely<Database>, directiveId: string): Promise<DirectiveFileRow[]> {
  return db
    .selectFrom('directive_files')
    .selectAll()
    .where('directive_id', '=', directiveId)
    .orderBy('created_at')
    .execute();
}

export async function insertExtension(
  db: Kysely<Database>,
  row: Insertable<DirectiveExtensionTable>,
): Promise<void> {
  await db.insertInto('directive_extensions').values(row).execute();
}

export function getExtension(db: Kysely<Database>, id: string): Promise<DirectiveExtensionRow | undefined> {
  return db.selectFrom('directive_extensions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function extensionsOf(db: Kysely<Database>, directiveId: string): Promise<DirectiveExtensionRow[]> {
  return db
    .selectFrom('directive_extensions')
    .selectAll()
    .where('directive_id', '=', directiveId)
    .orderBy('requested_at')
    .execute();
}

/** Directives with an extension request waiting for the office, of the given ones. */
export async function pendingExtensionIds(
  db: Kysely<Database>,
  directiveIds: readonly string[],
): Promise<Set<string>> {
  if (directiveIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('directive_extensions')
    .select('directive_id')
    .where('directive_id', 'in', directiveIds)
    .where('status', '=', 'pending')
    .execute();
  return new Set(rows.map((r) => r.directive_id));
}

export async function setExtendedTo(db: Kysely<Database>, directiveId: string, date: string): Promise<void> {
  await db
    .updateTable('directives')
    .set((eb) => ({ extended_to: date, deadline: date, version: eb('version', '+', 1) }))
    .where('id', '=', directiveId)
    .execute();
}

export function noticesOfDirective(db: Kysely<Database>, directiveId: string): Promise<DirectiveNoticeRow[]> {
  return db
    .selectFrom('directive_notices')
    .selectAll()
    .where('directive_id', '=', directiveId)
    .orderBy('issued_at')
    .execute();
}

/** What the job has urged already in a region, so each missed checkpoint is urged once. */
export function urgedCheckpointsOf(
  db: Kysely<Database>,
  regionId: string,
): Promise<{ directive_id: string; checkpoint: DirectiveCheckpointKind }[]> {
  return db
    .selectFrom('directive_notices')
    .select(['directive_id', 'checkpoint'])
    .where('region_id', '=', regionId)
    .execute();
}

/** An urge with the directive it presses, as a unit's 督办 inbox lists it. */
export type DirectiveUrgeRecord = DirectiveNoticeRow & {
  content: string;
  assigned_on: string;
  extended_to: string | null;
  unit_name: string;
};

/**
 * A region's urges whose checkpoint has no answer of its own yet, newest first; one unit's when given. A
 * stage implied by a later stage's answer is left for the service to judge with the directive's progress.
 */
export function unansweredUrgesOf(
  db: Kysely<Database>,
  regionId: string,
  unitId?: string,
): Promise<DirectiveUrgeRecord[]> {
  let q = db
    .selectFrom('directive_notices')
    .innerJoin('directives', 'directives.id', 'directive_notices.directive_id')
    .innerJoin('units', 'units.id', 'directive_notices.unit_id')
    .selectAll('directive_notices')
    .select([
      'directives.content',
      'directives.assigned_on',
      'directives.extended_to',
      'units.name as unit_name',
    ])
    .where('directive_notices.region_id', '=', regionId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('directive_answers')
            .select('directive_answers.id')
            .whereRef('directive_answers.directive_id', '=', 'directive_notices.directive_id')
            .whereRef('directive_answers.checkpoint', '=', 'directive_notices.checkpoint'),
        ),
      ),
    );
  if (unitId) q = q.where('directive_notices.unit_id', '=', unitId);
  return q
    .orderBy('directive_notices.issued_at', 'desc')
    .orderBy('directive_notices.id')
    .limit(1000)
    .execute();
}

export async function insertDirectiveNotices(
  db: Kysely<Database>,
  rows: readonly Insertable<DirectiveNoticeTable>[],
): Promise<void> {
  await inBatches(rows, (slice) =>
    db
      .insertInto('directive_notices')
      .values(slice)
      .onConflict((oc) => oc.columns(['directive_id', 'checkpoint']).doNothing())
      .execute(),
  );
}

/** Which of these decisions became directives, and their ids. */
export async function directivesOfDecisions(
  db: Kysely<Database>,
  decisionIds: readonly string[],
): Promise<Map<string, string>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('directives')
    .select(['id', 'meeting_decision_id'])
    .where('meeting_decision_id', 'in', decisionIds)
    .execute();
  return new Map(rows.map((r) => [r.meeting_decision_id!, r.id]));
}

export async function directiveIdOfInstruction(
  db: Kysely<Database>,
  instructionId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('directives')
    .select('id')
    .where('instruction_id', '=', instructionId)
    .executeTakeFirst();
  return row?.id ?? null;
}
