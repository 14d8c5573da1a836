import type { Kysely } from 'kysely';

// Frozen. A roll-up's cold build reads, for every region below, the dates of the milestones not done yet and
// the distinct dates the done ones hold (db/repositories/region-standing-repository.ts): with every column it
// reads in the index, both are read from the index alone instead of looking up each of a province's 135,000
// milestone rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('milestones_region_done')
    .on('milestones')
    .columns(['region_id', 'done_date', 'due_date', 'task_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('milestones_region_done').execute();
}
