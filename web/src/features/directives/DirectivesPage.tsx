import { Alert, Segmented, Space, Table, Typography } from 'antd';
import { useNarrow } from './parts';
import type { TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { listDirectives, type CheckpointState, type Directive } from './directives-api';
import { CheckpointDots, DirectiveStateTag } from './parts';
import { PageHead } from '../../ui/PageHead';
import './directives.css';

const STATES: readonly CheckpointState[] = ['pending', 'met', 'late', 'missed'];

function isState(v: string | null): v is CheckpointState {
  return v !== null && (STATES as readonly string[]).includes(v);
}

/** 交办事项: every directive the caller may see, with its three checkpoints at a glance; the filter in the URL. */
export function DirectivesPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId } = useRegion();
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state = isState(raw) ? raw : undefined;
  const { data, error, loading } = useLoad(
    () => listDirectives(regionId, state),
    `${regionId}?${state ?? ''}`,
  );

  const source = (d: Directive) =>
    d.meeting
      ? t('directive.meeting', {
          kind: t(`meeting.kind.${d.meeting.kind}` as 'meeting.kind.executive'),
          topic: d.meeting.topic,
        })
      : t('directive.instruction');
  const link = (d: Directive) => (
    <Link to={`/r/${regionId}/directives/${d.id}`} data-testid="directive-link">
      <Typography.Paragraph ellipsis={{ rows: 2 }} className="tz-dir-content">
        {d.content}
      </Typography.Paragraph>
    </Link>
  );
  const columns: NonNullable<TableProps<Directive>['columns']> = [
    {
      title: t('directives.col.content'),
      key: 'content',
      render: (_, d) => (
        <div>
          {link(d)}
          <Typography.Text type="secondary" className="tz-dir-meta">
            {source(d)} · {t('directive.assignedOn')} {formatDate(d.assignedOn, locale)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('directives.col.lead'), key: 'lead', width: 160, render: (_, d) => d.leadUnit.name },
    {
      title: t('directives.col.checkpoints'),
      key: 'checkpoints',
      width: 250,
      render: (_, d) => <CheckpointDots checkpoints={d.checkpoints} />,
    },
    {
      title: t('directives.col.state'),
      key: 'state',
      width: 120,
      render: (_, d) => <DirectiveStateTag state={d.state} />,
    },
  ];
  const compact: NonNullable<TableProps<Directive>['columns']> = [
    {
      title: t('directives.col.content'),
      key: 'content',
      render: (_, d) => (
        <Space orientation="vertical" size={4} className="tz-full">
          {link(d)}
          <Space size={4} wrap className="tz-dir-meta">
            <DirectiveStateTag state={d.state} />
            <span>{d.leadUnit.name}</span>
          </Space>
          <CheckpointDots checkpoints={d.checkpoints} />
        </Space>
      ),
    },
  ];
  const narrow = useNarrow();
  return (
    <div data-testid="directives-page">
      <PageHead title={t('directives.title')}>
        {data && (
          <Typography.Text type="secondary">{t('directives.count', { n: data.length })}</Typography.Text>
        )}
      </PageHead>
      <div className="tz-dir-filters">
        <Segmented<string>
          value={state ?? 'all'}
          onChange={(v) => {
            setParams(v === 'all' ? new URLSearchParams() : new URLSearchParams({ state: v }));
          }}
          options={[
            { value: 'all', label: t('directives.filter.all') },
            ...STATES.map((s) => ({ value: s, label: t(`directive.state.${s}`) })),
          ]}
        />
      </div>
      {error ? (
        <Alert type="error" title={errorText(error)} showIcon />
      ) : (
        <Table<Directive>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data ?? []}
          columns={narrow ? compact : columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('directives.empty') }}
          data-testid="directive-table"
        />
      )}
    </div>
  );
}
