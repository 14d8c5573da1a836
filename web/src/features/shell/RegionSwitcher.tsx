import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { useRegion } from '../../app/region';

// Only the operator gets a list to choose from, so the Select loads only for them.
const Select = lazy(() => import('antd/es/select').then((m) => ({ default: m.default })));

/** Only the operator sees several regions; everyone else sees their region's name. */
export function RegionSwitcher() {
  const { t } = useI18n();
  const { regions, regionId, region } = useRegion();
  const navigate = useNavigate();
  if (regions.length <= 1) return <span className="tz-region-name">{region?.name}</span>;
  return (
    <Suspense fallback={<span className="tz-region-name">{region?.name}</span>}>
      <Select
        className="tz-region-select"
        value={regionId}
        aria-label={t('shell.region')}
        onChange={(id: unknown) => {
          if (typeof id === 'string') void navigate(`/r/${id}`);
        }}
        options={regions.map((r) => ({ value: r.id, label: r.name }))}
        popupMatchSelectWidth={false}
      />
    </Suspense>
  );
}
