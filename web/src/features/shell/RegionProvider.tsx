import { useMemo, type ReactNode } from 'react';
import { Alert, Spin } from 'antd';
import { api, unwrap } from '../../api/client';
import { withPrefetch } from '../../api/prefetch';
import type { Plan, Region, Unit } from '../../api/types';
import { useLoad } from '../../lib/useLoad';
import { RegionContext, type RegionData } from '../../app/region';

async function loadRegion(regionId: string) {
  const path = { params: { path: { regionId } } };
  const base = `/api/regions/${encodeURIComponent(regionId)}`;
  const [regions, units, plans] = await Promise.all([
    withPrefetch<Region[]>('/api/regions', () => unwrap(api.GET('/api/regions'))),
    withPrefetch<Unit[]>(`${base}/units`, () => unwrap(api.GET('/api/regions/{regionId}/units', path))),
    withPrefetch<Plan[]>(`${base}/plans`, () => unwrap(api.GET('/api/regions/{regionId}/plans', path))),
  ]);
  return { regions, units, plans };
}

export function RegionProvider({ regionId, children }: { regionId: string; children: ReactNode }) {
  const { data, error, reload } = useLoad(() => loadRegion(regionId), regionId);

  const value = useMemo<RegionData | null>(() => {
    if (!data) return null;
    const names = new Map(data.units.map((u) => [u.id, u.name]));
    return {
      regionId,
      ...data,
      region: data.regions.find((r) => r.id === regionId),
      unitName: (id) => (id ? (names.get(id) ?? '') : ''),
      reload,
    };
  }, [data, regionId, reload]);

  if (error) return <Alert type="error" showIcon title={error.message} className="tz-page-alert" />;
  if (!value) return <Spin size="large" className="tz-page-spin" />;
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}
