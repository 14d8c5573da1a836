/**
 * What someone with full write access to the database (DDL included) can do to the audit log behind the
 * application's back: drop the append-only guards, then edit rows and recompute every later hash and the
 * head with plain SHA-256, as the chain was computed before it was keyed.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Storage } from '../../src/db/connection.js';

export async function dropAuditGuards(storage: Storage): Promise<void> {
  if (storage.dialect === 'sqlite') {
    await sql`DROP TRIGGER IF EXISTS audit_events_no_update`.execute(storage.db);
    await sql`DROP TRIGGER IF EXISTS audit_events_no_delete`.execute(storage.db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_events_no_update ON audit_events`.execute(storage.db);
    await sql`DROP TRIGGER IF EXISTS audit_events_no_delete ON audit_events`.execute(storage.db);
    await sql`DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events`.execute(storage.db);
  }
}

/** Recomputes every row's link and hash with plain SHA-256 (no key) and moves the head to the last row. */
export async function rehashWithoutKey(storage: Storage): Promise<void> {
  const rows = await storage.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  let prev = '0'.repeat(64);
  let seq = 0;
  for (const row of rows) {
    const canonical = JSON.stringify([
      row.seq,
      row.region_id,
      row.account_id,
      row.action,
      row.entity,
      row.entity_id,
      row.data,
      row.at,
    ]);
    const hash = createHash('sha256').update(prev).update(canonical).digest('hex');
    await sql`UPDATE audit_events SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${row.seq}`.execute(
      storage.db,
    );
    prev = hash;
    seq = row.seq;
  }
  await sql`UPDATE audit_head SET seq = ${seq}, hash = ${prev}, key_fingerprint = NULL WHERE id = 1`.execute(
    storage.db,
  );
}

/** Cuts the chain after `seq` and points the head at the new last row, as a careful forger would. */
export async function truncateAfter(storage: Storage, seq: number): Promise<void> {
  await sql`DELETE FROM audit_events WHERE seq > ${seq}`.execute(storage.db);
  const last = await storage.db
    .selectFrom('audit_events')
    .select('hash')
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  await sql`UPDATE audit_head SET seq = ${seq}, hash = ${last.hash} WHERE id = 1`.execute(storage.db);
}
