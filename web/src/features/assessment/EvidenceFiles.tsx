import { Button, Space, Upload } from 'antd';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { attachmentHref } from './assessment-api';

interface Props {
  files: readonly { id: string; filename: string }[];
  /** Given when the caller may add a file now. */
  upload?: ((file: File) => Promise<unknown>) | undefined;
  onUploaded?: () => void;
  testId?: string;
}

/** 佐证材料: links to a cell's or an item's evidence files, and an upload button where one may add more. */
export function EvidenceFiles({ files, upload, onUploaded, testId }: Props) {
  const { t } = useI18n();
  const { run, busy } = useWrite();
  if (files.length === 0 && !upload) return null;
  return (
    <Space wrap size={[8, 2]} className="tz-assess-files" data-testid={testId}>
      <span>{t('assess.files')}：</span>
      {files.map((f) => (
        <a key={f.id} href={attachmentHref(f.id)} target="_blank" rel="noreferrer">
          {f.filename}
        </a>
      ))}
      {files.length === 0 && <span className="tz-assess-muted">{t('assess.noFiles')}</span>}
      {upload && (
        <Upload
          showUploadList={false}
          customRequest={({ file }) => {
            void run(() => upload(file as File), { success: t('assess.fileUploaded') }).then((ok) => {
              if (ok) onUploaded?.();
            });
          }}
        >
          <Button size="small" loading={busy}>
            {t('assess.uploadFile')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
