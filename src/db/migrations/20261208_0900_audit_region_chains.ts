import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. One hash chain per region (and one, chain '', for events of no region) instead of one for the whole
// installation, so writes of different regions no longer queue on one lock. Existing events are left exactly
// as they are: they form the legacy chain, verified as before and ended by the audit_head row, which no
// longer moves. Every new chain starts from that row's hash and key, so it is anchored to the whole history.
// `seq` stays the event's id across chains (SQLite's rowid; a sequence on PostgreSQL, taken without a lock).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('chain', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('chain_seq', 'integer').execute();
  await db.schema
    .createIndex('audit_events_chain_seq')
    .on('audit_events')
    .columns(['chain', 'chain_seq'])
    .unique()
    .execute();
  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text')
    .execute();
  await sql`insert into audit_chain_heads (chain, seq, hash, key_fingerprint)
            select '', 0, hash, key_fingerprint from audit_head where id = 1`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create sequence audit_events_seq_seq owned by audit_events.seq`.execute(db);
    await sql`select setval('audit_events_seq_seq', coalesce(max(seq), 0) + 1, false) from audit_events`.execute(
      db,
    );
    await sql`alter table audit_events alter column seq set default nextval('audit_events_seq_seq')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table audit_events alter column seq drop default`.execute(db);
    await sql`drop sequence if exists audit_events_seq_seq`.execute(db);
  }
  await db.schema.dropTable('audit_chain_heads').execute();
  await db.schema.dropIndex('audit_events_chain_seq').execute();
  await db.schema.alterTable('audit_events').dropColumn('chain_seq').execute();
  await db.schema.alterTable('audit_events').dropColumn('chain').execute();
}
