import { api, unwrap } from '../../api/client';
import { withPrefetch } from '../../api/prefetch';
import type { Dashboard } from '../../api/types';

/** The region's battle map figures; on first load, the answer index.html already asked for. */
export function loadDashboard(regionId: string): Promise<Dashboard> {
  return withPrefetch<Dashboard>(`/api/regions/${encodeURIComponent(regionId)}/dashboard`, () =>
    unwrap(api.GET('/api/regions/{regionId}/dashboard', { params: { path: { regionId } } })),
  );
}

/** The region's indicators and key projects this month, for the map's two panels. */
export function loadProgressSummary(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/progress-summary', { params: { path: { regionId } } }));
}
