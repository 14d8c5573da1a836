import type { Kysely } from 'kysely';

// Frozen. The task page lists the tasks split from a task (a district task's town tasks): found by their
// parent, which without an index is a scan of every task of every region.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tasks_parent').on('tasks').columns(['parent_task_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_parent').execute();
}
