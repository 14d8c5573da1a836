import { Empty } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/types';
import { STATUS_COLOR, STATUS_TEXT } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatPercent } from '../../i18n/format';
import { ledgerHref } from '../../app/ledger-url';
import { rankUnits } from './model';

function Ranking({ regionId, units, title }: { regionId: string; units: Dashboard['units']; title: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="tz-ranking">
      <div className="tz-ranking-title">{title}</div>
      {units.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <ol className="tz-ranking-list">
        {units.map((unit) => (
          <li key={unit.id}>
            <span className="tz-ranking-row">
              <Link
                to={ledgerHref(regionId, { unit: unit.id })}
                className="tz-ranking-name"
                title={unit.name}
              >
                {unit.name}
              </Link>
              <Link
                to={ledgerHref(regionId, { unit: unit.id, status: ['delayed'] })}
                className="tz-pill"
                style={{ background: STATUS_COLOR.delayed, color: STATUS_TEXT.delayed }}
                aria-label={t('status.delayed')}
              >
                {unit.red}
              </Link>
              <Link
                to={ledgerHref(regionId, { unit: unit.id, status: ['at_risk'] })}
                className="tz-pill"
                style={{ background: STATUS_COLOR.at_risk, color: STATUS_TEXT.at_risk }}
                aria-label={t('status.at_risk')}
              >
                {unit.yellow}
              </Link>
              <span className="tz-ranking-progress">{formatPercent(unit.rollUp.progress, locale)}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * Units with the most red and yellow tasks first; 区直单位 and 镇街 ranked apart. The rule is stated under
 * the lists, so a town at the top is read as the one to chase, not as the best.
 */
export function UnitRanking({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t } = useI18n();
  return (
    <>
      <div className="tz-rankings">
        <Ranking
          regionId={regionId}
          units={rankUnits(dashboard.units, 'department')}
          title={t('map.departments')}
        />
        <Ranking regionId={regionId} units={rankUnits(dashboard.units, 'town')} title={t('map.towns')} />
      </div>
      <div className="tz-ranking-rule" data-testid="ranking-rule">
        {t('map.rankingRule')}
      </div>
    </>
  );
}
