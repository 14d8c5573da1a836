import type { Role } from '../db/schema.js';

/** Who is calling: resolved from the session before any service runs. What an actor may do is in policies/. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string | null;
  unitId: string | null;
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
