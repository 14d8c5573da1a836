import { sql, type Kysely } from 'kysely';

// Frozen. The two indexes that serve only the digest (report-digest-repository and the digest triggers: a task's
// latest accepted and submitted progress, its accepted completion claims) now hold only the reports the office
// received, and only those claiming completion. A unit's drafts and the reports still with its head, most of its writes, no longer touch them: each
// such insert or change on PostgreSQL wrote two more index leaves, one per task, cold, often as a whole page
// image in the log. The predicate is an OR of equalities rather than an IN list because SQLite uses a partial
// index only when it can prove the query's terms imply its predicate, and it proves `status = 'accepted'`
// implies an OR arm, not an IN list.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_task_status_updated').execute();
  await db.schema.dropIndex('reports_task_completion').execute();
  await db.schema
    .createIndex('reports_task_received_updated')
    .on('reports')
    .columns(['task_id', 'status', 'updated_at'])
    .where(sql<boolean>`status = 'submitted' OR status = 'accepted'`)
    .execute();
  // The status as a column, not in the predicate: with both a seek by (task, status) here and by (task, status)
  // above, SQLite takes the index that also covers the claim.
  await db.schema
    .createIndex('reports_task_completion_claims')
    .on('reports')
    .columns(['task_id', 'status'])
    .where(sql<boolean>`claims_completion = 1`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_task_completion_claims').execute();
  await db.schema.dropIndex('reports_task_received_updated').execute();
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
