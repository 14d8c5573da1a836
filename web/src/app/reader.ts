import type { Me } from '../api/types';

/**
 * The account as the pages of `regionId` should see it. A parent region's office, leaders and viewers read
 * the regions below theirs as those regions' viewers (the server's `readerIn` does the same), so pages that
 * decide from `me.role` or `me.can` offer them nothing to write there: no import, no admin, no queues.
 * In its own region, or for the operator (who belongs to none), the account is unchanged.
 */
export function readerView(me: Me, regionId: string): Me {
  if (me.regionId === null || me.regionId === regionId) return me;
  return {
    ...me,
    role: 'viewer',
    regionId,
    unitId: null,
    can: {
      importPlans: false,
      manageUnits: false,
      manageAccounts: false,
      manageOversightAccounts: false,
      verifyAudit: false,
      createRegions: false,
    },
  };
}

/** Whether `regionId` is one the account follows from above rather than its own. */
export function readsFromAbove(me: Me, regionId: string): boolean {
  return me.regionId !== null && me.regionId !== regionId;
}
