import type { Kysely } from 'kysely';

// Frozen. Regions form a tree (province → city → district/county): a parent region's office, leaders and
// viewers read the regions below it. `parent_city` stays as the name printed on documents.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('regions').addColumn('parent_id', 'text').execute();
  await db.schema.createIndex('regions_parent').on('regions').columns(['parent_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('regions_parent').execute();
  await db.schema.alterTable('regions').dropColumn('parent_id').execute();
}
