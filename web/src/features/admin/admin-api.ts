import { api, ifMatch, unwrap } from '../../api/client';
import type { Role, UnitKind } from '../../api/types';

export const UNIT_KINDS: readonly UnitKind[] = ['department', 'town', 'office', 'other'];
/** Roles an office may give inside a region; the operator account is not one of them. */
export const REGION_ROLES: readonly Role[] = ['office', 'leader', 'unit_head', 'reporter', 'viewer'];
/** Roles that belong to a unit and need one picked. */
export const UNIT_ROLES: readonly Role[] = ['unit_head', 'reporter'];

export function loadAdmin(regionId: string) {
  const path = { params: { path: { regionId } } };
  return Promise.all([
    unwrap(api.GET('/api/regions/{regionId}/units', path)),
    unwrap(api.GET('/api/regions/{regionId}/accounts', path)),
  ]).then(([units, accounts]) => ({ units, accounts }));
}

export function createUnit(regionId: string, name: string, kind: UnitKind) {
  return unwrap(
    api.POST('/api/regions/{regionId}/units', { params: { path: { regionId } }, body: { name, kind } }),
  );
}

export function updateUnit(
  id: string,
  version: number,
  patch: { name?: string; kind?: UnitKind; active?: boolean },
) {
  return unwrap(
    api.PATCH('/api/units/{id}', { params: { path: { id } }, headers: ifMatch(version), body: patch }),
  );
}

export function createAccount(
  regionId: string,
  body: { username: string; displayName: string; password: string; role: Role; unitId?: string | null },
) {
  return unwrap(api.POST('/api/regions/{regionId}/accounts', { params: { path: { regionId } }, body }));
}

export function updateAccount(
  id: string,
  version: number,
  patch: { displayName?: string; role?: Role; unitId?: string | null; active?: boolean; password?: string },
) {
  return unwrap(
    api.PATCH('/api/accounts/{id}', { params: { path: { id } }, headers: ifMatch(version), body: patch }),
  );
}
