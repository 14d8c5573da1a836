import type { Kysely } from 'kysely';

// Frozen. An imported task may name a lead unit the region does not have yet; the name is kept here
// until the office maps it to a unit, so nothing the document said is dropped on import.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('proposed_lead_unit', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('proposed_lead_unit').execute();
}
