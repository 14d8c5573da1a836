import { Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/types';
import { STATUS_COLOR } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatPercent } from '../../i18n/format';
import { ledgerHref } from '../../app/ledger-url';
import { isBehind } from './model';

/** 时间过半、任务过半: each area's weighted progress against the share of the year already gone. */
export function AreaProgress({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  return (
    <div className="tz-area-progress">
      {dashboard.areas.map((area) => {
        const behind = isBehind(area.rollUp.progress, area.timeElapsed);
        return (
          <Link
            key={area.id}
            to={ledgerHref(regionId, { plan: area.planId, area: area.id })}
            className="tz-ap-row"
          >
            <span className="tz-ap-title" title={area.title}>
              {area.code}. {area.title}
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
      })}
      <div className="tz-ap-legend">
        <span className="tz-ap-legend-time" />{' '}
        {t('map.timeElapsedMark', { time: formatPercent(dashboard.timeElapsed, locale) })}
      </div>
    </div>
  );
}
