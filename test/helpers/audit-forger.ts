/**
 * What someone with full write access to the database (DDL included) can do to the audit log behind the
 * application's back: drop the append-only guards, then edit rows and recompute every later hash and the
 * heads with plain SHA-256, as the chains were computed before they were keyed.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Storage } from '../../src/db/connection.js';
import type { AuditEventRow } from '../../src/db/schema.js';

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

/** The link as the chain computes it before a key is configured: `place` is seq (legacy) or chain_seq. */
export function unkeyedHash(
  prev: string,
  place: number,
  row: Pick<AuditEventRow, 'region_id' | 'account_id' | 'action' | 'entity' | 'entity_id' | 'data' | 'at'>,
): string {
  const canonical = JSON.stringify([
    place,
    row.region_id,
    row.account_id,
    row.action,
    row.entity,
    row.entity_id,
    row.data,
    row.at,
  ]);
  return createHash('sha256').update(prev).update(canonical).digest('hex');
}

/**
 * Recomputes every row's link and hash with plain SHA-256 (no key), chain by chain, and moves every head
 * (the legacy chain's and each region's) to its chain's last row.
 */
export async function rehashWithoutKey(storage: Storage): Promise<void> {
  const legacy = await storage.db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain', 'is', null)
    .orderBy('seq')
    .execute();
  let prev = '0'.repeat(64);
  let seq = 0;
  for (const row of legacy) {
    const hash = unkeyedHash(prev, row.seq, row);
    await sql`UPDATE audit_events SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${row.seq}`.execute(
      storage.db,
    );
    prev = hash;
    seq = row.seq;
  }
  await sql`UPDATE audit_head SET seq = ${seq}, hash = ${prev}, key_fingerprint = NULL WHERE id = 1`.execute(
    storage.db,
  );
  const anchor = prev;
  const heads = await storage.db.selectFrom('audit_chain_heads').select('chain').execute();
  for (const { chain } of heads) {
    const rows = await storage.db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain', '=', chain)
      .orderBy('chain_seq')
      .execute();
    let link = anchor;
    let place = 0;
    for (const row of rows) {
      place = row.chain_seq!;
      const hash = unkeyedHash(link, place, row);
      await sql`UPDATE audit_events SET prev_hash = ${link}, hash = ${hash} WHERE seq = ${row.seq}`.execute(
        storage.db,
      );
      link = hash;
    }
    await sql`UPDATE audit_chain_heads SET seq = ${place}, hash = ${link}, key_fingerprint = NULL WHERE chain = ${chain}`.execute(
      storage.db,
    );
  }
}

/** Cuts every chain after event `seq` and points each head at its new last row, as a careful forger would. */
export async function truncateAfter(storage: Storage, seq: number): Promise<void> {
  await sql`DELETE FROM audit_events WHERE seq > ${seq}`.execute(storage.db);
  const legacyEnd = await storage.db
    .selectFrom('audit_head')
    .select('hash')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const heads = await storage.db.selectFrom('audit_chain_heads').select('chain').execute();
  for (const { chain } of heads) {
    const last = await storage.db
      .selectFrom('audit_events')
      .select(['chain_seq', 'hash'])
      .where('chain', '=', chain)
      .orderBy('chain_seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    await sql`UPDATE audit_chain_heads SET seq = ${last?.chain_seq ?? 0}, hash = ${last?.hash ?? legacyEnd.hash} WHERE chain = ${chain}`.execute(
      storage.db,
    );
  }
}
