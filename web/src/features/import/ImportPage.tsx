import { Result } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/context';
import { useMe } from '../../app/session';
import { ReviewStep } from './ReviewStep';
import { UploadStep } from './UploadStep';
import './import.css';

/** 导入计划: upload or paste a programme document, review the proposed ledger beside it, publish. */
export function ImportPage() {
  const { planId } = useParams();
  const me = useMe();
  const { t } = useI18n();
  if (!me.can.importPlans) return <Result status="403" title={t('import.forbidden')} />;
  return planId ? <ReviewStep planId={planId} /> : <UploadStep />;
}
