import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DialectName } from '../dialect.js';
import { compiledQuery } from '../compiled-query.js';
import { ChainLockAnswer } from '../ahead.js';
import { GroupAborted } from '../group-transaction.js';
import { auditKeyring, type AuditKeyring } from '../audit-key.js';
import { chainOf, eventHash, KEY_ROTATED, type EventRow } from '../audit-chain.js';

export { KEY_ROTATED, INSTALLATION_CHAIN, chainOf } from '../audit-chain.js';
export {
  walkAuditChain,
  verifyAuditChain,
  type AuditBreak,
  type AuditVerification,
  type AuditWalk,
} from './audit-walk.js';

export interface AuditEventInput {
  regionId: string | null;
  accountId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: unknown;
  at: string;
}

interface Head {
  seq: number;
  hash: string;
  key_fingerprint: string | null;
}

const readHead = compiledQuery(1, (db, chain: string) =>
  db.selectFrom('audit_chain_heads').select(['seq', 'hash', 'key_fingerprint']).where('chain', '=', chain),
);
// PostgreSQL: the chain's head row is locked so concurrent writers of that region queue; other regions do not.
const readHeadForUpdate = compiledQuery(1, (db, chain: string) =>
  db
    .selectFrom('audit_chain_heads')
    .select(['seq', 'hash', 'key_fingerprint'])
    .where('chain', '=', chain)
    .forUpdate(),
);
/** As readHeadForUpdate, but no row when another transaction holds the lock: a shared transaction never waits. */
const tryReadHeadForUpdate = compiledQuery(1, (db, chain: string) =>
  db
    .selectFrom('audit_chain_heads')
    .select(['seq', 'hash', 'key_fingerprint'])
    .where('chain', '=', chain)
    .forUpdate()
    .skipLocked(),
);
// A region's first event starts its chain where the legacy chain ends (its hash and key), so every chain is
// anchored to the whole history. Two first writes at once: the second waits for the first and inserts nothing.
const startChain = compiledQuery(1, (db, chain: string) =>
  db
    .insertInto('audit_chain_heads')
    .columns(['chain', 'seq', 'hash', 'key_fingerprint'])
    .expression((eb) =>
      eb
        .selectFrom('audit_head')
        .select((s) => [s.val(chain).as('chain'), s.lit(0).as('seq'), 'hash', 'key_fingerprint'])
        .where('id', '=', 1),
    )
    .onConflict((oc) => oc.column('chain').doNothing()),
);
// One event's columns, in the order appendRow passes them to either statement below.
type EventArgs = [
  chain: string,
  chainSeq: number,
  regionId: string | null,
  accountId: string | null,
  action: string,
  entity: string,
  entityId: string | null,
  data: string,
  at: string,
  prevHash: string,
  hash: string,
];

function eventValues(
  ...[chain, chainSeq, regionId, accountId, action, entity, entityId, data, at, prevHash, hash]: EventArgs
) {
  return {
    chain,
    chain_seq: chainSeq,
    region_id: regionId,
    account_id: accountId,
    action,
    entity,
    entity_id: entityId,
    data,
    at,
    prev_hash: prevHash,
    hash,
  };
}

const insertEvent = compiledQuery(11, (db, ...args: EventArgs) =>
  db.insertInto('audit_events').values(eventValues(...args)),
);
const moveHead = compiledQuery(3, (db, chain: string, seq: number, hash: string) =>
  db.updateTable('audit_chain_heads').set({ seq, hash }).where('chain', '=', chain),
);
const setHeadKey = compiledQuery(2, (db, chain: string, fingerprint: string | null) =>
  db.updateTable('audit_chain_heads').set({ key_fingerprint: fingerprint }).where('chain', '=', chain),
);

