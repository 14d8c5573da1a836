import { Tag } from 'antd';
import { useI18n } from '../i18n/context';

/** 逾期N天: the red mark of a notice or an instruction left unanswered past its deadline (server-computed). */
export function OverdueTag({ days }: { days: number }) {
  const { t } = useI18n();
  if (days <= 0) return null;
  return (
    <Tag color="red" data-testid="overdue-tag">
      {t('notice.overdue', { days })}
    </Tag>
  );
}
