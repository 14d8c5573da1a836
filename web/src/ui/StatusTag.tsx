import { Tag } from 'antd';
import type { TaskStatus } from '../api/types';
import { STATUS_COLOR, STATUS_TEXT } from '../domain/status';
import { useI18n } from '../i18n/context';

export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return (
    <Tag
      style={{
        background: STATUS_COLOR[status],
        color: STATUS_TEXT[status],
        borderColor: STATUS_COLOR[status],
        // antd 6 tags carry no margin: without one the task code beside the tag touches it.
        marginInlineEnd: 6,
      }}
      data-status={status}
    >
      {t(`status.${status}`)}
    </Tag>
  );
}
