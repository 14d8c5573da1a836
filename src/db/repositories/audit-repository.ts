import type { Kysely } from 'kysely';
import type { AuditEventTable, Database } from '../schema.js';
import type { DialectName } from '../dialect.js';
import { compiledQuery } from '../compiled-query.js';
import { auditKeyring, chainHash, type AuditKeyring, type AuditKeys } from '../audit-key.js';

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

/** The chain's own event: from the next seq on, events are signed with the key of this fingerprint. */
export const KEY_ROTATED = 'audit.key_rotated';

/** An event as it is hashed: everything but its place in the chain. */
type EventRow = Omit<AuditEventTable, 'seq' | 'prev_hash' | 'hash'>;

function eventHash(key: string | null, prevHash: string, seq: number, e: EventRow): string {
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
  return chainHash(key, prevHash, canonical);
}

const readHead = compiledQuery(0, (db) =>
  db.selectFrom('audit_head').select(['seq', 'hash', 'key_fingerprint']).where('id', '=', 1),
);
// PostgreSQL: the head row is locked so concurrent writers queue. SQLite has one writer at a time anyway.
const readHeadForUpdate = compiledQuery(0, (db) =>
  db.selectFrom('audit_head').select(['seq', 'hash', 'key_fingerprint']).where('id', '=', 1).forUpdate(),
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
const setHeadKey = compiledQuery(1, (db, fingerprint: string | null) =>
  db.updateTable('audit_head').set({ key_fingerprint: fingerprint }).where('id', '=', 1),
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
  key_fingerprint: string | null;
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
  if (head) lockedHeads.set(trx, { ...head });
}

/** The key that signs events after `head`; refuses to write when this process lacks it. */
function signingKey(keyring: AuditKeyring, fingerprint: string | null): string | null {
  if (fingerprint === null) return null;
  const key = keyring.byFingerprint.get(fingerprint);
  if (key === undefined)
    throw new Error(
      `the audit chain is signed with key ${fingerprint}, which this process does not have: set TAIZHANG_AUDIT_KEY (or TAIZHANG_AUDIT_KEY_PREVIOUS while rotating)`,
    );
  return key;
}

/**
 * Appends one event to the hash chain. Must run inside the transaction of the write it records, so the
 * event and the write commit or roll back together. It runs on every write, so its queries are compiled once.
 * When the configured key differs from the one the chain is signed with, the change is written first as an
 * audit.key_rotated event signed with the old key, so a verifier learns from the chain which key applies where.
 */
export async function appendAuditEvent(
  trx: Kysely<Database>,
  dialect: DialectName,
  input: AuditEventInput,
): Promise<void> {
  const { head, locked } = await signedHead(trx, dialect, input.at);
  const row: EventRow = {
    region_id: input.regionId,
    account_id: input.accountId,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    data: JSON.stringify(input.data ?? null),
    at: input.at,
  };
  await appendRow(trx, locked, head, row, auditKeyring().current?.key ?? null);
}

/**
 * Writes a key change into the chain now rather than at the next write, so `verify-audit` with the new key
 * passes right after the server starts, and a key this process lacks is reported at start, not on a write.
 */
export async function recordAuditKey(trx: Kysely<Database>, dialect: DialectName, at: string): Promise<void> {
  await signedHead(trx, dialect, at);
}

/** Reads the head and, when the configured key is not the one signing the chain, records the rotation. */
async function signedHead(
  trx: Kysely<Database>,
  dialect: DialectName,
  at: string,
): Promise<{ head: Head; locked: Head | undefined }> {
  const locked = lockedHeads.get(trx);
  const [read] = locked ? [locked] : await (dialect === 'postgres' ? readHeadForUpdate(trx) : readHead(trx));
  const head: Head = read ?? { seq: 0, hash: GENESIS, key_fingerprint: null };
  // Databases migrated before the head row existed get it now, so every append below just moves it.
  if (read === undefined)
    await trx
      .insertInto('audit_head')
      .values({ id: 1, ...head })
      .execute();
  const keyring = auditKeyring();
  const wanted = keyring.current?.fingerprint ?? null;
  if (head.key_fingerprint !== wanted) {
    const rotation: EventRow = {
      region_id: null,
      account_id: null,
      action: KEY_ROTATED,
      entity: 'audit',
      entity_id: null,
      data: JSON.stringify({ fingerprint: wanted, previous: head.key_fingerprint }),
      at,
    };
    await appendRow(trx, locked, head, rotation, signingKey(keyring, head.key_fingerprint));
    await setHeadKey(trx, wanted);
    head.key_fingerprint = wanted;
  }
  return { head, locked };
}

/** Writes one row after `head` and moves the head row and `head` to it. */
async function appendRow(
  trx: Kysely<Database>,
  locked: Head | undefined,
  head: Head,
  row: EventRow,
  key: string | null,
): Promise<void> {
  const prevHash = head.hash;
  const seq = head.seq + 1;
  const hash = eventHash(key, prevHash, seq, row);
  const args = [
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
  ] as const;
  if (locked) {
    await appendAndMoveHead(trx, ...args);
  } else {
    await insertEvent(trx, ...args);
    await moveHead(trx, seq, hash);
  }
  // Under a PostgreSQL lock `head` is the locked copy itself, so later appends of the transaction follow on.
  head.seq = seq;
  head.hash = hash;
}

export type AuditBreak =
  'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch' | 'unknown_key' | 'not_current_key';

export interface AuditVerification {
  ok: boolean;
  events: number;
  /** unknown_key: the chain switches to a key given by `keyFingerprint` that the verifier was not given. */
  brokenAt?: { seq: number; reason: AuditBreak };
  keyFingerprint?: string;
}

export interface AuditWalk {
  verification: AuditVerification;
  /** The last verified event, to be written down outside the database and checked later (`--expect-head`). */
  head: { seq: number; hash: string };
  /** The hash of every event at a seq asked for, as found in the verified chain. */
  hashAt: Map<number, string>;
}

function rotationTarget(data: string): string | null | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null || !('fingerprint' in parsed)) return undefined;
    const fingerprint: unknown = parsed.fingerprint;
    return typeof fingerprint === 'string' || fingerprint === null ? fingerprint : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Walks the chain in pages; any edited, deleted or inserted row breaks it and is named by its seq. Events are
 * checked with the key the chain says applies at that point; with a current key configured, the chain must
 * end signed by it, so an unkeyed or old-key rewrite from any point does not verify.
 */
