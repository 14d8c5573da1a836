import type { Kysely } from 'kysely';

// Frozen. A task can be ongoing (长期坚持: no due date on purpose, never overdue) and carry the office's
// note (备注); the office's ledger note for a task and period (台账进展备注) sits beside the unit's report
// for that period without being one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('ongoing', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('office_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('ledger_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('ledger_notes_task_period', ['task_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ledger_notes').execute();
  await db.schema.alterTable('tasks').dropColumn('office_note').execute();
  await db.schema.alterTable('tasks').dropColumn('ongoing').execute();
}
