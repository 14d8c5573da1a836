import type { AuditEventTable } from './schema.js';
import { chainHash } from './audit-key.js';

export const GENESIS = '0'.repeat(64);

/** The chain's own event: from the next event of that chain on, events are signed with the key of this fingerprint. */
export const KEY_ROTATED = 'audit.key_rotated';

/** The chain of events of no region (the installation's: operators, the calendar, key rotations). */
export const INSTALLATION_CHAIN = '';

/** Which chain an event of this region extends. */
export function chainOf(regionId: string | null): string {
  return regionId ?? INSTALLATION_CHAIN;
}

/** An event as it is hashed: everything but its place in the chain. */
export type EventRow = Pick<
  AuditEventTable,
  'region_id' | 'account_id' | 'action' | 'entity' | 'entity_id' | 'data' | 'at'
>;

/**
 * The link of one event. `place` is the event's seq in the legacy chain and its chain_seq in a region's chain;
 * the region is hashed too, so an event cannot be moved to another chain.
 */
export function eventHash(key: string | null, prevHash: string, place: number, e: EventRow): string {
  const canonical = JSON.stringify([
    place,
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

/** The fingerprint an audit.key_rotated event switches to; undefined when its data does not say. */
export function rotationTarget(data: string): string | null | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null || !('fingerprint' in parsed)) return undefined;
    const fingerprint: unknown = parsed.fingerprint;
    return typeof fingerprint === 'string' || fingerprint === null ? fingerprint : undefined;
  } catch {
    return undefined;
  }
}
