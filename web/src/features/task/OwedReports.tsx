import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { formatDate, formatPeriod } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useRegion } from '../../app/region';
import { owedReports } from './period-api';

/** 待报送: every period the unit's tasks still owe a report for, the late ones first, with their due days. */
export function OwedReports() {
  const { t, locale } = useI18n();
  const { regionId } = useRegion();
  const { data } = useLoad(() => owedReports(regionId), `${regionId}:owed`);
  const owed = data ?? [];
  return (
    <Card
      size="small"
      title={`${t('work.owed')} (${owed.length})`}
      className="tz-mb"
      data-testid="owed-reports"
    >
      {data && owed.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.owedNone')} />
      ) : (
        <List
          size="small"
          loading={!data}
          dataSource={owed}
          renderItem={(o) => (
            <List.Item
              key={`${o.taskId}|${o.period}`}
              data-testid={`owed-${o.taskId}-${o.period}`}
              extra={
                <Link to={`/r/${regionId}/tasks/${o.taskId}?report=${encodeURIComponent(o.period)}`}>
                  <Button size="small" type={o.overdue ? 'primary' : 'default'}>
                    {t(o.report ? 'work.owedContinue' : 'work.owedReport')}
                  </Button>
                </Link>
              }
            >
              <List.Item.Meta
                title={
                  <Link to={`/r/${regionId}/tasks/${o.taskId}`}>
                    {o.taskCode} {o.taskTitle}
                  </Link>
                }
                description={
                  <Space size={4} wrap>
                    <Tag color={o.overdue ? 'red' : 'blue'}>{formatPeriod(o.period, locale)}</Tag>
                    <Typography.Text type={o.overdue ? 'danger' : 'secondary'}>
                      {o.overdue
                        ? t('work.owedLate', { date: formatDate(o.closesOn, locale) })
                        : t('work.owedDue', { date: formatDate(o.dueDate, locale) })}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
