import type { Kysely } from 'kysely';

// Frozen. The copy of a published bulletin each unit it names receives (收到通报): one row per bulletin and
// unit, written with the publication; read_at/read_by record the unit's 已阅 so the office sees who has read it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulletin_receipts')
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletins.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text')
    .addPrimaryKeyConstraint('bulletin_receipts_pk', ['bulletin_id', 'unit_id'])
    .execute();
  // A unit's work page lists its receipts, newest first.
  await db.schema
    .createIndex('bulletin_receipts_unit')
    .on('bulletin_receipts')
    .columns(['unit_id', 'received_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('bulletin_receipts_unit').execute();
  await db.schema.dropTable('bulletin_receipts').execute();
}
