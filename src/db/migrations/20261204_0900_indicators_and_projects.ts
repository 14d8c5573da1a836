import type { Kysely } from 'kysely';

// Frozen. Indicators get their responsible unit and how their values come (monthly/quarterly/yearly,
// year-to-date or per period); a value is first the unit's figure (reported), then the office's
// (confirmed), and when the statistics bureau's figure replaces the unit's estimate the estimate stays.
// Key projects (重点项目) get their record, stage moves, roadmap, monthly reports and the problems those raise.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('targets')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .execute();
  await db.schema
    .alterTable('targets')
    .addColumn('cadence', 'text', (c) => c.notNull().defaultTo('monthly'))
    .execute();
  await db.schema
    .alterTable('targets')
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Values recorded before are the office's own: they stay confirmed.
  await db.schema
    .alterTable('measurements')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('confirmed'))
    .execute();
  await db.schema.alterTable('measurements').addColumn('estimate', 'double precision').execute();
  await db.schema.alterTable('measurements').addColumn('reported_by', 'text').execute();
  await db.schema.alterTable('measurements').addColumn('reported_at', 'text').execute();
  await db.schema.alterTable('measurements').addColumn('confirmed_by', 'text').execute();
  await db.schema.alterTable('measurements').addColumn('confirmed_at', 'text').execute();
  await db.schema
    .createIndex('measurements_region_period')
    .on('measurements')
    .columns(['region_id', 'period'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('parent_id', 'text', (c) => c.references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('industry', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('town', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('park', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_year', 'integer')
    .addColumn('end_year', 'integer')
    .addColumn('planned_start', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('total_investment', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('funding', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plan_year', 'integer', (c) => c.notNull())
    .addColumn('year_plan', 'double precision')
    .addColumn('year_goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('in_statistics', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('leader', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('lead_contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_company', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('invested_before', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('projects_region').on('projects').columns(['region_id', 'stage']).execute();

  await db.schema
    .createTable('project_stage_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('moved_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_stage_moves_region')
    .on('project_stage_moves')
    .columns(['region_id', 'moved_on'])
    .execute();
  await db.schema
    .createIndex('project_stage_moves_project')
    .on('project_stage_moves')
    .columns(['project_id'])
    .execute();

  await db.schema
    .createTable('project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('done_date', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('project_milestones_region')
    .on('project_milestones')
    .columns(['region_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('investment', 'double precision', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('coordination', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addUniqueConstraint('project_reports_project_month', ['project_id', 'month'])
    .execute();
  // The list sums a year of months per project of a region: the index covers that sum.
  await db.schema
    .createIndex('project_reports_region_month')
    .on('project_reports')
    .columns(['region_id', 'month', 'project_id', 'investment'])
    .execute();

  await db.schema
    .createTable('project_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('project_reports.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('project_problems_project')
    .on('project_problems')
    .columns(['project_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'project_problems',
    'project_reports',
    'project_milestones',
    'project_stage_moves',
    'projects',
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('measurements_region_period').execute();
  for (const column of ['confirmed_at', 'confirmed_by', 'reported_at', 'reported_by', 'estimate', 'status'])
    await db.schema.alterTable('measurements').dropColumn(column).execute();
  for (const column of ['cumulative', 'cadence', 'unit_id'])
    await db.schema.alterTable('targets').dropColumn(column).execute();
}
