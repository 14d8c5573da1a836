import type { Kysely } from 'kysely';

// Frozen. Assessment (考核): a region's yearly scheme with its groups, grade bands and 一票否决 list (JSON),
// its indicators, the periods assessed under it (rounds), each unit's sheet per round with one score row
// per indicator, bonus/deduction items awaiting the office's approval, objections during 公示, and the
// corrections recorded after a result was locked.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('base_score', 'double precision', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('grade_bands', 'text', (c) => c.notNull())
    .addColumn('vetoes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('assessment_schemes_region')
    .on('assessment_schemes')
    .columns(['region_id', 'year'])
    .execute();

  await db.schema
    .createTable('assessment_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('assessment_schemes.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('auto_kind', 'text')
    .addColumn('group_codes', 'text', (c) => c.notNull())
    .addColumn('unit_points', 'text', (c) => c.notNull())
    .addColumn('unit_targets', 'text', (c) => c.notNull())
    .addColumn('measure_unit', 'text', (c) => c.notNull())
    .addColumn('difficulty', 'double precision', (c) => c.notNull())
    .addColumn('cap', 'double precision')
    .addColumn('scoring_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('data_source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('assessment_indicators_scheme')
    .on('assessment_indicators')
    .columns(['scheme_id', 'code'])
    .unique()
    .execute();

  await db.schema
    .createTable('assessment_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('assessment_schemes.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('publicity_until', 'text')
    .addColumn('finalized_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('assessment_rounds_scheme')
    .on('assessment_rounds')
    .columns(['scheme_id', 'period'])
    .unique()
    .execute();

  await db.schema
    .createTable('assessment_sheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('assessment_sheets_round')
    .on('assessment_sheets')
    .columns(['round_id', 'unit_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('assessment_sheets.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('assessment_indicators.id'))
    .addColumn('actual', 'double precision')
    .addColumn('self_score', 'double precision')
    .addColumn('self_basis', 'text')
    .addColumn('first_score', 'double precision')
    .addColumn('first_basis', 'text')
    .addColumn('final_score', 'double precision')
    .addColumn('final_basis', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_scores_sheet')
    .on('assessment_scores')
    .columns(['sheet_id', 'indicator_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('assessment_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('veto_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('assessment_adjustments_round')
    .on('assessment_adjustments')
    .columns(['round_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('assessment_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('indicator_id', 'text', (c) => c.references('assessment_indicators.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('assessment_objections_round')
    .on('assessment_objections')
    .columns(['round_id'])
    .execute();

  await db.schema
    .createTable('assessment_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('assessment_indicators.id'))
    .addColumn('from_score', 'double precision')
    .addColumn('to_score', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_corrections_round')
    .on('assessment_corrections')
    .columns(['round_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assessment_corrections',
    'assessment_objections',
    'assessment_adjustments',
    'assessment_scores',
    'assessment_sheets',
    'assessment_rounds',
    'assessment_indicators',
    'assessment_schemes',
  ])
    await db.schema.dropTable(table).execute();
}
