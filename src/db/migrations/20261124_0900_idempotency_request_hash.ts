import type { Kysely } from 'kysely';

// Frozen. An Idempotency-Key remembers a hash of the request it answered, so the same key sent with another
// body is refused instead of replaying the first answer. Keys stored before this have none and replay as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('request_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').dropColumn('request_hash').execute();
}
