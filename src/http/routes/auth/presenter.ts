import type { Actor } from '../../../services/actor.js';
import * as accountPolicy from '../../../services/policies/account.js';
import * as auditPolicy from '../../../services/policies/audit.js';
import * as planPolicy from '../../../services/policies/plan.js';
import * as regionPolicy from '../../../services/policies/region.js';
import * as unitPolicy from '../../../services/policies/unit.js';
import type { Me } from './schema.js';

export function presentMe(actor: Actor): Me {
  // Asked about the account's own region. The operator belongs to none and the policies let it into every
  // region, so any id answers for it; an account of no region that is not the operator gets no.
  const regionId = actor.regionId ?? '';
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    regionId: actor.regionId,
    unitId: actor.unitId,
    can: {
      importPlans: planPolicy.can(actor, 'import', { regionId, status: 'draft' }),
      manageUnits: unitPolicy.can(actor, 'update', { regionId }),
      manageAccounts: accountPolicy.can(actor, 'update', { regionId, roles: [] }),
      manageOversightAccounts: accountPolicy.can(actor, 'update', { regionId, roles: ['leader', 'viewer'] }),
      verifyAudit: auditPolicy.can(actor, 'verify'),
      createRegions: regionPolicy.can(actor, 'create', null),
    },
  };
}
