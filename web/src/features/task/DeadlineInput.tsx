import { InputNumber, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { deadlinePreview } from './deadline-api';

const MAX_WORKING_DAYS = 250;

/**
 * A deadline as the office writes it (3个工作日), with the date the server's holiday calendar gives, so the
 * issuer sees that the National Day week is skipped before sending. Empty means no deadline.
 */
export function DeadlineInput({
  value,
  onChange,
  id,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}) {
  const { t, locale } = useI18n();
  const days = value ?? null;
  const { data } = useLoad(
    () => (days === null ? Promise.resolve(null) : deadlinePreview(days)),
    String(days),
  );
  return (
    <Space wrap size={8}>
      <Space.Compact>
        <InputNumber
          id={id}
          min={1}
          max={MAX_WORKING_DAYS}
          precision={0}
          value={days}
          onChange={(v) => onChange?.(typeof v === 'number' ? v : null)}
          className="tz-deadline-days"
        />
        <Space.Addon>{t('notice.workingDays')}</Space.Addon>
      </Space.Compact>
      {data && days !== null && (
        <Typography.Text type={data.known ? 'secondary' : 'warning'} data-testid="deadline-preview">
          {data.known
            ? t('deadline.preview', { due: formatDate(data.due, locale) })
            : t('deadline.previewUnknown', { due: formatDate(data.due, locale), year: data.due.slice(0, 4) })}
        </Typography.Text>
      )}
    </Space>
  );
}