export async function walkAuditChain(
  db: Kysely<Database>,
  keys?: AuditKeys,
  seqsOfInterest: number[] = [],
): Promise<AuditWalk> {
  const keyring = auditKeyring(keys);
  const wanted = new Set(seqsOfInterest);
  const hashAt = new Map<number, string>();
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let fingerprint: string | null = null;
  let key: string | null = null;
  const pageSize = 2000;
  const result = (verification: AuditVerification): AuditWalk => ({
    verification,
    head: { seq: expectedSeq - 1, hash: prevHash },
    hashAt,
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const verified = expectedSeq - 1;
      if (row.seq !== expectedSeq)
        return result({ ok: false, events: verified, brokenAt: { seq: expectedSeq, reason: 'gap' } });
      if (row.prev_hash !== prevHash)
        return result({ ok: false, events: verified, brokenAt: { seq: row.seq, reason: 'link_mismatch' } });
      if (eventHash(key, prevHash, row.seq, row) !== row.hash)
        return result({ ok: false, events: verified, brokenAt: { seq: row.seq, reason: 'hash_mismatch' } });
      prevHash = row.hash;
      expectedSeq++;
      if (wanted.has(row.seq)) hashAt.set(row.seq, row.hash);
      if (row.action === KEY_ROTATED) {
        const next = rotationTarget(row.data);
        const nextKey = next == null ? null : keyring.byFingerprint.get(next);
        if (next === undefined || nextKey === undefined)
          return result({
            ok: false,
            events: row.seq,
            brokenAt: { seq: row.seq, reason: 'unknown_key' },
            ...(typeof next === 'string' && { keyFingerprint: next }),
          });
        fingerprint = next;
        key = nextKey;
      }
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'key_fingerprint'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const events = expectedSeq - 1;
  if (
    (head?.seq ?? 0) !== events ||
    (head && head.hash !== prevHash) ||
    (head?.key_fingerprint ?? null) !== fingerprint
  ) {
    return result({ ok: false, events, brokenAt: { seq: head?.seq ?? events, reason: 'head_mismatch' } });
  }
  if (events > 0 && keyring.current && fingerprint !== keyring.current.fingerprint)
    return result({ ok: false, events, brokenAt: { seq: events, reason: 'not_current_key' } });
  return result({ ok: true, events });
}

/** Verifies the chain with the given keys, by default the ones this process was configured with. */
export async function verifyAuditChain(db: Kysely<Database>, keys?: AuditKeys): Promise<AuditVerification> {
  return (await walkAuditChain(db, keys)).verification;
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

/**
 * The data version of one region: the seq of its last audit event, or of the last event of no region
 * (the chain's own, an operator's), whichever is later. A region's views change only with these, so a
 * cache tag made from it moves with the region's own writes and tells nothing of other regions'.
 * One statement, two seeks of the (region_id, seq) index. (SQLite's server reads it through a prepared
 * statement in connection.ts, of the same shape.)
 */
export async function regionDataVersion(db: Kysely<Database>, regionId: string): Promise<number> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('audit_events')
        .select((s) => s.fn.max('seq').as('seq'))
        .where('region_id', '=', regionId)
        .as('mine'),
      eb
        .selectFrom('audit_events')
        .select((s) => s.fn.max('seq').as('seq'))
        .where('region_id', 'is', null)
        .as('shared'),
    ])
    .executeTakeFirst();
  return Math.max(row?.mine ?? 0, row?.shared ?? 0);
}
