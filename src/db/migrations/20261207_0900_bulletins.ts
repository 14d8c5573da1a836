import type { Kysely } from 'kysely';

// Frozen. Bulletins (通报): a draft per region, period and template holding the office's edits of each
// section's text; on publish the filled text is frozen in `frozen` and the units named recorded as notified.
// 文号 sequence per region and year: the unique index refuses a duplicate, drafts are never deleted (no reuse).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('edits', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('frozen', 'text')
    .addColumn('notified_unit_ids', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('bulletins_number')
    .on('bulletins')
    .columns(['region_id', 'year', 'seq'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('bulletins_number').execute();
  await db.schema.dropTable('bulletins').execute();
}
