import { api, unwrap } from '../../api/client';
import { withPrefetch } from '../../api/prefetch';
import type { Plan, Region, Unit } from '../../api/types';

/** The regions this account can see: one for region staff, all of them for the operator. */
export function listRegions(): Promise<Region[]> {
  return unwrap(api.GET('/api/regions'));
}

/** The operator's first step in an empty workspace. */
export function createRegion(name: string, kind: string): Promise<Region> {
  return unwrap(api.POST('/api/regions', { body: { name, kind } }));
}

/** What every page of a region needs to name things; on first load, the answers index.html already asked for. */
export async function loadRegion(
  regionId: string,
): Promise<{ regions: Region[]; units: Unit[]; plans: Plan[] }> {
  const path = { params: { path: { regionId } } };
  const base = `/api/regions/${encodeURIComponent(regionId)}`;
  const [regions, units, plans] = await Promise.all([
    withPrefetch<Region[]>('/api/regions', listRegions),
    withPrefetch<Unit[]>(`${base}/units`, () => unwrap(api.GET('/api/regions/{regionId}/units', path))),
    withPrefetch<Plan[]>(`${base}/plans`, () => unwrap(api.GET('/api/regions/{regionId}/plans', path))),
  ]);
  return { regions, units, plans };
}

/** Changes the signed-in account's own password; its sessions elsewhere end, this one stays. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
}
