import { useState } from 'react';
import { Input, Modal, Rate } from 'antd';
import { useI18n } from '../i18n/context';

interface Props {
  open: boolean;
  title: string;
  /** Returns need a reason; acceptance takes an optional rating instead. */
  mode: 'reason' | 'rating';
  /** The owner runs the write and tells its outcome, so it also knows when the write is under way. */
  busy: boolean;
  onCancel: () => void;
  /** Resolves true when the write went through; on failure the typed reason stays for another try. */
  onConfirm: (value: { reason?: string; rating?: number }) => Promise<boolean>;
}

export function ReasonModal({ open, title, mode, busy, onCancel, onConfirm }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [rating, setRating] = useState(0);
  const blocked = mode === 'reason' && !reason.trim();

  const confirm = async () => {
    if (!(await onConfirm(mode === 'reason' ? { reason: reason.trim() } : rating ? { rating } : {}))) return;
    setReason('');
    setRating(0);
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => void confirm()}
      okButtonProps={{ disabled: blocked, loading: busy }}
      destroyOnHidden
    >
      {mode === 'reason' ? (
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
          placeholder={t('review.reasonPlaceholder')}
          maxLength={1000}
          showCount
          aria-label={t('review.reason')}
        />
      ) : (
        <div>
          <div>{t('review.rating')}</div>
          <Rate value={rating} onChange={setRating} aria-label={t('review.rating')} />
        </div>
      )}
    </Modal>
  );
}
