import { useState } from 'react';
import { App, Button, Space } from 'antd';
import type { Me, Report } from '../../api/types';
import { errorMessage } from '../../api/errors';
import { useI18n } from '../../i18n/context';
import { ReasonModal } from '../../ui/ReasonModal';
import { transitionReport, type ReviewAction } from './report-api';
import { availableActions } from './review-rules';

interface Props {
  me: Me;
  report: Report;
  onDone: () => void;
}

export function ReviewActions({ me, report, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [modal, setModal] = useState<ReviewAction | null>(null);
  const [busy, setBusy] = useState(false);
  const actions = availableActions(me, report);
  if (actions.length === 0) return null;

  const run = async (action: ReviewAction, extra: { reason?: string; rating?: number } = {}) => {
    setBusy(true);
    try {
      await transitionReport(report.id, action, extra);
      void message.success(t(`review.done.${action}`));
      setModal(null);
      onDone();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap>
      {actions.includes('approve') && <Button type="primary" loading={busy} onClick={() => void run('approve')}>{t('review.approve')}</Button>}
      {actions.includes('send-back') && <Button danger onClick={() => { setModal('send-back'); }}>{t('review.sendBack')}</Button>}
      {actions.includes('accept') && <Button type="primary" onClick={() => { setModal('accept'); }}>{t('review.accept')}</Button>}
      {actions.includes('return') && <Button danger onClick={() => { setModal('return'); }}>{t('review.return')}</Button>}
      <ReasonModal
        open={modal !== null}
        title={modal ? t(`review.title.${modal}`) : ''}
        mode={modal === 'accept' ? 'rating' : 'reason'}
        onCancel={() => { setModal(null); }}
        onConfirm={(value) => (modal ? run(modal, value) : Promise.resolve())}
      />
    </Space>
  );
}
