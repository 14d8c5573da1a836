import { Alert, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { getRecord } from './accountability-api';
import './accountability.css';

/** One 问责 record as decided: readable by oversight and the unit it is on (the server refuses anyone else). */
export function AccountabilityRecordPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId } = useRegion();
  const { recordId = '' } = useParams();
  const { data, error } = useLoad(() => getRecord(recordId), recordId);

  return (
    <div data-testid="accountability-record">
      <Link to={`/r/${regionId}/accountability`}>← {t('acc.back')}</Link>
      <Typography.Title level={4}>{t('acc.record.title')}</Typography.Title>
      {error ? (
        <Alert type="error" title={errorText(error)} showIcon />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('acc.col.unit')}>
            {data.unitName}
            {data.personName
              ? ` · ${data.personName}${data.personPost ? `（${data.personPost}）` : ''}`
              : t('acc.unitItself')}
          </Descriptions.Item>
          <Descriptions.Item label={t('acc.field.kind')}>
            <Tag>{t(`acc.kind.${data.kind}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('acc.field.facts')}>
            <span className="tz-acc-pre">{data.facts}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('acc.field.decision')}>
            <span className="tz-acc-pre">{data.decision}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('acc.field.measures')}>
            {data.measures.map((m) => (
              <Tag key={m} color="red">
                {t(`acc.measure.${m}`)}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('acc.field.decidedBy')}>{data.decidedBy}</Descriptions.Item>
          <Descriptions.Item label={t('acc.field.decidedOn')}>
            {formatDate(data.decidedOn, locale)}
          </Descriptions.Item>
          {data.taskId && (
            <Descriptions.Item label={t('acc.col.task')}>
              <Link to={`/r/${regionId}/tasks/${data.taskId}`}>
                {data.taskCode} {data.taskTitle}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </div>
  );
}
