import { Grid } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard, TaskStatus } from '../../api/types';
import { STATUS_COLOR, STATUS_ORDER, STATUS_TEXT } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { ledgerHref } from '../../app/ledger-url';
import type { DashboardArea } from './model';

function Cell({ regionId, area, status }: { regionId: string; area: DashboardArea; status: TaskStatus }) {
  const count = area.rollUp.counts[status] ?? 0;
  if (!count) return <span className="tz-grid-zero">0</span>;
  return (
    <Link
      to={ledgerHref(regionId, { plan: area.planId, area: area.id, status: [status] })}
      className="tz-grid-cell"
      style={{ background: STATUS_COLOR[status], color: STATUS_TEXT[status] }}
    >
      {count}
    </Link>
  );
}

/** Areas down, statuses across: where in the programme the red is. A plain table: the home page stays light. */
export function AreaGrid({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t } = useI18n();
  const multiPlan = dashboard.plans.length > 1;
  const planIndex = new Map(dashboard.plans.map((p, i) => [p.id, i + 1]));
  const screens = Grid.useBreakpoint();
  const label = (area: DashboardArea) =>
    `${multiPlan ? `${t('map.planN', { n: planIndex.get(area.planId) ?? 0 })} · ` : ''}${area.code}. ${area.title}`;
  if (!screens.md) {
    // A phone has no room for six columns: each area on its own line, its non-zero colours beneath.
    return (
      <ul className="tz-area-cards" data-testid="area-grid">
        {dashboard.areas.map((area) => (
          <li key={area.id}>
            <Link
              to={ledgerHref(regionId, { plan: area.planId, area: area.id })}
              className="tz-area-card-title"
            >
              {label(area)}
            </Link>
            <span className="tz-area-card-counts">
              {STATUS_ORDER.filter((s) => (area.rollUp.counts[s] ?? 0) > 0).map((status) => (
                <span key={status} className="tz-area-card-count">
                  <Cell regionId={regionId} area={area} status={status} /> {t(`status.${status}`)}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="tz-plain-scroll">
      <table className="tz-plain tz-area-grid" data-testid="area-grid">
        <thead>
          <tr>
            <th>{t('map.area')}</th>
            {STATUS_ORDER.map((status) => (
              <th key={status} className="tz-num-col">
                {t(`status.${status}`)}
              </th>
            ))}
            <th className="tz-num-col">{t('map.total')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.areas.map((area) => (
            <tr key={area.id}>
              <td className="tz-ellipsis-cell">
                <Link to={ledgerHref(regionId, { plan: area.planId, area: area.id })} title={area.title}>
                  {label(area)}
                </Link>
              </td>
              {STATUS_ORDER.map((status) => (
                <td key={status} className="tz-num-col">
                  <Cell regionId={regionId} area={area} status={status} />
                </td>
              ))}
              <td className="tz-num-col">
                <Link to={ledgerHref(regionId, { plan: area.planId, area: area.id })}>
                  {area.rollUp.total}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
