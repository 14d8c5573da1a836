import { useState } from 'react';
import { Button, Space } from 'antd';
import type { Report } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { ReasonModal } from '../../ui/ReasonModal';
import { transitionReport, type ReviewAction } from './report-api';

/** The review steps the server offers on this report now (its `can`), in the order the buttons show. */
function reviewActions(can: Report['can']): ReviewAction[] {
  const offered: [boolean, ReviewAction][] = [
    [can.approve, 'approve'],
    [can.sendBack, 'send-back'],
    [can.accept, 'accept'],
    [can.return, 'return'],
  ];
  return offered.filter(([on]) => on).map(([, action]) => action);
}

interface Props {
  report: Pick<Report, 'id' | 'can'>;
  onDone: () => void;
}

export function ReviewActions({ report, onDone }: Props) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  const [modal, setModal] = useState<ReviewAction | null>(null);
  const actions = reviewActions(report.can);
  if (actions.length === 0) return null;

  const act = async (
    action: ReviewAction,
    extra: { reason?: string; rating?: number } = {},
  ): Promise<boolean> => {
    if (
      !(await run(() => transitionReport(report.id, action, extra), { success: t(`review.done.${action}`) }))
    )
      return false;
    setModal(null);
    onDone();
    return true;
  };

  return (
    <Space wrap>
      {actions.includes('approve') && (
        <Button type="primary" loading={busy} onClick={() => void act('approve')}>
          {t('review.approve')}
        </Button>
      )}
      {actions.includes('send-back') && (
        <Button
          danger
          onClick={() => {
            setModal('send-back');
          }}
        >
          {t('review.sendBack')}
        </Button>
      )}
      {actions.includes('accept') && (
        <Button
          type="primary"
          onClick={() => {
            setModal('accept');
          }}
        >
          {t('review.accept')}
        </Button>
      )}
      {actions.includes('return') && (
        <Button
          danger
          onClick={() => {
            setModal('return');
          }}
        >
          {t('review.return')}
        </Button>
      )}
      <ReasonModal
        open={modal !== null}
        title={modal ? t(`review.title.${modal}`) : ''}
        mode={modal === 'accept' ? 'rating' : 'reason'}
        busy={busy}
        onCancel={() => {
          setModal(null);
        }}
        onConfirm={(value) => (modal ? act(modal, value) : Promise.resolve(false))}
      />
    </Space>
  );
}
