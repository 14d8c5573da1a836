import type { Kysely, Updateable } from 'kysely';
import { updateVersioned, type VersionedTable } from '../db/repositories/versioned.js';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';
import { write, type AuditEntry, type ServiceContext, type WriteScope } from './context.js';
import { StaleVersionError } from './errors.js';

export interface VersionedChange<T extends VersionedTable, R> {
  table: T;
  id: string;
  /** The version the caller read; another writer's change in between answers 412 with the current row. */
  expectedVersion: number;
  patch: Updateable<Database[T]>;
  /** The repository's reader for the row, used for the 412 answer and for the result. */
  read: (db: Kysely<Database>, id: string) => Promise<R | undefined>;
  audit: AuditEntry;
}

/** The versioned update with its audit event, inside a write that may do more in the same transaction. */
export async function updateRow<T extends VersionedTable, R>(
  scope: WriteScope,
  change: VersionedChange<T, R>,
): Promise<R> {
  const updated = await updateVersioned(
    scope.trx,
    change.table,
    change.id,
    change.expectedVersion,
    change.patch,
  );
  if (!updated) throw new StaleVersionError(await change.read(scope.trx, change.id));
  await scope.audit(change.audit);
  return (await change.read(scope.trx, change.id))!;
}

/** A versioned update that is the whole write: the row as it is after the change. */
export function updateAudited<T extends VersionedTable, R>(
  ctx: ServiceContext,
  actor: Actor,
  change: VersionedChange<T, R>,
): Promise<R> {
  return write(ctx, actor, (scope) => updateRow(scope, change));
}

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * A patch of the fields the caller sent: a field left out of a PATCH body is undefined and stays as it
 * is; null is a value (it clears the field).
 */
export function definedFields<T extends Record<string, unknown>>(fields: T): Defined<T> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) patch[key] = value;
  return patch as Defined<T>;
}

/** For a boolean stored as 0/1, keeping "not sent" apart from false. */
export function flag(value: boolean | undefined): 0 | 1 | undefined {
  return value === undefined ? undefined : value ? 1 : 0;
}
