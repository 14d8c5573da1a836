import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** What an earlier request with this key answered, if the caller sent one. */
export function findIdempotentResponse(db: Kysely<Database>, accountId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function saveIdempotentResponse(
  db: Kysely<Database>,
  row: {
    region_id: string;
    account_id: string;
    key: string;
    route: string;
    status_code: number;
    body: string;
    created_at: string;
    request_hash: string;
  },
): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}
