import { createHash, createHmac } from 'node:crypto';

/**
 * The secret that keys the audit chain, kept outside the database: whoever can write the database but not
 * read the server's environment can no longer recompute a valid chain after editing it.
 * `current` signs new events; `previous` keys only verify the events written before a rotation.
 */
export interface AuditKeys {
  current: string | null;
  previous: string[];
}

interface Keyring {
  current: { key: string; fingerprint: string } | null;
  byFingerprint: Map<string, string>;
}

function keyringOf(keys: AuditKeys): Keyring {
  const byFingerprint = new Map<string, string>();
  for (const key of [...keys.previous, ...(keys.current ? [keys.current] : [])])
    byFingerprint.set(keyFingerprint(key), key);
  return {
    current: keys.current ? { key: keys.current, fingerprint: keyFingerprint(keys.current) } : null,
    byFingerprint,
  };
}

// Process-wide, set once at start by the CLI (src/cli/config.ts reads the environment): every write path
// reaches appendAuditEvent through the services, which know nothing of keys and should not have to.
let configured: Keyring = keyringOf({ current: null, previous: [] });

/** Sets the keys this process signs and verifies the audit chain with. */
export function useAuditKeys(keys: AuditKeys): void {
  configured = keyringOf(keys);
}

export function auditKeyring(keys?: AuditKeys): Keyring {
  return keys ? keyringOf(keys) : configured;
}

export type { Keyring as AuditKeyring };

/**
 * Names a key in the chain without revealing it: 16 hex characters of a domain-separated SHA-256. A
 * weak key can be guessed from it, but equally from any keyed hash; keys should be 32 random bytes.
 */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update('taizhang-audit-key\0').update(key).digest('hex').slice(0, 16);
}

/** The chain's link: SHA-256 before any key was configured (existing chains), HMAC-SHA256 under a key. */
export function chainHash(key: string | null, prevHash: string, canonical: string): string {
  const h = key === null ? createHash('sha256') : createHmac('sha256', key);
  return h.update(prevHash).update(canonical).digest('hex');
}
