import type { Kysely } from 'kysely';

// Frozen. A session also ends when it goes unused for a while: it remembers when it was last used (written
// at most once a minute). Sessions opened before this have none and count from their login.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
}
