import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type RegionRollUp =
  paths['/api/regions/{regionId}/rollup']['get']['responses'][200]['content']['application/json'];
export type ChildRollUp = RegionRollUp['children'][number];

/** The regions directly below `regionId`, each rolled up over every region under it. */
export function loadRollup(regionId: string): Promise<RegionRollUp> {
  return unwrap(api.GET('/api/regions/{regionId}/rollup', { params: { path: { regionId } } }));
}
