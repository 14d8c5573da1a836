import { useMemo, type ReactNode } from 'react';
import { Alert, Spin } from 'antd';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { RegionContext, type RegionData } from '../../app/region';
import { loadRegion } from './shell-api';

export function RegionProvider({ regionId, children }: { regionId: string; children: ReactNode }) {
  const { data, error, reload } = useLoad(() => loadRegion(regionId), regionId);
  const errorText = useErrorText();

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

  if (error) return <Alert type="error" showIcon title={errorText(error)} className="tz-page-alert" />;
  if (!value) return <Spin size="large" className="tz-page-spin" />;
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}