// PostgreSQL: the event and the head's move in one statement, one round trip fewer while the lock is held.
const appendAndMoveHead = compiledQuery(11, (db, ...args: EventArgs) => {
  const [chain, chainSeq, , , , , , , , , hash] = args;
  return db
    .with('moved', (q) =>
      q.updateTable('audit_chain_heads').set({ seq: chainSeq, hash }).where('chain', '=', chain),
    )
    .insertInto('audit_events')
    .values(eventValues(...args));
});

/** PostgreSQL: the heads a transaction holds locked (or is locking), moved along by each of its appends. */
const lockedHeads = new WeakMap<Kysely<Database>, Map<string, Promise<Head>>>();
/**
 * Per database (its adapter, which its transactions share), the chains whose head row this process has read:
 * a head row is never deleted, so the lock of such a chain can be sent ahead.
 */
const knownChains = new WeakMap<object, Set<string>>();

function knownChainsOf(trx: Kysely<Database>): Set<string> {
  const adapter = trx.getExecutor().adapter;
  let known = knownChains.get(adapter);
  if (known === undefined) {
    known = new Set();
    knownChains.set(adapter, known);
  }
  return known;
}

/** The chain's head, and whether this transaction started the chain (its head row is then not committed yet). */
async function headOf(
  trx: Kysely<Database>,
  chain: string,
  forUpdate: boolean,
): Promise<Head & { started?: true }> {
  const read = forUpdate ? readHeadForUpdate : readHead;
  const [found] = await read(trx, chain);
  if (found) return found;
  await startChain(trx, chain);
  const [started] = await read(trx, chain);
  if (!started) throw new Error('audit_head is missing: the database was not migrated');
  return { ...started, started: true };
}

function heldBy(trx: Kysely<Database>): Map<string, Promise<Head>> {
  let held = lockedHeads.get(trx);
  if (held === undefined) {
    held = new Map();
    lockedHeads.set(trx, held);
  }
  return held;
}

/** PostgreSQL: the locked head of `chain` in this transaction, locking it now if not yet held. */
function lockedHead(trx: Kysely<Database>, chain: string): Promise<Head> {
  const held = heldBy(trx);
  let head = held.get(chain);
  if (head === undefined) {
    head = headOf(trx, chain, true).then(({ started, ...found }) => {
      // A head row this transaction inserted is gone if it rolls back: the chain is known once seen committed.
      if (!started) knownChainsOf(trx).add(chain);
      return found;
    });
    held.set(chain, head);
  }
  return head;
}

/**
 * PostgreSQL only: takes the row lock of the region's chain head (`null`: the installation's chain) for the
 * rest of the transaction. Writes of one region then run one after another, as SQLite's single writer does,
 * so a write that reads before it writes (the next task number, an open report for the period) cannot
 * interleave with another of its region; writes of other regions take other locks and do not wait.
 * The lock is held through the commit, so each query saved while holding it is throughput gained.
 * An appended event of another chain locks that chain when appended. Region accounts append only to their
 * region's chain, and whoever appends to the installation's chain locks it first (the system, operators),
 * so locks are always taken in the order installation → region and two writes cannot deadlock.
 */
