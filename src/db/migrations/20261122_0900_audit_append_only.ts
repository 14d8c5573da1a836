import { SqliteAdapter, sql, type Kysely } from 'kysely';

// Frozen. The audit log becomes append-only in the database itself: an UPDATE, DELETE (or, on PostgreSQL,
// TRUNCATE) of audit_events is refused whoever runs it, so rewriting history takes dropping a trigger first,
// a DDL right the application's role should not hold (SECURITY.md). The head row stays updatable: every
// append moves it. The head also records which key signs the chain from here on (null: unkeyed SHA-256),
// so an append knows when a key change must first be written into the chain.

const MESSAGE = 'audit_events is append-only';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('key_fingerprint', 'text').execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql
      .raw(
        `CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
         BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
         BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
      )
      .execute(db);
    return;
  }
  // Created in the current schema (the first on the search path), beside the table it guards.
  await sql
    .raw(
      `CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '${MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
       FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql.raw('DROP TRIGGER IF EXISTS audit_events_no_update').execute(db);
    await sql.raw('DROP TRIGGER IF EXISTS audit_events_no_delete').execute(db);
  } else {
    for (const name of ['audit_events_no_update', 'audit_events_no_delete', 'audit_events_no_truncate'])
      await sql.raw(`DROP TRIGGER IF EXISTS ${name} ON audit_events`).execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS audit_events_append_only()').execute(db);
  }
  await db.schema.alterTable('audit_head').dropColumn('key_fingerprint').execute();
}
