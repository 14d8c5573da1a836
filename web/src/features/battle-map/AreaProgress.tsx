import { Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/types';
import { STATUS_COLOR } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatPercent } from '../../i18n/format';
import { ledgerHref } from '../../app/ledger-url';
import { areaLabel, areasByPlan, isBehind, type DashboardArea } from './model';

function AreaRow({ regionId, area }: { regionId: string; area: DashboardArea }) {
  const { t, locale } = useI18n();
  const behind = isBehind(area.rollUp.progress, area.timeElapsed);
  return (
    <Link to={ledgerHref(regionId, { plan: area.planId, area: area.id })} className="tz-ap-row">
      <span className="tz-ap-title" title={area.title}>
        {areaLabel(area)}
      </span>
      <Tooltip
        title={t('map.progressVsTime', {
          progress: formatPercent(area.rollUp.progress, locale),
          time: formatPercent(area.timeElapsed, locale),
        })}
      >
        <span className="tz-ap-bar">
          <span
            className="tz-ap-fill"
            style={{
              width: `${area.rollUp.progress}%`,
              background: behind ? STATUS_COLOR.at_risk : STATUS_COLOR.on_track,
            }}
          />
          <span className="tz-ap-time" style={{ left: `${area.timeElapsed}%` }} />
        </span>
      </Tooltip>
      <span className={behind ? 'tz-ap-number tz-ap-behind' : 'tz-ap-number'}>
        {formatPercent(area.rollUp.progress, locale)}
      </span>
    </Link>
  );
}

/**
 * 时间过半、任务过半: each area's weighted progress against the share of its plan's period already gone.
 * With more than one plan, each plan's areas sit under its name, so two plans' 1., 2., 3. stay apart.
 */
export function AreaProgress({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const groups = areasByPlan(dashboard);
  return (
    <div className="tz-area-progress">
      {groups.map(({ plan, areas }) => (
        <div key={plan.id} className="tz-ap-plan">
          {groups.length > 1 && (
            <div className="tz-ap-plan-name" title={plan.title} data-testid="area-progress-plan">
              {plan.shortName}
            </div>
          )}
          {areas.map((area) => (
            <AreaRow key={area.id} regionId={regionId} area={area} />
          ))}
        </div>
      ))}
      <div className="tz-ap-legend">
        <span className="tz-ap-legend-time" />{' '}
        {t('map.timeElapsedMark', { time: formatPercent(dashboard.timeElapsed, locale) })}
      </div>
    </div>
  );
}
