import { useState } from 'react';
import { Alert, Button, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { AccountabilityRecord, ToleranceRequest } from '../../api/types';
import { useMe } from '../../app/session';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { listRecords, listTolerance } from './accountability-api';
import { RecordForm } from './RecordForm';
import { ToleranceCase } from './ToleranceCase';
import { ToleranceForm } from './ToleranceForm';
import { PageHead } from '../../ui/PageHead';
import './accountability.css';

const TOLERANCE_COLOURS = { submitted: 'gold', granted: 'green', refused: 'default' } as const;

/** 问责与容错免责: the region's records (a unit's own only) and the 容错免责 cases, the tab in the URL. */
export function AccountabilityPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId } = useRegion();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'tolerance' ? 'tolerance' : 'records';
  const [dialog, setDialog] = useState<'record' | 'tolerance' | null>(null);
  const data = useLoad(() => Promise.all([listRecords(regionId), listTolerance(regionId)]), regionId);
  const [records, requests] = data.data ?? [[], []];
  const isOffice = me.role === 'office' || me.role === 'admin';
  const isUnitStaff = (me.role === 'reporter' || me.role === 'unit_head') && me.unitId !== null;

  const recordColumns = [
    {
      key: 'who',
      title: t('acc.col.unit'),
      render: (_: unknown, r: AccountabilityRecord) => (
        <Link to={`/r/${regionId}/accountability/${r.id}`}>
          {r.unitName}
          {r.personName ? ` · ${r.personName}` : t('acc.unitItself')}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('acc.col.kind'),
      render: (_: unknown, r: AccountabilityRecord) => <Tag>{t(`acc.kind.${r.kind}`)}</Tag>,
    },
    {
      key: 'measures',
      title: t('acc.col.measures'),
      responsive: ['md' as const],
      render: (_: unknown, r: AccountabilityRecord) =>
        r.measures.map((m) => t(`acc.measure.${m}`)).join('、'),
    },
    { key: 'by', title: t('acc.col.decidedBy'), dataIndex: 'decidedBy', responsive: ['lg' as const] },
    {
      key: 'on',
      title: t('acc.col.decidedOn'),
      render: (_: unknown, r: AccountabilityRecord) => formatDate(r.decidedOn, locale),
    },
  ];
  const toleranceColumns = [
    { key: 'unit', title: t('tol.col.unit'), dataIndex: 'unitName' },
    {
      key: 'source',
      title: t('tol.col.source'),
      responsive: ['md' as const],
      render: (_: unknown, r: ToleranceRequest) => (
        <>
          <Tag>{r.noticeKind ? t(`notice.kind.${r.noticeKind}`) : t(`tol.source.${r.sourceKind}`)}</Tag>
          {r.sourceTask && (
            <Link to={`/r/${regionId}/tasks/${r.sourceTask.id}`}>
              {r.sourceTask.code} {r.sourceTask.title}
            </Link>
          )}
        </>
      ),
    },
    {
      key: 'status',
      title: t('tol.col.status'),
      render: (_: unknown, r: ToleranceRequest) => (
        <Tag color={TOLERANCE_COLOURS[r.status]}>{t(`tol.status.${r.status}`)}</Tag>
      ),
    },
    {
      key: 'created',
      title: t('tol.col.created'),
      responsive: ['sm' as const],
      render: (_: unknown, r: ToleranceRequest) => formatDateTime(r.createdAt, locale),
    },
  ];

  return (
    <div data-testid="accountability-page">
      <PageHead title={t('acc.title')} />
      <Typography.Paragraph type="secondary">{t('acc.oversightNote')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(next) => {
          setParams(next === 'tolerance' ? { tab: next } : {});
        }}
        items={[
          { key: 'records', label: `${t('acc.tab.records')}（${records.length}）` },
          { key: 'tolerance', label: `${t('acc.tab.tolerance')}（${requests.length}）` },
        ]}
      />
      <div className="tz-acc-toolbar">
        {tab === 'records' && isOffice && (
          <Button
            type="primary"
            onClick={() => {
              setDialog('record');
            }}
          >
            {t('acc.new')}
          </Button>
        )}
        {tab === 'tolerance' && isUnitStaff && (
          <Button
            type="primary"
            onClick={() => {
              setDialog('tolerance');
            }}
          >
            {t('tol.apply')}
          </Button>
        )}
      </div>
      {data.error ? (
        <Alert type="error" title={errorText(data.error)} showIcon />
      ) : tab === 'records' ? (
        <Table
          rowKey="id"
          size="small"
          loading={data.loading}
          dataSource={records}
          columns={recordColumns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={data.loading}
          dataSource={requests}
          columns={toleranceColumns}
          expandable={{ expandedRowRender: (r) => <ToleranceCase request={r} onChanged={data.reload} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      )}
      <RecordForm
        open={dialog === 'record'}
        onClose={() => {
          setDialog(null);
        }}
        onSaved={() => {
          setDialog(null);
          data.reload();
        }}
      />
      <ToleranceForm
        open={dialog === 'tolerance'}
        onClose={() => {
          setDialog(null);
        }}
        onSaved={() => {
          setDialog(null);
          data.reload();
        }}
      />
    </div>
  );
}
