import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Indicator } from '../../api/types';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatNumber, formatPeriod } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { IndicatorChart } from './IndicatorChart';
import { indicatorsXlsxUrl, loadIndicators } from './indicators-api';
import { ConfirmValueButton, ReportValueButton } from './ValueActions';
import { PageHead } from '../../ui/PageHead';
import './indicators.css';

/** How the programme words a comparator: 不低于 before the value, 左右/以上/以内 after it. */
const COMPARATOR: Record<Indicator['comparator'], [string, string]> = {
  '=': ['', ''],
  '~': ['', '左右'],
  '>': ['', '以上'],
  '>=': ['不低于', ''],
  '<': ['', '以内'],
  '<=': ['', '以内'],
};
const STATUS_COLOR: Record<Indicator['result']['status'], string> = {
  met: 'blue',
  on_pace: 'green',
  behind: 'gold',
  missed: 'red',
  no_data: 'default',
};

/** 指标: a plan's targets with their values, status against 序时 and a chart each. */
export function IndicatorsPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { plans, unitName } = useRegion();
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan') ?? plans[0]?.id ?? '';
  const { data, error, reload } = useLoad(() => loadIndicators(planId), planId);

  const target = (i: Indicator) =>
    `${i.stretch ? `${t('ind.stretch')} ` : ''}${COMPARATOR[i.comparator][0]}${formatNumber(i.value, locale, 2)}${i.unit}${COMPARATOR[i.comparator][1]}`;

  return (
    <div data-testid="indicators-page">
      <PageHead title={t('ind.title')}>
        <Select
          className="tz-indicator-plan"
          value={planId || undefined}
          options={plans.map((p) => ({ value: p.id, label: p.title }))}
          onChange={(v: string) => {
            setParams({ plan: v });
          }}
          aria-label={t('ind.plan')}
        />
        {planId && (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={indicatorsXlsxUrl(planId, data?.asOf)}
            data-testid="indicators-export"
          >
            {t('excel.export')}
          </Button>
        )}
      </PageHead>
      {error && <Alert type="error" title={errorText(error)} showIcon />}
      {!data && !error && <Skeleton active />}
      {data && (
        <Table<Indicator>
          rowKey="id"
          size="small"
          dataSource={data.indicators}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('ind.none') }}
          expandable={{
            expandedRowRender: (i) => <IndicatorDetail indicator={i} onChange={reload} />,
            rowExpandable: () => true,
          }}
          columns={[
            {
              title: t('ind.indicator'),
              dataIndex: 'indicator',
              render: (v: string) => <strong>{v}</strong>,
            },
            {
              title: t('ind.status'),
              key: 'status',
              render: (_, i) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATUS_COLOR[i.result.status]} data-status={i.result.status}>
                    {t(`ind.status.${i.result.status}`)}
                  </Tag>
                  {(i.result.status === 'behind' || i.result.status === 'missed') && (
                    <Typography.Text type="danger" className="tz-indicator-gap">
                      {t(`ind.wording.${i.result.wording}`, { gap: i.result.gap })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t('ind.target'), key: 'target', render: (_, i) => target(i) },
            { title: t('ind.unit'), key: 'unit', render: (_, i) => unitName(i.unitId) },
            {
              title: t('ind.actual'),
              key: 'actual',
              render: (_, i) =>
                i.result.actual === null
                  ? '—'
                  : `${formatNumber(i.result.actual, locale, 2)}${i.unit}${i.result.period ? `（${formatPeriod(i.result.period, locale)}）` : ''}`,
            },
            {
              key: 'actions',
              render: (_, i) =>
                i.can.reportValue ? <ReportValueButton indicator={i} onDone={reload} /> : null,
            },
          ]}
        />
      )}
    </div>
  );
}

function IndicatorDetail({ indicator, onChange }: { indicator: Indicator; onChange: () => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="tz-indicator-detail">
      <Card size="small" title={t('ind.chart')}>
        <IndicatorChart indicator={indicator} />
      </Card>
      <Card
        size="small"
        title={`${t('ind.values')} · ${t(`ind.cadence.${indicator.cadence}`)} · ${indicator.cumulative ? t('ind.cumulative') : t('ind.single')}`}
      >
        <Table
          rowKey="period"
          size="small"
          pagination={false}
          dataSource={[...indicator.measurements].reverse()}
          columns={[
            { title: t('ind.period'), dataIndex: 'period', render: (p: string) => formatPeriod(p, locale) },
            {
              title: t('ind.value'),
              dataIndex: 'value',
              render: (v: number) => `${formatNumber(v, locale, 2)}${indicator.unit}`,
            },
            {
              title: t('ind.estimate'),
              dataIndex: 'estimate',
              render: (v: number | null) =>
                v === null ? '' : `${formatNumber(v, locale, 2)}${indicator.unit}`,
            },
            {
              title: t('ind.status'),
              key: 'status',
              render: (_, m) =>
                m.status === 'confirmed' ? (
                  <Tag color="blue">{t('ind.confirmed')}</Tag>
                ) : indicator.can.confirmValue ? (
                  <ConfirmValueButton indicator={indicator} period={m.period} onDone={onChange} />
                ) : (
                  <Tag>{t('ind.reported')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
