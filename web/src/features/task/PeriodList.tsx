import { useState } from 'react';
import { Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context';
import { formatDate, formatPeriod } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { ReportStatusTag } from './ReportCard';
import { decideTaskPeriod, taskPeriods, type PeriodDecision, type TaskPeriod } from './period-api';

const STATE_COLOR: Readonly<Record<TaskPeriod['state'], string>> = {
  open: 'processing',
  closed: 'default',
  reopened: 'warning',
};

/** The latest few periods tell where reporting stands; older ones open on demand. */
const PERIODS_SHOWN = 4;

/**
 * 报送期次: the task's periods so far, each with its state, its due or closing day and its report; the
 * office reopens a closed period for a late report (补报) or closes an open one, as its `can` allows.
 */
export function PeriodList({
  taskId,
  refreshKey,
  onChanged,
}: {
  taskId: string;
  /** Changes when the task's reports change, so the periods' report column follows. */
  refreshKey: string;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const { run, busy } = useWrite();
  const [all, setAll] = useState(false);
  const { data, reload } = useLoad(() => taskPeriods(taskId), `${taskId}:periods:${refreshKey}`);
  const periods = data ?? [];
  const shown = all ? periods : periods.slice(0, PERIODS_SHOWN);

  const decide = async (p: TaskPeriod, action: PeriodDecision) => {
    const done = await run(() => decideTaskPeriod(taskId, p.period, action), {
      success: t(action === 'reopen' ? 'period.reopened' : 'period.closed'),
    });
    if (!done) return;
    reload();
    onChanged();
  };

  return (
    <>
      <List
        size="small"
        loading={!data}
        dataSource={shown}
        renderItem={(p) => (
          <List.Item
            key={p.period}
            data-testid={`period-${p.period}`}
            data-state={p.state}
            extra={
              (p.can.reopen || p.can.close) && (
                <Popconfirm
                  title={t(p.can.reopen ? 'period.reopenConfirm' : 'period.closeConfirm', {
                    period: formatPeriod(p.period, locale),
                  })}
                  onConfirm={() => void decide(p, p.can.reopen ? 'reopen' : 'close')}
                >
                  <Button
                    size="small"
                    loading={busy}
                    danger={p.can.close}
                    data-testid={`period-${p.period}-action`}
                  >
                    {t(p.can.reopen ? 'period.reopen' : 'period.close')}
                  </Button>
                </Popconfirm>
              )
            }
          >
            <Space wrap size={4}>
              <strong>{formatPeriod(p.period, locale)}</strong>
              <Tag color={STATE_COLOR[p.state]}>{t(`period.state.${p.state}`)}</Tag>
              {p.report ? <ReportStatusTag status={p.report.status} /> : <Tag>{t('period.notReported')}</Tag>}
              <Typography.Text type="secondary">
                {p.state === 'closed'
                  ? t('period.due', { date: formatDate(p.dueDate, locale) })
                  : `${t('period.due', { date: formatDate(p.dueDate, locale) })} · ${t('period.closesOn', { date: formatDate(p.closesOn, locale) })}`}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {!all && periods.length > PERIODS_SHOWN && (
        <Button
          type="link"
          onClick={() => {
            setAll(true);
          }}
        >
          {t('period.more', { n: periods.length })}
        </Button>
      )}
    </>
  );
}
