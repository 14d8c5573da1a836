import type { Kysely } from 'kysely';

// Frozen. A quarter's assessment reads one region's reports by period, milestones by due date and notices
// by issue time (db/repositories/assessment-input-repository.ts); without these it scans every region's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('reports_region_period')
    .on('reports')
    .columns(['region_id', 'period'])
    .execute();
  await db.schema
    .createIndex('milestones_region_due')
    .on('milestones')
    .columns(['region_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('notices_region_issued')
    .on('notices')
    .columns(['region_id', 'issued_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('notices_region_issued').execute();
  await db.schema.dropIndex('milestones_region_due').execute();
  await db.schema.dropIndex('reports_region_period').execute();
}
