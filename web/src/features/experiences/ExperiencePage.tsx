import { useState } from 'react';
import { Alert, Button, Descriptions, List, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { ReasonModal } from '../../ui/ReasonModal';
import { AdoptForm } from './AdoptForm';
import { ProposeForm } from './ProposeForm';
import {
  acceptExperience,
  attachmentHref,
  getExperience,
  returnExperience,
  uploadExperienceFile,
} from './experiences-api';
import './experiences.css';

/** One experience: its four parts, attachments, adoptions, and the actions its `can` allows. */
export function ExperiencePage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId } = useRegion();
  const { experienceId = '' } = useParams();
  const { data: e, error, reload } = useLoad(() => getExperience(experienceId), experienceId);
  const [dialog, setDialog] = useState<'return' | 'adopt' | 'edit' | null>(null);
  const { run, busy } = useWrite();

  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!e) return <Skeleton active />;
  const section = (label: Parameters<typeof t>[0], text: string) => (
    <Descriptions.Item label={t(label)}>
      <span className="tz-exp-pre">{text}</span>
    </Descriptions.Item>
  );

  return (
    <div data-testid="experience-page">
      <Link to={`/r/${regionId}/experiences`}>← {t('exp.back')}</Link>
      <Typography.Title level={4}>{e.title}</Typography.Title>
      <Space wrap size={4} className="tz-exp-head" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('exp.source', { region: e.regionName, unit: e.unitName })}
        </Typography.Text>
        {e.areaTitle && <Tag>{e.areaTitle}</Tag>}
        <Tag>{e.year}</Tag>
        <Tag color={e.status === 'accepted' ? 'green' : e.status === 'proposed' ? 'gold' : 'default'}>
          {t(`exp.status.${e.status}`)}
        </Tag>
      </Space>
      {e.returnReason && (
        <Alert type="warning" showIcon title={`${t('exp.field.returnReason')}：${e.returnReason}`} />
      )}
      <Space wrap style={{ margin: '12px 0' }}>
        {e.can.decide && (
          <>
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                void run(() => acceptExperience(e.id, e.version), { success: t('exp.accepted') }).then(reload)
              }
            >
              {t('exp.accept')}
            </Button>
            <Button
              onClick={() => {
                setDialog('return');
              }}
            >
              {t('exp.return')}
            </Button>
          </>
        )}
        {e.can.adopt && (
          <Button
            type="primary"
            onClick={() => {
              setDialog('adopt');
            }}
          >
            {t('exp.adopt')}
          </Button>
        )}
        {e.can.edit && (
          <Button
            onClick={() => {
              setDialog('edit');
            }}
          >
            {t('exp.edit')}
          </Button>
        )}
        {e.can.edit && (
          <Upload
            showUploadList={false}
            customRequest={({ file }) => {
              void run(() => uploadExperienceFile(e.id, file as File), { success: t('tol.uploaded') }).then(
                reload,
              );
            }}
          >
            <Button>{t('exp.upload')}</Button>
          </Upload>
        )}
      </Space>
      <Descriptions column={1} bordered size="small">
        {section('exp.field.abstract', e.abstract)}
        {section('exp.field.reason', e.reason)}
        {section('exp.field.measures', e.measures)}
        {section('exp.field.effects', e.effects)}
        <Descriptions.Item label={t('exp.field.task')}>
          {e.regionId === regionId ? (
            <Link to={`/r/${regionId}/tasks/${e.taskId}`}>
              {e.taskCode} {e.taskTitle}
            </Link>
          ) : (
            `${e.taskCode} ${e.taskTitle}`
          )}
        </Descriptions.Item>
        {e.decidedAt && e.status === 'accepted' && (
          <Descriptions.Item label={t('exp.acceptedOn')}>{formatDate(e.decidedAt, locale)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('exp.field.files')}>
          <Space orientation="vertical" size={2}>
            {e.files.map((f) => (
              <a key={f.id} href={attachmentHref(f.id)}>
                {f.filename}
              </a>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('exp.adoptions')}
      </Typography.Title>
      <List
        size="small"
        bordered
        data-testid="adoptions"
        locale={{ emptyText: t('exp.noAdoptions') }}
        dataSource={e.adoptions}
        renderItem={(a) => (
          <List.Item>
            <div>
              <div>
                {a.taskCode} {a.taskTitle}
              </div>
              <Typography.Text type="secondary">
                {t('exp.adoptedBy', {
                  region: a.regionName,
                  who: a.adoptedBy,
                  date: formatDate(a.adoptedAt, locale),
                })}
              </Typography.Text>
              {a.note && <div>{a.note}</div>}
            </div>
          </List.Item>
        )}
      />
      <ReasonModal
        open={dialog === 'return'}
        title={t('exp.return')}
        mode="reason"
        busy={busy}
        onCancel={() => {
          setDialog(null);
        }}
        onConfirm={async ({ reason }) => {
          const done = await run(() => returnExperience(e.id, e.version, reason ?? ''), {
            success: t('exp.returned'),
          });
          if (done) {
            setDialog(null);
            reload();
          }
          return done;
        }}
      />
      <ProposeForm
        experience={e}
        open={dialog === 'edit'}
        onClose={() => {
          setDialog(null);
        }}
        onSaved={() => {
          setDialog(null);
          reload();
        }}
      />
      <AdoptForm
        experienceId={e.id}
        open={dialog === 'adopt'}
        onClose={() => {
          setDialog(null);
        }}
        onSaved={() => {
          setDialog(null);
          reload();
        }}
      />
    </div>
  );
}
