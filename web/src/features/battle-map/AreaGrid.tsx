import { Table } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard, TaskStatus } from '../../api/types';
import { STATUS_COLOR, STATUS_ORDER, STATUS_TEXT } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { ledgerHref } from '../ledger/filters';
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

/** Areas down, statuses across: where in the programme the red is. */
export function AreaGrid({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t } = useI18n();
  const multiPlan = dashboard.plans.length > 1;
  const planIndex = new Map(dashboard.plans.map((p, i) => [p.id, i + 1]));
  return (
    <Table<DashboardArea>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={dashboard.areas}
      scroll={{ x: 640 }}
      columns={[
        {
          title: t('map.area'), key: 'title', ellipsis: true,
          render: (_, area) => (
            <Link to={ledgerHref(regionId, { plan: area.planId, area: area.id })} title={area.title}>
              {multiPlan && `${t('map.planN', { n: planIndex.get(area.planId) ?? 0 })} · `}{area.code}. {area.title}
            </Link>
          ),
        },
        ...STATUS_ORDER.map((status) => ({
          title: t(`status.${status}`), key: status, width: 76, align: 'center' as const,
          render: (_: unknown, area: DashboardArea) => <Cell regionId={regionId} area={area} status={status} />,
        })),
        {
          title: t('map.total'), key: 'total', width: 64, align: 'center' as const,
          render: (_, area) => <Link to={ledgerHref(regionId, { plan: area.planId, area: area.id })}>{area.rollUp.total}</Link>,
        },
      ]}
    />
  );
}
