import type { Kysely } from 'kysely';

// Frozen. Meetings (会议) and their decisions (确定事项); directives (交办事项) made from a decision or a
// leader's instruction, with the lead unit's answer to each checkpoint (部署/行动/见效), the evidence files
// of those answers (stored by sha256 beside the reports' files), extension requests, and the notices the
// escalation job raises on a missed checkpoint.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('participant_unit_ids', 'text', (c) => c.notNull())
    .addColumn('participant_leaders', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('meetings_region').on('meetings').columns(['region_id', 'held_on']).execute();

  await db.schema
    .createTable('meeting_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('meeting_decisions_meeting')
    .on('meeting_decisions')
    .columns(['meeting_id', 'seq'])
    .execute();

  // Attachments of a meeting (the signed minutes, a scan of the 会议纪要), stored as evidence files are.
  await db.schema
    .createTable('meeting_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_files_meeting').on('meeting_files').columns(['meeting_id']).execute();

  await db.schema
    .createTable('directives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('meeting_decision_id', 'text', (c) => c.references('meeting_decisions.id'))
    .addColumn('instruction_id', 'text', (c) => c.references('instructions.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('extended_to', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('directives_region')
    .on('directives')
    .columns(['region_id', 'assigned_on'])
    .execute();
  await db.schema.createIndex('directives_lead_unit').on('directives').columns(['lead_unit_id']).execute();
  // One directive per decision and per instruction: turning it twice would track the same work twice.
  await db.schema
    .createIndex('directives_decision')
    .on('directives')
    .column('meeting_decision_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('directives_instruction')
    .on('directives')
    .column('instruction_id')
    .unique()
    .execute();

  await db.schema
    .createTable('directive_co_units')
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('directive_co_units_pk', ['directive_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('directive_co_units_unit')
    .on('directive_co_units')
    .columns(['unit_id'])
    .execute();

  await db.schema
    .createTable('directive_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directive_answers_checkpoint')
    .on('directive_answers')
    .columns(['directive_id', 'checkpoint'])
    .unique()
    .execute();

  await db.schema
    .createTable('directive_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directive_files_directive')
    .on('directive_files')
    .columns(['directive_id'])
    .execute();

  await db.schema
    .createTable('directive_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('new_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('directive_extensions_directive')
    .on('directive_extensions')
    .columns(['directive_id'])
    .execute();

  await db.schema
    .createTable('directive_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  // The job may run any number of times a day: a checkpoint is urged once.
  await db.schema
    .createIndex('directive_notices_checkpoint')
    .on('directive_notices')
    .columns(['directive_id', 'checkpoint'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'directive_notices',
    'directive_extensions',
    'directive_files',
    'directive_answers',
    'directive_co_units',
    'directives',
    'meeting_files',
    'meeting_decisions',
    'meetings',
  ])
    await db.schema.dropTable(table).execute();
}
