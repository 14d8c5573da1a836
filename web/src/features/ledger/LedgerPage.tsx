import { useMemo } from 'react';
import { Alert, Button, Card, Dropdown, Grid, Progress, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { TaskSummary } from '../../api/types';
import { STATUS_COLOR } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { StatusTag } from '../../ui/StatusTag';
import { useWindowHeight } from '../../ui/useWindowHeight';
import { useRegion } from '../../app/region';
import {
  filterToSearch,
  parseFilter,
  plansInView,
  type LedgerFilter,
  type SortKey,
} from '../../app/ledger-url';
import { applyFilter, tagsOf } from './filters';
import { LedgerFilters } from './LedgerFilters';
import { nestSubTasks } from './nest';
import { planShortName } from './plan-name';
import { ledgerXlsxUrl, loadLedger } from './ledger-api';
import { useMe } from '../../app/session';
import { PageHead } from '../../ui/PageHead';
import './ledger.css';

type Column = NonNullable<TableProps<TaskSummary>['columns']>[number];

/** 台账: every task of the plans in view, filtered and sorted in the browser, the view kept in the URL. */
export function LedgerPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId, plans } = useRegion();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => parseFilter(params), [params]);
  const screens = Grid.useBreakpoint();
  const height = useWindowHeight();
  const inView = plansInView(plans, filter.plan);
  const { data, error, loading } = useLoad(
    () => loadLedger(inView),
    `${regionId}:${inView.map((p) => p.id).join(',')}`,
  );

  const filtered = useMemo(() => (data ? applyFilter(data.tasks, filter) : []), [data, filter]);
  // Sub-tasks under their parents in the document's order; sorted by a column, each line stays put.
  const { rows, nesting } = useMemo(
    () => nestSubTasks(filtered, data?.tasks ?? [], !filter.sort),
    [filtered, data, filter.sort],
  );
  // With several plans in view codes repeat (each plan has its 1.1): a plan column tells them apart.
  const severalPlans = inView.length > 1;
  const planTitle = useMemo(() => new Map(plans.map((p) => [p.id, p.title])), [plans]);
  const severalYears = new Set(inView.map((p) => p.year)).size > 1;
  const planName = (planId: string) => planShortName(planTitle.get(planId) ?? '', severalYears);
  const areaName = useMemo(
    () => new Map((data?.areas ?? []).map((a) => [a.id, `${a.code}. ${a.shortName}`])),
    [data],
  );
  const tags = useMemo(() => tagsOf(data?.tasks ?? []), [data]);

  const setFilter = (next: LedgerFilter) => {
    setParams(new URLSearchParams(filterToSearch(next)), { replace: false });
  };
  const sortOrder = (key: SortKey) =>
    filter.sort === key ? (filter.order === 'desc' ? 'descend' : 'ascend') : null;

  const codeCell = (code: string, task: TaskSummary) => {
    const line = nesting.get(task.id);
    const depth = line?.depth ?? 0;
    return (
      <span className="tz-code" style={depth ? { paddingLeft: (depth - 1) * 10 } : undefined}>
        {depth > 0 && <span className="tz-sub-mark">↳</span>}
        {code}
        {depth === 0 && line?.parentCode && (
          <span className="tz-parent-code" title={t('ledger.partOf', { code: line.parentCode })}>
            {t('ledger.partOf', { code: line.parentCode })}
          </span>
        )}
      </span>
    );
  };
  const planColumn: Column = {
    title: t('ledger.plan'),
    key: 'plan',
    width: 150,
    ellipsis: true,
    render: (_, task) => <span title={planTitle.get(task.planId)}>{planName(task.planId)}</span>,
  };

  const columns: Column[] = [
    {
      title: t('task.code'),
      dataIndex: 'code',
      key: 'code',
      width: 84,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('code'),
      render: codeCell,
    },
    {
      title: t('task.title'),
      dataIndex: 'title',
      key: 'title',
      width: 300,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('title'),
      ellipsis: true,
      render: (title: string, task) => (
        <Link to={`/r/${regionId}/tasks/${task.id}`} title={title}>
          {title}
        </Link>
      ),
    },
    ...(severalPlans ? [planColumn] : []),
    {
      title: t('task.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (s: TaskSummary['status']) => <StatusTag status={s} />,
    },
    {
      title: t('task.progress'),
      dataIndex: 'progress',
      key: 'progress',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('progress'),
      render: (p: number, task) => (
        <Progress percent={Math.round(p)} size="small" strokeColor={STATUS_COLOR[task.status]} />
      ),
    },
    {
      title: t('task.leadUnit'),
      key: 'leadUnit',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('leadUnit'),
      ellipsis: true,
      render: (_, task) =>
        task.leadUnit
          ? task.leadUnit.active
            ? task.leadUnit.name
            : t('task.unitInactive', { name: task.leadUnit.name })
          : '—',
    },
    {
      title: t('task.coUnits'),
      key: 'coUnits',
      width: 180,
      ellipsis: true,
      render: (_, task) => {
        const names = task.coUnits.map((u) => u.name).join('、');
        return names ? <span title={names}>{names}</span> : '—';
      },
    },
    {
      title: t('task.dueDate'),
      dataIndex: 'dueDate',
      key: 'dueDate',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('dueDate'),
      render: (d: string | null, task) => (task.ongoing ? t('task.ongoing') : formatDate(d, locale)),
    },
    {
      title: t('task.area'),
      key: 'area',
      width: 170,
      ellipsis: true,
      render: (_, task) => (task.areaId ? (areaName.get(task.areaId) ?? '') : '—'),
    },
    {
      title: t('task.leader'),
      dataIndex: 'leaderName',
      key: 'leader',
      width: 120,
      ellipsis: true,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('task.tags'),
      dataIndex: 'tags',
      key: 'tags',
      width: 110,
      ellipsis: true,
      render: (tags: string[]) => (tags.length ? tags.join('、') : '—'),
    },
  ];
  // On a phone: number, task, and status with its progress in one narrow column.
  const narrow: Column[] = [
    { ...columns[0]!, width: 60, sorter: false, fixed: false },
    {
      ...columns[1]!,
      width: 150,
      fixed: false,
      // The plan, when several are shown, under the title: the phone has no room for its own column.
      render: (title: string, task) => (
        <>
          <Link to={`/r/${regionId}/tasks/${task.id}`} title={title}>
            {title}
          </Link>
          {severalPlans && <div className="tz-narrow-plan">{planName(task.planId)}</div>}
        </>
      ),
    },
    {
      title: t('task.status'),
      dataIndex: 'status',
      key: 'status',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (s: TaskSummary['status'], task) => (
        <span className="tz-nowrap">
          <StatusTag status={s} />
          <span className="tz-narrow-progress">{Math.round(task.progress)}%</span>
        </span>
      ),
    },
  ];
  const shown = screens.md ? columns : narrow;

  const onChange: TableProps<TaskSummary>['onChange'] = (_pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? (String(s.columnKey) as SortKey) : undefined;
    const next: LedgerFilter = { ...filter };
    delete next.sort;
    delete next.order;
    if (key) {
      next.sort = key;
      next.order = s?.order === 'descend' ? 'desc' : 'asc';
    }
    setFilter(next);
  };

  return (
    <div className="tz-ledger" data-testid="ledger">
      <PageHead title={t('ledger.title')}>
        <Typography.Text type="secondary" data-testid="ledger-count">
          {t('ledger.count', { n: rows.length, total: data?.tasks.length ?? 0 })}
        </Typography.Text>
        <span className="tz-ledger-excel">
          {inView.length === 1 ? (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={ledgerXlsxUrl(inView[0]!.id, params)}
              data-testid="ledger-export"
            >
              {t('excel.export')}
            </Button>
          ) : (
            inView.length > 1 && (
              <Dropdown
                menu={{
                  items: inView.map((p) => ({
                    key: p.id,
                    label: <a href={ledgerXlsxUrl(p.id, params)}>{p.title}</a>,
                  })),
                }}
              >
                <Button size="small" icon={<DownloadOutlined />} data-testid="ledger-export">
                  {t('excel.export')}
                </Button>
              </Dropdown>
            )
          )}
          {me.can.importPlans && (
            <Link to={`/r/${regionId}/excel`}>
              <Button size="small" icon={<UploadOutlined />} data-testid="ledger-import">
                {t('excel.import')}
              </Button>
            </Link>
          )}
        </span>
      </PageHead>
      <Card size="small">
        <LedgerFilters filter={filter} areas={data?.areas ?? []} tags={tags} onChange={setFilter} />
        {error && <Alert type="error" title={errorText(error)} showIcon />}
        <Table<TaskSummary>
          virtual
          size="small"
          rowKey="id"
          loading={loading && !data}
          columns={shown}
          dataSource={rows}
          pagination={false}
          onChange={onChange}
          scroll={{
            x: screens.md ? (severalPlans ? 1614 : 1464) : 322,
            y: Math.max(320, height - (screens.md ? 290 : 330)),
          }}
          rowClassName={(task) => `tz-row-${task.status}`}
          locale={{ emptyText: t('ledger.empty') }}
        />
      </Card>
    </div>
  );
}
