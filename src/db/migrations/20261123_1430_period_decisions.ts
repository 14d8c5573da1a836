import type { Kysely } from 'kysely';

// Frozen. The office's decisions on reporting periods (期次锁定): closing a period early, for one task or for
// the whole region, and reopening it for a late report (补报). Append-only: the latest decision wins, and
// the history of who closed and reopened what stays readable beside the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('period_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('period_decisions_region_period')
    .on('period_decisions')
    .columns(['region_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('period_decisions').execute();
}
