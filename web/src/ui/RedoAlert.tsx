import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/context';

interface Props {
  title: string;
  /** What the user had typed before the conflict, one field a line. */
  lines: string;
  onApply: () => void;
  onClose: () => void;
  testId?: string;
}

/** After a stale save: shows what the user had typed, to apply onto the latest version with one click. */
export function RedoAlert({ title, lines, onApply, onClose, testId }: Props) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      className="tz-mb"
      title={title}
      data-testid={testId}
      description={<div className="tz-prewrap">{lines}</div>}
      action={
        <Button size="small" onClick={onApply}>
          {t('conflict.applyMine')}
        </Button>
      }
      closable={{ onClose }}
    />
  );
}
