import { useState } from 'react';
import { Button, Descriptions, Input, Space, Upload } from 'antd';
import type { ToleranceRequest } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { attachmentHref, decideTolerance, getTolerance, uploadToleranceFile } from './accountability-api';

/** One 容错免责 case opened in the list: the three tests argued, the evidence, and the office's decision. */
export function ToleranceCase({ request, onChanged }: { request: ToleranceRequest; onChanged: () => void }) {
  const { t } = useI18n();
  const detail = useLoad(() => getTolerance(request.id), `${request.id}:${request.version}`);
  const [note, setNote] = useState('');
  const { run, busy } = useWrite();
  const decide = async (grant: boolean) => {
    if (
      await run(() => decideTolerance(request.id, request.version, grant, note.trim()), {
        success: t('tol.decided'),
      })
    )
      onChanged();
  };

  return (
    <div data-testid={`tolerance-${request.id}`}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('tol.field.situation')}>
          <span className="tz-acc-pre">{request.situation}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tol.field.pilot')}>{request.pilotReason}</Descriptions.Item>
        <Descriptions.Item label={t('tol.field.experiment')}>{request.experimentReason}</Descriptions.Item>
        <Descriptions.Item label={t('tol.field.mistake')}>{request.mistakeReason}</Descriptions.Item>
        <Descriptions.Item label={t('tol.field.files')}>
          <Space orientation="vertical" size={2}>
            {(detail.data?.files ?? []).map((f) => (
              <a key={f.id} href={attachmentHref(f.id)}>
                {f.filename}
              </a>
            ))}
            {request.can.attach && (
              <Upload
                showUploadList={false}
                customRequest={({ file }) => {
                  void run(() => uploadToleranceFile(request.id, file as File), {
                    success: t('tol.uploaded'),
                  }).then(() => {
                    detail.reload();
                  });
                }}
              >
                <Button size="small">{t('tol.upload')}</Button>
              </Upload>
            )}
          </Space>
        </Descriptions.Item>
        {request.decisionNote && (
          <Descriptions.Item label={t('tol.field.note')}>{request.decisionNote}</Descriptions.Item>
        )}
      </Descriptions>
      {request.can.decide && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            rows={2}
            value={note}
            maxLength={2000}
            aria-label={t('tol.field.note')}
            placeholder={t('tol.field.note')}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
          <Space wrap>
            <Button type="primary" disabled={!note.trim()} loading={busy} onClick={() => void decide(true)}>
              {t('tol.grant')}
            </Button>
            <Button danger disabled={!note.trim()} loading={busy} onClick={() => void decide(false)}>
              {t('tol.refuse')}
            </Button>
          </Space>
        </Space>
      )}
    </div>
  );
}
