import type { AccountRow, Role } from '../db/schema.js';

/** Who is calling: resolved from the session before any service runs. What an actor may do is in policies/. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string | null;
  unitId: string | null;
}

/** An account as the actor it signs in as. */
export function actorOfAccount(
  account: Pick<AccountRow, 'id' | 'username' | 'display_name' | 'role' | 'region_id' | 'unit_id'>,
): Actor {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.display_name,
    role: account.role,
    regionId: account.region_id,
    unitId: account.unit_id,
  };
}

/** The system itself, for jobs and the demo loader; it may do anything and is named so in the audit log. */
export const SYSTEM_ACTOR: Actor = {
  accountId: 'system',
  username: 'system',
  displayName: '系统',
  role: 'admin',
  regionId: null,
  unitId: null,
};
