import type { Kysely } from 'kysely';

// Frozen. A task's latest accepted and submitted report, and whether any accepted one claims completion,
// each become one index seek (report-digest-repository), so a cold ledger costs the same whatever the history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('reports_task_status_updated')
    .on('reports')
    .columns(['task_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('reports_task_completion')
    .on('reports')
    .columns(['task_id', 'claims_completion'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_task_completion').execute();
  await db.schema.dropIndex('reports_task_status_updated').execute();
}
