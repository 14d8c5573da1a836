import { SqliteAdapter, sql, type Kysely } from 'kysely';

// Frozen. What the status rule reads of a task's reports — its latest period received by the office, its latest
// accepted and submitted progress, whether an accepted report claims completion — kept in one row per task by
// the database itself, so today's ledger, battle map and roll-ups read one row per task instead of four index
// seeks into the reports. Triggers keep it on every write to reports, whichever code (or hand) makes it; only
// the period owed now is still sought in the reports, as it moves with the calendar.

const RECEIVED = `('submitted', 'accepted')`;

/** The digest columns of one task, read from its reports, in the order of DIGEST_COLUMNS. */
function digestOf(task: string): string {
  return `(SELECT period FROM reports WHERE task_id = ${task} AND status IN ${RECEIVED} ORDER BY period DESC LIMIT 1),
    (SELECT progress FROM reports WHERE task_id = ${task} AND status = 'accepted' ORDER BY updated_at DESC LIMIT 1),
    (SELECT progress FROM reports WHERE task_id = ${task} AND status = 'submitted' ORDER BY updated_at DESC LIMIT 1),
    CASE WHEN EXISTS (SELECT 1 FROM reports WHERE task_id = ${task} AND claims_completion = 1
      AND status = 'accepted') THEN 1 ELSE 0 END`;
}
const DIGEST_COLUMNS = 'last_period, accepted_progress, submitted_progress, completed';

// Only a report the office has received (or had) changes a digest: drafts and reports still with their unit's
// head, most of a unit's writes, leave it alone and pay nothing.
const WAS_RECEIVED = `OLD.status IN ${RECEIVED}`;
const IS_RECEIVED = `NEW.status IN ${RECEIVED}`;

async function createSqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const refresh = (task: string, region: string, when = '') =>
    `INSERT OR REPLACE INTO task_report_digests (task_id, region_id, ${DIGEST_COLUMNS})
     SELECT ${task}, ${region}, ${digestOf(task)} ${when};`;
  await sql
    .raw(
      `CREATE TRIGGER reports_digest_insert AFTER INSERT ON reports WHEN ${IS_RECEIVED}
       BEGIN ${refresh('NEW.task_id', 'NEW.region_id')} END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER reports_digest_update AFTER UPDATE ON reports WHEN ${WAS_RECEIVED} OR ${IS_RECEIVED} BEGIN
       ${refresh('OLD.task_id', 'OLD.region_id', 'WHERE OLD.task_id <> NEW.task_id')}
       ${refresh('NEW.task_id', 'NEW.region_id')} END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER reports_digest_delete AFTER DELETE ON reports WHEN ${WAS_RECEIVED}
       BEGIN ${refresh('OLD.task_id', 'OLD.region_id')} END`,
    )
    .execute(db);
}

async function createPostgresTriggers(db: Kysely<unknown>): Promise<void> {
  // The row is locked before it is read again, so two writers of one task's reports (the region's audit lock
  // already queues a region's writes; this also holds for a write outside one) refresh it one after the other,
  // the second seeing the first's commit: each statement of a function reads a fresh snapshot.
  await sql
    .raw(
      `CREATE FUNCTION task_report_digest_refresh(task text, region text) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO task_report_digests (task_id, region_id) VALUES (task, region) ON CONFLICT (task_id) DO NOTHING;
         PERFORM 1 FROM task_report_digests WHERE task_id = task FOR UPDATE;
         UPDATE task_report_digests SET (${DIGEST_COLUMNS}) = (SELECT ${digestOf('task')}) WHERE task_id = task;
       END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE FUNCTION reports_digest_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN PERFORM task_report_digest_refresh(OLD.task_id, OLD.region_id); END IF;
         IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.task_id <> OLD.task_id) THEN
           PERFORM task_report_digest_refresh(NEW.task_id, NEW.region_id);
         END IF;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  // A trigger's condition may name NEW only on insert and OLD only on delete: one trigger for each.
  for (const [name, event, when] of [
    ['reports_digest_insert', 'INSERT', IS_RECEIVED],
    ['reports_digest_update', 'UPDATE', `${WAS_RECEIVED} OR ${IS_RECEIVED}`],
    ['reports_digest_delete', 'DELETE', WAS_RECEIVED],
  ])
    await sql
      .raw(
        `CREATE TRIGGER ${name} AFTER ${event} ON reports FOR EACH ROW WHEN (${when})
         EXECUTE FUNCTION reports_digest_refresh()`,
      )
      .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_report_digests')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('last_period', 'text')
    .addColumn('accepted_progress', 'integer')
    .addColumn('submitted_progress', 'integer')
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql
    .raw(
      `INSERT INTO task_report_digests (task_id, region_id, ${DIGEST_COLUMNS})
       SELECT t.id, t.region_id, ${digestOf('t.id')} FROM tasks t
       WHERE EXISTS (SELECT 1 FROM reports r WHERE r.task_id = t.id)`,
    )
    .execute(db);
  if (db.getExecutor().adapter instanceof SqliteAdapter) await createSqliteTriggers(db);
  else await createPostgresTriggers(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const name of ['reports_digest_insert', 'reports_digest_update', 'reports_digest_delete'])
    await sql.raw(`DROP TRIGGER IF EXISTS ${name}${sqlite ? '' : ' ON reports'}`).execute(db);
  if (!sqlite) {
    await sql.raw('DROP FUNCTION IF EXISTS reports_digest_refresh()').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS task_report_digest_refresh(text, text)').execute(db);
  }
  await db.schema.dropTable('task_report_digests').execute();
}