export async function lockAuditChain(
  trx: Kysely<Database>,
  regionId: string | null,
  /** The lock is the write's first statement, and the write may share a transaction (GroupTransaction). */
  shared = false,
): Promise<void> {
  const chain = chainOf(regionId);
  const held = heldBy(trx);
  if (held.has(chain)) return;
  // Finding no row locks nothing, so a chain that may not have its head yet is locked and waited for. Such a
  // write runs alone: a shared transaction rolled back would take the new head row with it.
  if (!knownChainsOf(trx).has(chain)) {
    await lockedHead(trx, chain);
    return;
  }
  // Sent ahead: the statements after it leave with it, and run once it holds the lock. In a shared transaction
  // a chain held by another finds no row instead of waiting (which would hold up every write sharing it): the
  // write then runs again alone, having written nothing (see GroupTransaction).
  const { answer } = shared
    ? await tryReadHeadForUpdate.aheadInto(new ChainLockAnswer(chain), trx, chain)
    : await readHeadForUpdate.ahead(trx, chain);
  const head = answer.then(([found]) => {
    if (!found && shared) throw new GroupAborted();
    if (!found) throw new Error(`the head of audit chain '${chain}' is gone`);
    return { ...found };
  });
  head.catch(() => undefined);
  held.set(chain, head);
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
 * Appends one event to its region's hash chain. Must run inside the transaction of the write it records, so
 * the event and the write commit or roll back together. It runs on every write, so its queries are compiled
 * once. When the configured key differs from the one the chain is signed with, the change is written first as
 * an audit.key_rotated event signed with the old key, so a verifier learns from the chain which key applies where.
 */
export async function appendAuditEvent(
  trx: Kysely<Database>,
  dialect: DialectName,
  input: AuditEventInput,
): Promise<void> {
  const chain = chainOf(input.regionId);
  const { head, locked } = await signedHead(trx, dialect, chain, input.at);
  const row: EventRow = {
    region_id: input.regionId,
    account_id: input.accountId,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    data: JSON.stringify(input.data ?? null),
    at: input.at,
  };
  await appendRow(trx, locked, chain, head, row, signingKey(auditKeyring(), head.key_fingerprint));
}

/**
 * Writes a key change into every chain now rather than at each chain's next write, so `verify-audit` with the
 * new key passes right after the server starts, and a key this process lacks is reported at start, not on a write.
 */
export async function recordAuditKey(trx: Kysely<Database>, dialect: DialectName, at: string): Promise<void> {
  const chains = await trx.selectFrom('audit_chain_heads').select('chain').orderBy('chain').execute();
  for (const { chain } of chains) await signedHead(trx, dialect, chain, at);
}

/** Reads the chain's head and, when the configured key is not the one signing it, records the rotation. */
async function signedHead(
  trx: Kysely<Database>,
  dialect: DialectName,
  chain: string,
  at: string,
): Promise<{ head: Head; locked: boolean }> {
  const locked = dialect === 'postgres';
  const head = await (locked ? lockedHead(trx, chain) : headOf(trx, chain, false));
  const keyring = auditKeyring();
  const wanted = keyring.current?.fingerprint ?? null;
  if (head.key_fingerprint !== wanted) {
    const rotation: EventRow = {
      region_id: chain === '' ? null : chain,
      account_id: null,
      action: KEY_ROTATED,
      entity: 'audit',
      entity_id: null,
      data: JSON.stringify({ fingerprint: wanted, previous: head.key_fingerprint }),
      at,
    };
    await appendRow(trx, locked, chain, head, rotation, signingKey(keyring, head.key_fingerprint));
    await setHeadKey(trx, chain, wanted);
    head.key_fingerprint = wanted;
  }
  return { head, locked };
}

/** Writes one row after `head` and moves the head row and `head` to it. */
async function appendRow(
  trx: Kysely<Database>,
  locked: boolean,
  chain: string,
  head: Head,
  row: EventRow,
  key: string | null,
): Promise<void> {
  const prevHash = head.hash;
  const seq = head.seq + 1;
  const hash = eventHash(key, prevHash, seq, row);
  const args: EventArgs = [
    chain,
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
  ];
  if (locked) {
    // Nothing waits on its answer: it leaves with what follows (the commit, for most writes).
    await appendAndMoveHead.ahead(trx, ...args);
  } else {
    await insertEvent(trx, ...args);
    await moveHead(trx, chain, seq, hash);
  }
  // Under a PostgreSQL lock `head` is the locked copy itself, so later appends of the transaction follow on.
  head.seq = seq;
  head.hash = hash;
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
 * A version of the whole installation's data for response caches: the sum of every chain's length, which
 * grows with every committed event (per-chain lengths only grow), read from the small heads table.
 */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('audit_chain_heads')
    .select((s) => s.fn.sum<number | null>('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/*
 * The data version of one region: the length of its chain plus that of the installation's chain. A region's
 * views change only with these, so a cache tag made from it moves with the region's own writes and tells
 * nothing of other regions'. (SQLite's server reads it through a prepared statement in connection.ts, of the
 * same shape.) On PostgreSQL the versions asked for together are read together (version-batch.ts): the heads
 * of the chains given, as one array parameter, so batches of any size share one prepared statement.
 */
const chainLengths = compiledQuery(1, (db, chains: readonly string[]) =>
  db
    .selectFrom('audit_chain_heads')
    .select(['chain', 'seq'])
    .where(sql<boolean>`chain = any(${chains}::text[])`),
);

/** Where each region's chain and the installation's stand, for many regions in one query. */
export async function chainHeadsOfRegions(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<Map<string, ChainHeads>> {
  if (regionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('audit_chain_heads')
    .select(['chain', 'seq'])
    .where('chain', 'in', [...regionIds, ''])
    .execute();
  return headsFrom(rows, regionIds);
}

/** Each region's heads from the rows of the chains' heads (the installation's chain is named ''). */
function headsFrom(
  rows: readonly { chain: string; seq: number }[],
  regionIds: readonly string[],
): Map<string, ChainHeads> {
  const seqs = new Map(rows.map((h) => [h.chain, h.seq]));
  const installation = seqs.get('') ?? 0;
  return new Map(regionIds.map((id) => [id, { region: seqs.get(id) ?? 0, installation }]));
}

/** PostgreSQL: each region's data version for many regions in one query. */
export async function regionDataVersions(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<Map<string, number>> {
  const heads = headsFrom(await chainLengths(db, [...regionIds, '']), regionIds);
  return new Map(regionIds.map((id) => [id, heads.get(id)!.region + heads.get(id)!.installation]));
}

/**
 * The data version of a view over several regions (a roll-up over the regions below): the length of their
 * chains and the installation's together. It grows with a write in any of them, and only then.
 */
export async function regionsDataVersion(
  db: Kysely<Database>,
  regionIds: readonly string[],
): Promise<number> {
  const row = await db
    .selectFrom('audit_chain_heads')
    .select((s) => s.fn.sum<number | string | null>('seq').as('seq'))
    .where('chain', 'in', [...regionIds, ''])
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Where a region's chain and the installation's stand: the data version of its views, in two parts. */
export interface ChainHeads {
  region: number;
  installation: number;
}

const headsOf = compiledQuery(1, (db, regionId: string) =>
  db.selectFrom('audit_chain_heads').select(['chain', 'seq']).where('chain', 'in', [regionId, '']),
);

export async function chainHeadsOf(db: Kysely<Database>, regionId: string): Promise<ChainHeads> {
  const rows = await headsOf(db, regionId);
  return {
    region: rows.find((r) => r.chain === regionId)?.seq ?? 0,
    installation: rows.find((r) => r.chain === '')?.seq ?? 0,
  };
}

/** What one event of a region's chain changed: the kind of thing, which one, and how. */
export interface ChangedEntity {
  action: string;
  entity: string;
  entity_id: string | null;
}

/**
 * The events of a region's chain after place `after`, oldest first, at most `limit` of them: what changed in
 * the region since a view was built at that place (every write appends one in its own transaction).
 */
export function changesSince(
  db: Kysely<Database>,
  regionId: string,
  after: number,
  limit: number,
): Promise<ChangedEntity[]> {
  return eventsAfter(db, regionId, after, limit);
}

// Read after every write to a kept region: built and compiled once.
const eventsAfter = compiledQuery(3, (db, regionId: string, after: number, limit: number) =>
  db
    .selectFrom('audit_events')
    .select(['action', 'entity', 'entity_id'])
    .where('chain', '=', regionId)
    .where('region_id', '=', regionId)
    .where('chain_seq', '>', after)
    .orderBy('chain_seq')
    .limit(limit),
);
