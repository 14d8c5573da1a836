import type { Kysely } from 'kysely';

// Frozen. A year's public holidays and 调休 working days as the administrator last stored them; a year with
// no row falls back to the file shipped in calendar/. National data, so no region_id: every region reads it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('holiday_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('holiday_years').execute();
}
