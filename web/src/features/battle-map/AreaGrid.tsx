import { Grid } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard, TaskStatus } from '../../api/types';
import { STATUS_COLOR, STATUS_ORDER, STATUS_TEXT } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { ledgerHref } from '../../app/ledger-url';
import { areaLabel, areasByPlan, type DashboardArea } from './model';

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

/**
 * Areas down, statuses across: where in the programme the red is. Each area by its number and short name
 * (the full heading on hover); with more than one plan, the areas sit under their plan's name. A plain
 * table: the home page stays light.
 */
export function AreaGrid({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t } = useI18n();
  const groups = areasByPlan(dashboard);
  const multiPlan = groups.length > 1;
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    // A phone has no room for six columns: each area on its own line, its non-zero colours beneath.
    return (
      <ul className="tz-area-cards" data-testid="area-grid">
        {groups.map(({ plan, areas }) => [
          multiPlan && (
            <li key={plan.id} className="tz-area-plan" title={plan.title} data-testid="area-grid-plan">
              {plan.shortName}
            </li>
          ),
          ...areas.map((area) => (
            <li key={area.id}>
              <Link
                to={ledgerHref(regionId, { plan: area.planId, area: area.id })}
                className="tz-area-card-title"
                title={area.title}
              >
                {areaLabel(area)}
              </Link>
              <span className="tz-area-card-counts">
                {STATUS_ORDER.filter((s) => (area.rollUp.counts[s] ?? 0) > 0).map((status) => (
                  <span key={status} className="tz-area-card-count">
                    <Cell regionId={regionId} area={area} status={status} /> {t(`status.${status}`)}
                  </span>
                ))}
              </span>
            </li>
          )),
        ])}
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
        {groups.map(({ plan, areas }) => (
          <tbody key={plan.id}>
            {multiPlan && (
              <tr className="tz-area-plan">
                <th colSpan={STATUS_ORDER.length + 2} title={plan.title} data-testid="area-grid-plan">
                  {plan.shortName}
                </th>
              </tr>
            )}
            {areas.map((area) => (
              <tr key={area.id}>
                <td className="tz-ellipsis-cell">
                  <Link to={ledgerHref(regionId, { plan: area.planId, area: area.id })} title={area.title}>
                    {areaLabel(area)}
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
        ))}
      </table>
    </div>
  );
}
