import type { Kysely } from 'kysely';

// Frozen. The short name the office gives an area (方面) for where its heading does not fit: the battle
// map's area grid, the ledger's filters, charts. Null until the office sets one; the app derives one from
// the heading meanwhile.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('areas').addColumn('short_name', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('areas').dropColumn('short_name').execute();
}
