import type { AccountRow } from '../../../services/account-service.js';
import type { Account } from './schema.js';

/** Never the password hash: an account leaves the server with these fields only. */
export function presentAccount(a: AccountRow): Account {
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    regionId: a.region_id,
    unitId: a.unit_id,
    active: a.active === 1,
    version: a.version,
  };
}
