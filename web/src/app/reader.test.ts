import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { readerView, readsFromAbove } from './reader';

const cityOffice: Me = {
  id: 'acct_1',
  username: 'zhanjiang.office',
  displayName: '湛江市委改革办',
  role: 'office',
  regionId: 'rgn_city',
  unitId: 'unit_1',
  can: {
    importPlans: true,
    manageUnits: true,
    manageAccounts: true,
    manageOversightAccounts: true,
    verifyAudit: false,
    createRegions: false,
  },
};

describe('readerView', () => {
  it('keeps the account as it is in its own region', () => {
    expect(readerView(cityOffice, 'rgn_city')).toBe(cityOffice);
    expect(readsFromAbove(cityOffice, 'rgn_city')).toBe(false);
  });

  it('makes a parent region’s office a viewer of a region below, allowed to write nothing', () => {
    const seen = readerView(cityOffice, 'rgn_district');
    expect(seen.role).toBe('viewer');
    expect(seen.regionId).toBe('rgn_district');
    expect(seen.unitId).toBeNull();
    expect(Object.values(seen.can).some(Boolean)).toBe(false);
    expect(seen.username).toBe('zhanjiang.office');
    expect(readsFromAbove(cityOffice, 'rgn_district')).toBe(true);
  });

  it('leaves the operator, who belongs to no region, unchanged everywhere', () => {
    const admin: Me = { ...cityOffice, role: 'admin', regionId: null, unitId: null };
    expect(readerView(admin, 'rgn_district')).toBe(admin);
    expect(readsFromAbove(admin, 'rgn_district')).toBe(false);
  });
});
