import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../schema.js';

/** A login session (stored by the hash of its token) with the account it signs in. */
export interface SessionAccount {
  session_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
  account: AccountRow;
  /** The account's unit, when it has one: a deactivated unit's staff may not act. */
  unit: { active: number } | null;
}

export async function insertSession(
  db: Kysely<Database>,
  row: {
    id: string;
    region_id: string | null;
    account_id: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
  },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionAccount(
  db: Kysely<Database>,
  sessionId: string,
): Promise<SessionAccount | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .leftJoin('units', 'units.id', 'accounts.unit_id')
    .selectAll('accounts')
    .select([
      'sessions.id as session_id',
      'sessions.created_at as session_created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'units.active as unit_active',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_created_at, expires_at, last_seen_at, unit_active, ...account } = row;
  return {
    session_id,
    created_at: session_created_at,
    expires_at,
    last_seen_at,
    account,
    unit: unit_active === null ? null : { active: unit_active },
  };
}

/** Records that the session was used now, which pushes back its idle timeout. */
export async function touchSession(db: Kysely<Database>, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** Ends every open session of an account but one: its owner changed the password from that one. */
export async function deleteOtherSessionsOf(
  db: Kysely<Database>,
  accountId: string,
  keptSessionId: string,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('account_id', '=', accountId)
    .where('id', '!=', keptSessionId)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every open session of a unit's accounts: the unit was deactivated. */
export async function deleteSessionsOfUnit(db: Kysely<Database>, unitId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('account_id', 'in', db.selectFrom('accounts').select('id').where('unit_id', '=', unitId))
    .execute();
}

/** Ends every open session of an account: it was disabled or its password was reset. */
export async function deleteSessionsOf(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}
