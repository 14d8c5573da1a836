import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DialectName } from '../dialect.js';
import { compiledQuery } from '../compiled-query.js';

export interface AuditEventInput {
  regionId: string | null;
  accountId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: unknown;
  at: string;
}

const GENESIS = '0'.repeat(64);

function eventHash(
  prevHash: string,
  seq: number,
  e: {
    region_id: string | null;
    account_id: string | null;
    action: string;
    entity: string;
    entity_id: string | null;
    data: string;
    at: string;
  },
): string {
  const canonical = JSON.stringify([
    seq,
    e.region_id,
    e.account_id,
    e.action,
    e.entity,
    e.entity_id,
    e.data,
    e.at,
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

const readHead = compiledQuery(0, (db) =>
  db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1),
);
// PostgreSQL: the head row is locked so concurrent writers queue. SQLite has one writer at a time anyway.
const readHeadForUpdate = compiledQuery(0, (db) =>
  db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate(),
);
const insertEvent = compiledQuery(
  10,
  (
    db,
    seq: number,
    regionId: string | null,
    accountId: string | null,
    action: string,
    entity: string,
    entityId: string | null,
    data: string,
    at: string,
    prevHash: string,
    hash: string,
  ) =>
    db.insertInto('audit_events').values({
      seq,
      region_id: regionId,
      account_id: accountId,
      action,
      entity,
      entity_id: entityId,
      data,
      at,
      prev_hash: prevHash,
      hash,
    }),
);
const moveHead = compiledQuery(2, (db, seq: number, hash: string) =>
  db.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1),
);

// PostgreSQL: the event and the head's move in one statement, one round trip fewer while the lock is held.
const appendAndMoveHead = compiledQuery(
  10,
  (
    db,
    seq: number,
    regionId: string | null,
    accountId: string | null,
    action: string,
    entity: string,
    entityId: string | null,
    data: string,
    at: string,
    prevHash: string,
    hash: string,
  ) =>
    db
      .with('moved', (q) => q.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1))
      .insertInto('audit_events')
      .values({
        seq,
        region_id: regionId,
        account_id: accountId,
        action,
        entity,
        entity_id: entityId,
        data,
        at,
        prev_hash: prevHash,
        hash,
      }),
);

interface Head {
  seq: number;
  hash: string;
}

/** The head as read under its lock, moved along by each append of the same PostgreSQL transaction. */
const lockedHeads = new WeakMap<Kysely<Database>, Head>();

/**
 * PostgreSQL only: takes the chain's head row lock for the rest of the transaction. Every write appends to
 * the chain, so taking it first makes writes run one after another, as SQLite's single writer does, and a
 * write that reads before it writes (the next task number, an open report for the period) cannot interleave.
 * The lock is held through the commit, so each query saved while holding it is throughput gained.
 */
export async function lockAuditChain(trx: Kysely<Database>): Promise<void> {
  const [head] = await readHeadForUpdate(trx);
  if (head) lockedHeads.set(trx, { seq: head.seq, hash: head.hash });
}

/**
 * Appends one event to the hash chain. Must run inside the transaction of the write it records, so the
 * event and the write commit or roll back together. It runs on every write, so its queries are compiled once.
 */
export async function appendAuditEvent(
  trx: Kysely<Database>,
  dialect: DialectName,
  input: AuditEventInput,
): Promise<void> {
  const locked = lockedHeads.get(trx);
  const [head] = locked ? [locked] : await (dialect === 'postgres' ? readHeadForUpdate(trx) : readHead(trx));
  const prevHash = head?.hash ?? GENESIS;
  const seq = (head?.seq ?? 0) + 1;
  const row = {
    region_id: input.regionId,
    account_id: input.accountId,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    data: JSON.stringify(input.data ?? null),
    at: input.at,
  };
  const hash = eventHash(prevHash, seq, row);
  if (locked) {
    await appendAndMoveHead(
      trx,
      seq,
      row.region_id,
      row.account_id,
      row.action,
      row.entity,
      row.entity_id,
      row.data,
      row.at,
      prevHash,
      hash,
    );
    locked.seq = seq;
    locked.hash = hash;
    return;
  }
  await insertEvent(
    trx,
    seq,
    row.region_id,
    row.account_id,
    row.action,
    row.entity,
    row.entity_id,
    row.data,
    row.at,
    prevHash,
    hash,
  );
  if (head) await moveHead(trx, seq, hash);
  else await trx.insertInto('audit_head').values({ id: 1, seq, hash }).execute();
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch' };
}

/** Walks the chain in pages; any edited, deleted or inserted row breaks it and is named by its seq. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  const pageSize = 2000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, events: expectedSeq - 1, brokenAt: { seq: expectedSeq, reason: 'gap' } };
      if (row.prev_hash !== prevHash)
        return { ok: false, events: expectedSeq - 1, brokenAt: { seq: row.seq, reason: 'link_mismatch' } };
      if (eventHash(prevHash, row.seq, row) !== row.hash)
        return { ok: false, events: expectedSeq - 1, brokenAt: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const events = expectedSeq - 1;
  if ((head?.seq ?? 0) !== events || (head && head.hash !== prevHash)) {
    return { ok: false, events, brokenAt: { seq: head?.seq ?? events, reason: 'head_mismatch' } };
  }
  return { ok: true, events };
}

export async function listAuditEvents(db: Kysely<Database>, entity: string, entityId: string, limit = 200) {
  return db
    .selectFrom('audit_events')
    .leftJoin('accounts', 'accounts.id', 'audit_events.account_id')
    .select([
      'audit_events.seq',
      'audit_events.account_id',
      'accounts.display_name as actor_name',
      'audit_events.action',
      'audit_events.data',
      'audit_events.at',
    ])
    .where('audit_events.entity', '=', entity)
    .where('audit_events.entity_id', '=', entityId)
    .orderBy('audit_events.seq', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Every write appends an audit event in its own transaction, so the head's seq changes exactly when the
 * data does: a version for response caches that holds across processes, read with one primary-key lookup.
 */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  return head?.seq ?? 0;
}
