import { useState } from 'react';
import { Alert, Button, Card, Input, Steps, Tabs } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useErrorText } from '../../i18n/error-text';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { useRegion } from '../../app/region';
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES, importFile, importText, type ImportResult } from './import-api';
import { rememberImport } from './import-store';
import { FileDrop } from '../../ui/FileDrop';
import { PageHead } from '../../ui/PageHead';

export function ImportSteps({ current }: { current: number }) {
  const { t } = useI18n();
  return (
    <Steps
      size="small"
      current={current}
      className="tz-mb"
      items={[
        { title: t('import.step.upload') },
        { title: t('import.step.review') },
        { title: t('import.step.publish') },
      ]}
    />
  );
}

export function UploadStep() {
  const { t } = useI18n();
  const { regionId, reload } = useRegion();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useWrite();
  const errorText = useErrorText();

  const analyse = async (work: () => Promise<ImportResult>) => {
    setError(null);
    // The review step is the answer, so no success message; a refusal stays on the card until the next try.
    await run(
      async () => {
        const result = await work();
        rememberImport(result);
        reload();
        void navigate(`/r/${regionId}/import/${result.plan.id}`);
      },
      {
        onError: (e) => {
          setError(errorText(e));
          return true;
        },
      },
    );
  };

  const pick = (file: File) => {
    const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
    if (!IMPORT_ACCEPT.split(',').includes(ext)) setError(t('import.badType', { name: file.name }));
    else if (file.size > IMPORT_MAX_BYTES) setError(t('import.tooLarge', { name: file.name }));
    else void analyse(() => importFile(regionId, file));
    return false;
  };

  return (
    <div data-testid="import-upload">
      <PageHead title={t('import.title')} />
      <ImportSteps current={0} />
      <Card size="small">
        {error && <Alert type="error" showIcon title={error} className="tz-mb" />}
        <Tabs
          items={[
            {
              key: 'file',
              label: t('import.fromFile'),
              children: (
                <FileDrop
                  accept={IMPORT_ACCEPT}
                  pick={pick}
                  disabled={busy}
                  testId="import-file"
                  text={busy ? t('import.working') : t('import.drop')}
                  hint={t('import.fileHint')}
                />
              ),
            },
            {
              key: 'text',
              label: t('import.fromText'),
              children: (
                <div>
                  <Input.TextArea
                    rows={14}
                    value={text}
                    onChange={(e) => {
                      setText(e.target.value);
                    }}
                    placeholder={t('import.pastePlaceholder')}
                    aria-label={t('import.fromText')}
                    data-testid="import-text"
                  />
                  <Button
                    type="primary"
                    className="tz-mt"
                    disabled={!text.trim()}
                    loading={busy}
                    onClick={() => void analyse(() => importText(regionId, text))}
                  >
                    {t('import.analyse')}
                  </Button>
                </div>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
