import type { Kysely } from 'kysely';

// Frozen. A leader's instruction (批示) gets the follow-through of a notice: the unit it is addressed to,
// an optional deadline, and the unit's reply. Instructions written before have no addressee and stay as
// they were (status 'issued', unit_id null): no unit's inbox fills with old remarks nobody asked to answer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('instructions')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .execute();
  await db.schema.alterTable('instructions').addColumn('response_due', 'text').execute();
  await db.schema.alterTable('instructions').addColumn('reply', 'text').execute();
  await db.schema.alterTable('instructions').addColumn('replied_by', 'text').execute();
  await db.schema.alterTable('instructions').addColumn('replied_at', 'text').execute();
  await db.schema
    .alterTable('instructions')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued'))
    .execute();
  await db.schema
    .alterTable('instructions')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('instructions_unit')
    .on('instructions')
    .columns(['unit_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('instructions_unit').execute();
  for (const column of ['version', 'status', 'replied_at', 'replied_by', 'reply', 'response_due', 'unit_id'])
    await db.schema.alterTable('instructions').dropColumn(column).execute();
}
