import { useMemo, type ReactNode } from 'react';
import { Alert, Button, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { Instruction, Notice, NoticeKind } from '../../api/types';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { NOTICE_KINDS, NoticeKindTag } from '../../ui/NoticeKindTag';
import { noticeFilterToSearch, parseNoticeFilter, type NoticeFilter } from './notice-filter';
import { listInstructions, listNotices, noticesXlsxUrl } from './notices-api';
import { Due, FollowUpTable } from './FollowUpTable';
import { InstructionToDirective } from './InstructionToDirective';
import { PageHead } from '../../ui/PageHead';
import './notices.css';

type StateChoice = 'all' | 'open' | 'overdue';

/** 督办与批示: every notice and addressed instruction the caller may see, filtered on the server, the view in the URL. */
export function NoticesPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId, units } = useRegion();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => parseNoticeFilter(params), [params]);
  const key = `${regionId}?${noticeFilterToSearch(filter)}`;
  const { data, error, loading } = useLoad(
    () =>
      filter.tab === 'notices'
        ? listNotices(regionId, filter).then((notices) => ({ notices, instructions: [] as Instruction[] }))
        : listInstructions(regionId, filter).then((instructions) => ({
            notices: [] as Notice[],
            instructions,
          })),
    key,
  );
  // Layout only: a unit's staff see their own unit's items, so the unit filter would offer one choice.
  const wholeRegion =
    me.role === 'office' || me.role === 'leader' || me.role === 'viewer' || me.role === 'admin';

  const set = (patch: Partial<NoticeFilter>) => {
    const next = { ...filter, ...patch };
    setParams(new URLSearchParams(noticeFilterToSearch(next)));
  };

  const filters = (
    <div className="tz-notice-filters">
      <Segmented<StateChoice>
        value={filter.state ?? 'all'}
        onChange={(state) => {
          set({ state: state === 'all' ? undefined : state });
        }}
        options={[
          { value: 'all', label: t('notices.filter.all') },
          { value: 'open', label: t('notices.filter.open') },
          { value: 'overdue', label: t('notices.filter.overdue') },
        ]}
        aria-label={t('notices.filter.state')}
      />
      {wholeRegion && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('notices.filter.unit')}
          aria-label={t('notices.filter.unit')}
          value={filter.unit}
          className="tz-nf-unit"
          onChange={(unit?: string) => {
            set({ unit });
          }}
          options={units.filter((u) => u.kind !== 'office').map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
      {filter.tab === 'notices' && (
        <Select<NoticeKind>
          allowClear
          placeholder={t('notices.filter.kind')}
          aria-label={t('notices.filter.kind')}
          value={filter.kind}
          className="tz-nf-kind"
          onChange={(kind?: NoticeKind) => {
            set({ kind });
          }}
          options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notice.kind.${k}`) }))}
        />
      )}
    </div>
  );

  const rows = filter.tab === 'notices' ? (data?.notices.length ?? 0) : (data?.instructions.length ?? 0);
  return (
    <div data-testid="notices-page">
      <PageHead title={t('notices.title')}>
        {data && <Typography.Text type="secondary">{t('notices.count', { n: rows })}</Typography.Text>}
        {filter.tab === 'notices' && (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={noticesXlsxUrl(regionId, filter)}
            className="tz-notices-excel"
            data-testid="notices-export"
          >
            {t('excel.export')}
          </Button>
        )}
      </PageHead>
      <Tabs
        activeKey={filter.tab}
        onChange={(tab) => {
          // Kinds belong to notices: switching tab keeps the state and unit, drops the kind.
          set({ tab: tab === 'instructions' ? 'instructions' : 'notices', kind: undefined });
        }}
        items={[
          { key: 'notices', label: t('notices.tab.notices') },
          { key: 'instructions', label: t('notices.tab.instructions') },
        ]}
      />
      {filters}
      {error ? (
        <Alert type="error" title={errorText(error)} showIcon />
      ) : filter.tab === 'notices' ? (
        <NoticeTable notices={data?.notices ?? []} loading={loading} regionId={regionId} />
      ) : (
        <InstructionTable
          instructions={data?.instructions ?? []}
          loading={loading}
          regionId={regionId}
          mayTrack={me.role === 'office' || me.role === 'admin'}
        />
      )}
    </div>
  );
}

function TaskLink({
  regionId,
  id,
  code,
  title,
}: {
  regionId: string;
  id: string;
  code?: string;
  title?: string;
}) {
  return (
    <Link to={`/r/${regionId}/tasks/${id}`} className="tz-nt-task">
      {code} {title}
    </Link>
  );
}

/** What a notice or instruction says, under the task it is about. */
function FollowUpBody({ body, secondary = false }: { body: string; secondary?: boolean }) {
  return (
    <Typography.Paragraph
      type={secondary ? 'secondary' : undefined}
      ellipsis={{ rows: 2 }}
      className="tz-nt-body"
    >
      {body}
    </Typography.Paragraph>
  );
}

/** The phone's line under a follow-up: to whom, by when, in what state, and what may be done. */
function FollowUpMeta({
  to,
  due,
  overdueDays,
  status,
  children,
}: {
  to: string;
  due: string | null;
  overdueDays: number;
  status: string;
  children?: ReactNode;
}) {
  return (
    <Space size={4} wrap className="tz-nt-meta">
      <span>{to}</span>
      <Due due={due} overdueDays={overdueDays} />
      <Tag>{status}</Tag>
      {children}
    </Space>
  );
}

function NoticeTable({
  notices,
  loading,
  regionId,
}: {
  notices: Notice[];
  loading: boolean;
  regionId: string;
}) {
  const { t } = useI18n();
  const { unitName } = useRegion();
  const compact: NonNullable<TableProps<Notice>['columns']> = [
    {
      title: t('notices.col.task'),
      key: 'task',
      render: (_, n) => (
        <div>
          <Space size={4} wrap>
            <NoticeKindTag kind={n.kind} />
            <TaskLink regionId={regionId} id={n.taskId} code={n.taskCode} title={n.taskTitle} />
          </Space>
          <FollowUpBody body={n.body} secondary />
          <FollowUpMeta
            to={unitName(n.unitId)}
            due={n.responseDue}
            overdueDays={n.overdueDays}
            status={t(`notice.status.${n.status}`)}
          />
        </div>
      ),
    },
  ];
  const columns: NonNullable<TableProps<Notice>['columns']> = [
    {
      title: t('notices.filter.kind'),
      key: 'kind',
      width: 110,
      render: (_, n) => <NoticeKindTag kind={n.kind} />,
    },
    {
      title: t('notices.col.task'),
      key: 'task',
      render: (_, n) => (
        <div>
          <TaskLink regionId={regionId} id={n.taskId} code={n.taskCode} title={n.taskTitle} />
          <FollowUpBody body={n.body} secondary />
        </div>
      ),
    },
    { title: t('notices.col.unit'), key: 'unit', width: 170, render: (_, n) => unitName(n.unitId) },
  ];
  return (
    <FollowUpTable<Notice>
      rows={notices}
      loading={loading}
      compact={compact}
      columns={columns}
      issuedOf={(n) => n.issuedAt}
      statusOf={(n) => t(`notice.status.${n.status}`)}
      answerOf={(n) =>
        n.response === null ? null : { label: t('notice.response'), text: n.response, at: n.respondedAt }
      }
      testId="notice-table"
    />
  );
}

function InstructionTable({
  instructions,
  loading,
  regionId,
  mayTrack,
}: {
  instructions: Instruction[];
  loading: boolean;
  regionId: string;
  /** Layout only: the office may track an instruction as a directive (the server decides). */
  mayTrack: boolean;
}) {
  const { t } = useI18n();
  const compact: NonNullable<TableProps<Instruction>['columns']> = [
    {
      title: t('notices.col.task'),
      key: 'task',
      render: (_, i) => (
        <div>
          <TaskLink regionId={regionId} id={i.taskId} code={i.taskCode} title={i.taskTitle} />
          <FollowUpBody body={i.body} />
          <FollowUpMeta
            to={`${i.authorName} → ${i.unitName ?? '—'}`}
            due={i.responseDue}
            overdueDays={i.overdueDays}
            status={t(`instruction.status.${i.status}`)}
          >
            {mayTrack && <InstructionToDirective instructionId={i.id} regionId={regionId} />}
          </FollowUpMeta>
        </div>
      ),
    },
  ];
  const columns: NonNullable<TableProps<Instruction>['columns']> = [
    {
      title: t('notices.col.task'),
      key: 'task',
      render: (_, i) => (
        <div>
          <TaskLink regionId={regionId} id={i.taskId} code={i.taskCode} title={i.taskTitle} />
          <FollowUpBody body={i.body} />
          {mayTrack && <InstructionToDirective instructionId={i.id} regionId={regionId} />}
        </div>
      ),
    },
    { title: t('notices.col.author'), key: 'author', width: 110, render: (_, i) => i.authorName },
    { title: t('notices.col.unit'), key: 'unit', width: 170, render: (_, i) => i.unitName ?? '—' },
  ];
  return (
    <FollowUpTable<Instruction>
      rows={instructions}
      loading={loading}
      compact={compact}
      columns={columns}
      issuedOf={(i) => i.createdAt}
      statusOf={(i) => t(`instruction.status.${i.status}`)}
      answerOf={(i) =>
        i.reply === null ? null : { label: t('instruction.replyLabel'), text: i.reply, at: i.repliedAt }
      }
      testId="instruction-table"
    />
  );
}
