import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, InputNumber, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import { getSheet, saveScores, uploadCellEvidence, type Sheet } from './assessment-api';
import { EvidenceFiles } from './EvidenceFiles';
import { points } from './labels';

type Column = 'self' | 'first' | 'final';

interface Props {
  roundId: string;
  unitId: string;
  column: Column;
  onSaved: () => void;
}

interface Draft {
  score: number | null;
  basis: string;
}

/** 自评 / 初评 / 复核 form: one line per indicator the caller scores now, each with its standard and basis. */
export function SheetForm({ roundId, unitId, column, onSaved }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { run, busy } = useWrite();
  const { data, error, reload } = useLoad(() => getSheet(roundId, unitId), `${roundId}/${unitId}/form`);
  // What the user changed; untouched lines show what is stored for this column (or the score that counts now).
  const [edits, setEdits] = useState<Record<string, Draft>>({});
  const draftOf = (c: Sheet['cells'][number]): Draft =>
    edits[c.indicatorId] ?? { score: c[column].score ?? c.score ?? null, basis: c[column].basis ?? '' };

  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return null;
  const cells = data.cells.filter((c) => c.writable);
  if (cells.length === 0) return <Empty description={t('assess.nothingToScore')} />;

  const submit = async (sheet: Sheet) => {
    const items = cells
      .map((c) => ({ c, d: draftOf(c) }))
      .filter(({ d }) => d.score !== null)
      .map(({ c, d }) => ({ indicatorId: c.indicatorId, score: d.score, basis: d.basis }));
    if (items.length === 0) return;
    const saved = await run(() => saveScores(roundId, unitId, sheet.version, { stage: column, items }), {
      success: t('assess.saved'),
    });
    if (saved) {
      setEdits({});
      reload();
      onSaved();
    }
  };

  return (
    <div data-testid="assess-sheet-form">
      <Typography.Paragraph type="secondary">
        {t(`assess.form.${column}`, { unit: data.unitName })}
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {cells.map((c) => {
          const d = draftOf(c);
          const set = (patch: Partial<Draft>) => {
            setEdits((all) => ({ ...all, [c.indicatorId]: { ...d, ...patch } }));
          };
          return (
            <Card
              key={c.indicatorId}
              size="small"
              title={`${c.code} ${c.name}`}
              data-testid={`form-${c.code}`}
            >
              {c.standard && <div className="tz-assess-standard">{c.standard}</div>}
              <Space wrap style={{ marginTop: 8 }}>
                <InputNumber
                  aria-label={t('assess.scoreOf', { code: c.code })}
                  min={0}
                  max={c.cap}
                  step={0.5}
                  value={d.score}
                  onChange={(v) => {
                    set({ score: v });
                  }}
                />
                <Typography.Text type="secondary">
                  {t('assess.capOf', { cap: points(c.cap) })}
                </Typography.Text>
              </Space>
              <Input.TextArea
                aria-label={t('assess.basisOf', { code: c.code })}
                placeholder={t('assess.basisPlaceholder')}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                value={d.basis}
                style={{ marginTop: 8 }}
                onChange={(e) => {
                  set({ basis: e.target.value });
                }}
              />
              {column === 'self' && (
                <EvidenceFiles
                  testId={`files-${c.code}`}
                  files={c.files}
                  upload={
                    data.stage === 'self'
                      ? (file) => uploadCellEvidence(roundId, unitId, c.indicatorId, file)
                      : undefined
                  }
                  onUploaded={reload}
                />
              )}
              {column !== 'self' && <EvidenceFiles files={c.files} />}
            </Card>
          );
        })}
      </Space>
      <Button
        type="primary"
        loading={busy}
        style={{ marginTop: 12 }}
        onClick={() => void submit(data)}
        data-testid="assess-save"
      >
        {t(`assess.submit.${column}`)}
      </Button>
    </div>
  );
}
