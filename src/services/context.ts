import type { Kysely, Transaction } from 'kysely';
import type { Storage } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { appendAuditEvent } from '../db/repositories/audit-repository.js';
import { todayInShanghai } from '../domain/calendar.js';
import type { Actor } from './actor.js';

export interface ServiceContext {
  storage: Storage;
  /** Where evidence files live, named by their sha256. */
  filesDir: string;
  /** Injected so tests and the demo can fix "now". */
  now(): Date;
  /** Bulletins (通报): the LibreOffice binary and its timeout for PDF rendering; defaults when absent. */
  pdf?: { binary?: string; timeoutMs?: number };
}

/**
 * State kept per running app, made on first use: tests build several apps in one process, and each must
 * have its own caches and throttles.
 */
export function perContext<T>(make: () => T): (ctx: ServiceContext) => T {
  const states = new WeakMap<ServiceContext, T>();
  return (ctx) => {
    let state = states.get(ctx);
    if (state === undefined) {
      state = make();
      states.set(ctx, state);
    }
    return state;
  };
}

export function today(ctx: ServiceContext): string {
  return todayInShanghai(ctx.now());
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}

export interface AuditEntry {
  regionId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data?: unknown;
}

export interface WriteScope {
  trx: Transaction<Database>;
  audit: (entry: AuditEntry) => Promise<void>;
}

/**
 * Every write goes through here: one transaction holding the change and its audit events, so a write the
 * user saw acknowledged is on disk with its trail, and a failed one leaves nothing behind.
 */
export async function write<T>(
  ctx: ServiceContext,
  actor: Actor,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const at = nowIso(ctx);
  return ctx.storage.transact(async (trx) => {
    const scope: WriteScope = {
      trx,
      audit: (entry) =>
        appendAuditEvent(trx, ctx.storage.dialect, {
          regionId: entry.regionId,
          accountId: actor.accountId,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          data: entry.data ?? null,
          at,
        }),
    };
    return work(scope);
  }, actor.regionId);
}

export function db(ctx: ServiceContext): Kysely<Database> {
  return ctx.storage.db;
}
