import type { Kysely } from 'kysely';
import type { AuditEventRow, Database } from '../schema.js';
import { auditKeyring, type AuditKeyring, type AuditKeys } from '../audit-key.js';
import { chainOf, eventHash, GENESIS, KEY_ROTATED, rotationTarget } from '../audit-chain.js';

export type AuditBreak =
  'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch' | 'unknown_key' | 'not_current_key';

export interface AuditVerification {
  ok: boolean;
  /** Events verified, over every chain walked (the legacy chain first, then each region's). */
  events: number;
  /**
   * The first break: `seq` names the event (its id across chains; for a gap, the place that is missing),
   * `regionId` its chain (null: the installation's; absent: the legacy chain) and `chainSeq` its place there.
   * unknown_key: the chain switches to a key given by `keyFingerprint` that the verifier was not given.
   */
  brokenAt?: { seq: number; reason: AuditBreak; regionId?: string | null; chainSeq?: number };
  keyFingerprint?: string;
}

export interface AuditWalk {
  verification: AuditVerification;
  /** The last event of each non-empty chain, to be written down outside the database and checked later (`--expect-head`). */
  heads: { regionId: string | null | undefined; seq: number; hash: string }[];
  /** The hash of every event at a seq asked for, as found in a verified chain. */
  hashAt: Map<number, string>;
}

interface KeyState {
  fingerprint: string | null;
  key: string | null;
}

interface ChainEnd {
  place: number;
  hash: string;
  seq: number;
  keys: KeyState;
}

type Break = Required<Pick<AuditVerification, 'brokenAt'>> & Pick<AuditVerification, 'keyFingerprint'>;

const PAGE = 2000;

/** Where a chain is: the legacy chain (seq order, chain null) or one region's (chain_seq order). */
interface ChainRef {
  chain: string | null;
  regionId: string | null | undefined;
}

async function page(db: Kysely<Database>, ref: ChainRef, after: number): Promise<AuditEventRow[]> {
  if (ref.chain === null)
    return db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain', 'is', null)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain', '=', ref.chain)
    .where('chain_seq', '>', after)
    .orderBy('chain_seq')
    .limit(PAGE)
    .execute();
}

/**
 * Walks one chain from `start`, checking each link, hash and place. Returns where it ended, or the break.
 * Events are checked with the key the chain says applies at that point.
 */
async function walkOne(
  db: Kysely<Database>,
  ref: ChainRef,
  start: ChainEnd,
  keyring: AuditKeyring,
  wanted: Set<number>,
  hashAt: Map<number, string>,
  counted: { events: number },
): Promise<ChainEnd | Break> {
  const end: ChainEnd = { ...start, keys: { ...start.keys } };
  const at = (row: { seq: number } | null, reason: AuditBreak, place: number): Break => ({
    brokenAt: {
      seq: row?.seq ?? place,
      reason,
      ...(ref.chain !== null && { regionId: ref.regionId ?? null, chainSeq: place }),
    },
  });
  for (;;) {
    const rows = await page(db, ref, end.place);
    for (const row of rows) {
      const place = ref.chain === null ? row.seq : (row.chain_seq ?? 0);
      if (place !== end.place + 1) return at(ref.chain === null ? null : row, 'gap', end.place + 1);
      if (row.prev_hash !== end.hash) return at(row, 'link_mismatch', place);
      const moved = ref.chain !== null && chainOf(row.region_id) !== ref.chain;
      if (moved || eventHash(end.keys.key, end.hash, place, row) !== row.hash)
        return at(row, 'hash_mismatch', place);
      end.place = place;
      end.hash = row.hash;
      end.seq = row.seq;
      counted.events++;
      if (wanted.has(row.seq)) hashAt.set(row.seq, row.hash);
      if (row.action === KEY_ROTATED) {
        const next = rotationTarget(row.data);
        const nextKey = next == null ? null : keyring.byFingerprint.get(next);
        if (next === undefined || nextKey === undefined)
          return {
            ...at(row, 'unknown_key', place),
            ...(typeof next === 'string' && { keyFingerprint: next }),
          };
        end.keys = { fingerprint: next, key: nextKey };
      }
    }
    if (rows.length < PAGE) return end;
  }
}

