import { Card, Descriptions, Progress, Rate, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { LedgerNote, Report, ReportStatus } from '../../api/types';
import { LedgerNoteLine } from './LedgerNoteLine';
import { useI18n } from '../../i18n/context';
import { formatBytes, formatDateTime, formatPeriod } from '../../i18n/format';
import { fileHref } from './report-api';
import { reportLabel, type ReportLabel } from './period-rules';
import type { ReactNode } from 'react';

const REPORT_STATUS_COLOR: Readonly<Record<ReportLabel, string>> = {
  draft: 'default',
  sent_back: 'error',
  awaiting_head: 'gold',
  submitted: 'processing',
  accepted: 'success',
  returned: 'error',
};

/** A report's status; `label` tells a draft the unit head sent back from a plain one. */
export function ReportStatusTag({ status, label = status }: { status: ReportStatus; label?: ReportLabel }) {
  const { t } = useI18n();
  return (
    <Tag color={REPORT_STATUS_COLOR[label]} data-report-status={status}>
      {label === 'sent_back' ? t('report.sentBack') : t(`report.status.${label}`)}
    </Tag>
  );
}

/** One period's report as the office reads it: progress, words, evidence, and where it stands. */
export function ReportCard({
  report,
  actions,
  unitName,
  ledgerNote,
}: {
  report: Report;
  actions?: ReactNode;
  unitName?: string;
  /** The office's ledger note for the report's period, shown beside it and marked as the office's. */
  ledgerNote?: LedgerNote | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      className="tz-report-card"
      data-testid={`report-${report.id}`}
      title={
        <Space wrap size={4}>
          <strong>{formatPeriod(report.period, locale)}</strong>
          <ReportStatusTag status={report.status} label={reportLabel(report)} />
          {report.claimsCompletion && <Tag color="blue">{t('report.claimsCompletion')}</Tag>}
          {unitName && <Typography.Text type="secondary">{unitName}</Typography.Text>}
        </Space>
      }
      extra={<Progress type="circle" percent={report.progress} size={36} />}
    >
      {report.returnReason && (report.status === 'returned' || report.status === 'draft') && (
        <Typography.Paragraph type="danger">
          {t('report.returnReason')}
          {t('common.colon')}
          {report.returnReason}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'n',
            label: t('report.narrative'),
            children: <span className="tz-prewrap">{report.narrative}</span>,
          },
          ...(report.problems
            ? [
                {
                  key: 'p',
                  label: t('report.problems'),
                  children: <span className="tz-prewrap">{report.problems}</span>,
                },
              ]
            : []),
          ...(report.coordination
            ? [
                {
                  key: 'c',
                  label: t('report.coordination'),
                  children: <span className="tz-prewrap">{report.coordination}</span>,
                },
              ]
            : []),
          ...(report.nextSteps
            ? [
                {
                  key: 'ns',
                  label: t('report.nextSteps'),
                  children: <span className="tz-prewrap">{report.nextSteps}</span>,
                },
              ]
            : []),
          ...(report.files.length
            ? [
                {
                  key: 'f',
                  label: t('report.evidence'),
                  children: (
                    <Space orientation="vertical" size={0}>
                      {report.files.map((f) => (
                        <a key={f.id} href={fileHref(f.id)}>
                          <PaperClipOutlined /> {f.filename}{' '}
                          <Typography.Text type="secondary">({formatBytes(f.size, locale)})</Typography.Text>
                        </a>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(report.rating
            ? [{ key: 'r', label: t('report.rating'), children: <Rate disabled value={report.rating} /> }]
            : []),
          { key: 't', label: t('report.updatedAt'), children: formatDateTime(report.updatedAt, locale) },
        ]}
      />
      {ledgerNote && <LedgerNoteLine note={ledgerNote} />}
      {actions && <div className="tz-report-actions">{actions}</div>}
    </Card>
  );
}
