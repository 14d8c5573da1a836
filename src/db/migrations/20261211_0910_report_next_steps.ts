import type { Kysely } from 'kysely';

// Frozen. A report says what the unit will do next (下步打算), as offices' ledgers ask; the ledger sheet
// exports the latest report's words in its 下步打算 column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('next_steps', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('next_steps').execute();
}
