import type { ReactNode } from 'react';
import { Empty, Tag, Timeline } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import type { Milestone } from '../../api/types';
import { STATUS_COLOR } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { milestoneState } from './milestone-state';

/** The roadmap (路线图): each dated step, done, overdue or ahead. */
export function Milestones({
  milestones,
  today,
  action,
}: {
  milestones: Milestone[];
  today: string;
  action?: (m: Milestone) => ReactNode;
}) {
  const { t, locale } = useI18n();
  if (milestones.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noMilestones')} />;
  return (
    <Timeline
      items={[...milestones]
        .sort((a, b) => a.seq - b.seq)
        .map((m) => {
          const state = milestoneState(m, today);
          const color =
            state === 'done'
              ? STATUS_COLOR.done
              : state === 'late'
                ? STATUS_COLOR.delayed
                : STATUS_COLOR.not_started;
          const icon =
            state === 'done' ? (
              <CheckCircleFilled />
            ) : state === 'late' ? (
              <ExclamationCircleFilled />
            ) : (
              <ClockCircleOutlined />
            );
          return {
            key: m.id,
            color,
            icon,
            title: formatDate(m.dueDate, locale),
            content: (
              <div data-testid="milestone">
                <div>{m.title}</div>
                {state === 'done' && (
                  <Tag color="blue">{t('milestone.doneOn', { date: formatDate(m.doneDate, locale) })}</Tag>
                )}
                {state === 'late' && <Tag color="red">{t('milestone.late')}</Tag>}
                {state !== 'done' && action?.(m)}
              </div>
            ),
          };
        })}
    />
  );
}
