import type { Kysely } from 'kysely';

// Frozen. A region's data version is the last audit event of that region (audit-repository's
// regionDataVersion): this index makes it one seek on both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_events_region_seq')
    .on('audit_events')
    .columns(['region_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_region_seq').execute();
}
