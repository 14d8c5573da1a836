import { Card, List, Progress } from 'antd';
import { Link } from 'react-router-dom';
import { STATUS_COLOR, STATUS_ORDER } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatPeriod } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { StatusTag } from '../../ui/StatusTag';
import { plansInView } from '../../app/ledger-url';
import { useRegion } from '../../app/region';
import { tasksOfPlans } from './task-api';

/** The tasks this account reports on (the server's `can.report`: its unit leads them), red first, with the last period reported: where the next report is due. */
export function MyTasks() {
  const { t, locale } = useI18n();
  const { regionId, plans } = useRegion();
  const inView = plansInView(plans, undefined);
  const { data } = useLoad(() => tasksOfPlans(inView), `${regionId}:mine`);
  const rank = (s: string) => STATUS_ORDER.indexOf(s as (typeof STATUS_ORDER)[number]);
  const tasks = (data ?? [])
    .filter((task) => task.can.report)
    .sort((a, b) => rank(a.status) - rank(b.status));
  return (
    <Card size="small" title={`${t('work.myTasks')} (${tasks.length})`} data-testid="my-tasks">
      <List
        size="small"
        loading={!data}
        dataSource={tasks}
        renderItem={(task) => (
          <List.Item
            key={task.id}
            extra={
              <Progress
                type="circle"
                percent={Math.round(task.progress)}
                size={32}
                strokeColor={STATUS_COLOR[task.status]}
              />
            }
          >
            <List.Item.Meta
              title={
                <span>
                  <StatusTag status={task.status} />
                  <Link to={`/r/${regionId}/tasks/${task.id}`}>
                    {task.code} {task.title}
                  </Link>
                </span>
              }
              description={t('work.lastReported', {
                period: task.lastReportedPeriod ? formatPeriod(task.lastReportedPeriod, locale) : '—',
              })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
