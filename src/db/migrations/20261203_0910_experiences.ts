import type { Kysely } from 'kysely';

// Frozen. Replicable experiences (可复制推广经验): proposed by a unit from a task, accepted or returned by
// the office; the bigrams of accepted ones, which the cross-region search reads the same way on both
// dialects; and other regions' adoptions (借鉴推广), each kept in the adopting region with the source's id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experiences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('effects', 'text', (c) => c.notNull())
    .addColumn('abstract', 'text', (c) => c.notNull())
    .addColumn('area_title', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('experiences_region')
    .on('experiences')
    .columns(['region_id', 'status'])
    .execute();
  await db.schema.createIndex('experiences_status').on('experiences').columns(['status', 'year']).execute();

  await db.schema
    .createTable('experience_grams')
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('experience_id', 'text', (c) => c.notNull().references('experiences.id'))
    .addColumn('gram', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('experience_grams_pk', ['gram', 'experience_id'])
    .execute();

  await db.schema
    .createTable('experience_adoptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('experience_id', 'text', (c) => c.notNull().references('experiences.id'))
    .addColumn('source_region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('adopted_by', 'text', (c) => c.notNull())
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('experience_adoptions_once', ['experience_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('experience_adoptions_source')
    .on('experience_adoptions')
    .columns(['source_region_id', 'experience_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('experience_adoptions').execute();
  await db.schema.dropTable('experience_grams').execute();
  await db.schema.dropTable('experiences').execute();
}
