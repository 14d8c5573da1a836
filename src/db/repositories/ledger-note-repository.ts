// The office's ledger notes (台账进展备注): one per task and period.
import type { Kysely } from 'kysely';
import type { Database, LedgerNoteRow } from '../schema.js';

/** Every note on the plan's tasks. */
export function ledgerNotesOfPlan(db: Kysely<Database>, planId: string): Promise<LedgerNoteRow[]> {
  return db
    .selectFrom('ledger_notes')
    .innerJoin('tasks', 'tasks.id', 'ledger_notes.task_id')
    .selectAll('ledger_notes')
    .where('tasks.plan_id', '=', planId)
    .execute();
}

/** A task's notes, latest period first. */
export function ledgerNotesOfTask(db: Kysely<Database>, taskId: string): Promise<LedgerNoteRow[]> {
  return db
    .selectFrom('ledger_notes')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('period', 'desc')
    .execute();
}

export async function insertLedgerNote(
  db: Kysely<Database>,
  row: Omit<LedgerNoteRow, 'version'>,
): Promise<void> {
  await db.insertInto('ledger_notes').values(row).execute();
}

/** Rewrites a note if it is still at `version`; false when someone changed it meanwhile. */
export async function updateLedgerNote(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: { note: string; updated_by: string; updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('ledger_notes')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function deleteLedgerNote(db: Kysely<Database>, id: string, version: number): Promise<boolean> {
  const r = await db
    .deleteFrom('ledger_notes')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
