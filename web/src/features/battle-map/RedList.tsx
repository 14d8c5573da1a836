import { Progress, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/types';
import { STATUS_COLOR } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { ledgerHref } from '../ledger/filters';

type RedTask = Dashboard['redList'][number];

/** The delayed tasks, longest overdue first, with who leads them. */
export function RedList({ regionId, dashboard }: { regionId: string; dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const rows = [...dashboard.redList].sort((a, b) => b.daysOverdue - a.daysOverdue);
  return (
    <Table<RedTask>
      size="small"
      rowKey="taskId"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('map.noRed') }}
      columns={[
        { title: t('task.code'), dataIndex: 'code', width: 64 },
        { title: t('task.title'), key: 'title', ellipsis: true, render: (_, r) => <Link to={`/r/${regionId}/tasks/${r.taskId}`} title={r.title}>{r.title}</Link> },
        {
          title: t('task.leadUnit'), key: 'unit', width: 140, ellipsis: true,
          render: (_, r) => (r.leadUnitId ? <Link to={ledgerHref(regionId, { unit: r.leadUnitId, status: ['delayed'] })}>{r.leadUnitName}</Link> : '—'),
        },
        { title: t('task.dueDate'), key: 'due', width: 124, render: (_, r) => formatDate(r.dueDate, locale) },
        { title: t('map.daysOverdue'), dataIndex: 'daysOverdue', width: 84, align: 'right', render: (d: number) => <strong style={{ color: STATUS_COLOR.delayed }}>{t('map.days', { n: d })}</strong> },
        { title: t('task.progress'), dataIndex: 'progress', width: 110, render: (p: number) => <Progress percent={Math.round(p)} size="small" strokeColor={STATUS_COLOR.delayed} /> },
      ]}
    />
  );
}