function isBreak(x: ChainEnd | Break): x is Break {
  return 'brokenAt' in x;
}

/**
 * Walks every chain: the legacy chain (the whole installation's, before per-region chains), ended by the
 * audit_head row, then each region's chain (and the installation's, ''), each starting where the legacy chain
 * ends and ended by its row in audit_chain_heads. Any edited, deleted, inserted or moved row breaks its chain
 * and is named by its seq and region. With a current key configured, every chain must end signed by it, so
 * an unkeyed or old-key rewrite from any point does not verify.
 */
export async function walkAuditChain(
  db: Kysely<Database>,
  keys?: AuditKeys,
  seqsOfInterest: number[] = [],
): Promise<AuditWalk> {
  const keyring = auditKeyring(keys);
  const wanted = new Set(seqsOfInterest);
  const hashAt = new Map<number, string>();
  const counted = { events: 0 };
  const heads: AuditWalk['heads'] = [];
  const fail = (b: Break): AuditWalk => ({
    verification: { ok: false, events: counted.events, ...b },
    heads,
    hashAt,
  });

  const origin: ChainEnd = { place: 0, hash: GENESIS, seq: 0, keys: { fingerprint: null, key: null } };
  const legacy = await walkOne(
    db,
    { chain: null, regionId: undefined },
    origin,
    keyring,
    wanted,
    hashAt,
    counted,
  );
  if (isBreak(legacy)) return fail(legacy);
  const legacyHead = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'key_fingerprint'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (
    (legacyHead?.seq ?? 0) !== legacy.place ||
    (legacyHead?.hash ?? GENESIS) !== legacy.hash ||
    (legacyHead?.key_fingerprint ?? null) !== legacy.keys.fingerprint
  )
    return fail({ brokenAt: { seq: legacyHead?.seq ?? legacy.place, reason: 'head_mismatch' } });
  if (legacy.place > 0) heads.push({ regionId: undefined, seq: legacy.seq, hash: legacy.hash });
  const anchor: ChainEnd = { ...legacy, place: 0, seq: 0 };

  const headRows = await db.selectFrom('audit_chain_heads').selectAll().orderBy('chain').execute();
  const seen = await db
    .selectFrom('audit_events')
    .select('chain')
    .distinct()
    .where('chain', 'is not', null)
    .execute();
  const byChain = new Map(headRows.map((h) => [h.chain, h]));
  const chains = [...new Set([...headRows.map((h) => h.chain), ...seen.map((s) => s.chain ?? '')])].sort();
  let chainEvents = 0;
  for (const chain of chains) {
    const regionId = chain === '' ? null : chain;
    const before = counted.events;
    const end = await walkOne(db, { chain, regionId }, anchor, keyring, wanted, hashAt, counted);
    if (isBreak(end)) return fail(end);
    chainEvents += counted.events - before;
    const head = byChain.get(chain);
    if (head?.seq !== end.place || head.hash !== end.hash || head.key_fingerprint !== end.keys.fingerprint)
      return fail({
        brokenAt: { seq: end.seq, reason: 'head_mismatch', regionId, chainSeq: head?.seq ?? end.place },
      });
    if (end.place > 0) heads.push({ regionId, seq: end.seq, hash: end.hash });
    if (end.place > 0 && keyring.current && end.keys.fingerprint !== keyring.current.fingerprint)
      return fail({ brokenAt: { seq: end.seq, reason: 'not_current_key', regionId, chainSeq: end.place } });
  }
  // A database whose events all predate the per-region chains: the legacy chain must end under the current key.
  if (
    chainEvents === 0 &&
    legacy.place > 0 &&
    keyring.current &&
    legacy.keys.fingerprint !== keyring.current.fingerprint
  )
    return fail({ brokenAt: { seq: legacy.seq, reason: 'not_current_key' } });
  return { verification: { ok: true, events: counted.events }, heads, hashAt };
}

/** Verifies every chain with the given keys, by default the ones this process was configured with. */
export async function verifyAuditChain(db: Kysely<Database>, keys?: AuditKeys): Promise<AuditVerification> {
  return (await walkAuditChain(db, keys)).verification;
}
