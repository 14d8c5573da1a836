import { sql, type Kysely } from 'kysely';

// Frozen. The audit chain's head row exists from the start. Before, the first write created it, and on
// PostgreSQL two first writes at once both found no row to lock, took the same seq, and one failed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)}) on conflict (id) do nothing`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  // The row is harmless under the earlier code, which updates it when present.
}
