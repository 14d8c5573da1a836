import { useState } from 'react';
import { Button, Card, Empty, Input, InputNumber, Select, Space, Table } from 'antd';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { useWrite } from '../../lib/useWrite';
import { correctScore, type Round } from './assessment-api';
import { points } from './labels';

type Correction = Round['corrections'][number];

/**
 * 更正记录: a locked result changes only through a recorded correction — which unit and indicator, the
 * score before and after, why, who and when (each one also in the audit log). The office records them.
 */
export function Corrections({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { run, busy } = useWrite();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [indicatorId, setIndicatorId] = useState<string | undefined>();
  const [score, setScore] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const unitName = (id: string) => round.units.find((u) => u.id === id)?.name ?? id;
  const indicator = (id: string) => round.indicators.find((i) => i.id === id);
  const group = round.units.find((u) => u.id === unitId)?.groupCode;
  const indicators = round.indicators.filter(
    (i) =>
      i.autoKind === null &&
      (group === undefined || i.groupCodes.length === 0 || i.groupCodes.includes(group)),
  );
  const mayCorrect = round.can.manage && round.stage === 'finalized';

  const submit = async () => {
    if (!unitId || !indicatorId || score === null) return;
    const ok = await run(
      () => correctScore(round.id, round.version, { unitId, indicatorId, score, reason: reason.trim() }),
      { success: t('assess.corrected') },
    );
    if (ok) {
      setScore(null);
      setReason('');
      onChanged();
    }
  };

  return (
    <Card size="small" title={t('assess.corrections')} data-testid="assess-corrections">
      {round.corrections.length === 0 ? (
        <Empty description={t('assess.noCorrections')} />
      ) : (
        <Table<Correction>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={round.corrections}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'unit', title: t('assess.unit'), render: (_, c) => unitName(c.unitId) },
            {
              key: 'indicator',
              title: t('assess.indicator'),
              render: (_, c) => {
                const i = indicator(c.indicatorId);
                return i ? `${i.code} ${i.name}` : c.indicatorId;
              },
            },
            {
              key: 'change',
              title: t('assess.correctionChange'),
              render: (_, c) => `${points(c.fromScore)} → ${points(c.toScore)}`,
            },
            { key: 'reason', title: t('assess.reason'), dataIndex: 'reason' },
            { key: 'by', title: t('assess.correctedBy'), dataIndex: 'correctedBy' },
            {
              key: 'at',
              title: t('assess.correctedAt'),
              render: (_, c) => formatDate(c.correctedAt, locale),
            },
          ]}
        />
      )}
      {mayCorrect && (
        <Space wrap style={{ marginTop: 12 }}>
          <Select
            aria-label={t('assess.unit')}
            placeholder={t('assess.unit')}
            style={{ minWidth: 160 }}
            value={unitId}
            showSearch={{ optionFilterProp: 'label' }}
            options={round.units.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v: string) => {
              setUnitId(v);
              setIndicatorId(undefined);
            }}
          />
          <Select
            aria-label={t('assess.indicator')}
            placeholder={t('assess.indicator')}
            style={{ minWidth: 200 }}
            value={indicatorId}
            options={indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
            onChange={setIndicatorId}
          />
          <InputNumber
            aria-label={t('assess.correctedScore')}
            placeholder={t('assess.correctedScore')}
            min={0}
            value={score}
            onChange={setScore}
          />
          <Input
            aria-label={t('assess.correctionReason')}
            placeholder={t('assess.correctionReason')}
            maxLength={1000}
            style={{ minWidth: 240 }}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          <Button
            type="primary"
            loading={busy}
            disabled={!unitId || !indicatorId || score === null || reason.trim() === ''}
            onClick={() => void submit()}
          >
            {t('assess.recordCorrection')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
