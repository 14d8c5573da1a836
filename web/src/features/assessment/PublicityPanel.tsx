import { useState } from 'react';
import { Button, Card, Empty, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';
import { formatDate } from '../../i18n/format';
import { useWrite } from '../../lib/useWrite';
import {
  decideAdjustment,
  proposeAdjustment,
  raiseObjection,
  replyObjection,
  uploadAdjustmentEvidence,
  type AdjustmentBody,
  type Round,
} from './assessment-api';
import { EvidenceFiles } from './EvidenceFiles';
import { points } from './labels';

/** 公示与异议: objections with the office's written replies, and the bonus/deduction items awaiting approval. */
export function PublicityPanel({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const { run, busy } = useWrite();
  const [objection, setObjection] = useState('');
  const [objIndicator, setObjIndicator] = useState<string | undefined>();
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [adj, setAdj] = useState<Partial<AdjustmentBody>>({ kind: 'bonus', points: 1 });
  const unitName = (id: string) => round.units.find((u) => u.id === id)?.name ?? id;
  const code = (id: string | null) => round.indicators.find((i) => i.id === id)?.code ?? '';
  const done = async (work: () => Promise<unknown>, success: string) => {
    if (await run(work, { success })) onChanged();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="assess-publicity">
      <Card size="small" title={t('assess.objections')}>
        {round.objections.length === 0 ? (
          <Empty description={t('assess.noObjections')} />
        ) : (
          <List
            dataSource={round.objections}
            renderItem={(o) => (
              <List.Item key={o.id} data-testid="assess-objection">
                <div style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {unitName(o.unitId)} {code(o.indicatorId)}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatDate(o.createdAt, locale)}</Typography.Text>
                  <div>{o.body}</div>
                  {o.reply !== null ? (
                    <div>
                      <Tag color="green">{t('assess.replied')}</Tag>
                      {o.reply}
                    </div>
                  ) : o.can.reply ? (
                    <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                      <Input
                        aria-label={t('assess.reply')}
                        placeholder={t('assess.reply')}
                        value={replies[o.id] ?? ''}
                        onChange={(e) => {
                          setReplies((r) => ({ ...r, [o.id]: e.target.value }));
                        }}
                      />
                      <Button
                        loading={busy}
                        disabled={(replies[o.id] ?? '').trim() === ''}
                        onClick={() =>
                          void done(
                            () => replyObjection(o.id, o.version, replies[o.id] ?? ''),
                            t('assess.replied'),
                          )
                        }
                      >
                        {t('assess.reply')}
                      </Button>
                    </Space.Compact>
                  ) : (
                    <Tag color="orange">{t('assess.awaitingReply')}</Tag>
                  )}
                </div>
              </List.Item>
            )}
          />
        )}
        {round.can.object && me.unitId && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
            <Select
              allowClear
              placeholder={t('assess.objectionIndicator')}
              aria-label={t('assess.objectionIndicator')}
              value={objIndicator}
              onChange={setObjIndicator}
              options={round.indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
              style={{ width: '100%' }}
            />
            <Input.TextArea
              aria-label={t('assess.objectionBody')}
              placeholder={t('assess.objectionBody')}
              value={objection}
              maxLength={2000}
              onChange={(e) => {
                setObjection(e.target.value);
              }}
            />
            <Button
              loading={busy}
              disabled={objection.trim() === ''}
              onClick={() =>
                void done(
                  () =>
                    raiseObjection(round.id, {
                      unitId: me.unitId!,
                      body: objection,
                      ...(objIndicator && { indicatorId: objIndicator }),
                    }).then(() => {
                      setObjection('');
                    }),
                  t('assess.objectionSent'),
                )
              }
            >
              {t('assess.object')}
            </Button>
          </Space>
        )}
      </Card>

      <Card size="small" title={t('assess.adjustments')}>
        {round.adjustments.length === 0 ? (
          <Empty description={t('assess.noAdjustments')} />
        ) : (
          <List
            dataSource={round.adjustments}
            renderItem={(a) => (
              <List.Item
                key={a.id}
                actions={
                  a.can.decide
                    ? [
                        <Button
                          key="ok"
                          size="small"
                          onClick={() =>
                            void done(() => decideAdjustment(a.id, a.version, true), t('assess.approved'))
                          }
                        >
                          {t('assess.approve')}
                        </Button>,
                        <Button
                          key="no"
                          size="small"
                          danger
                          onClick={() =>
                            void done(() => decideAdjustment(a.id, a.version, false), t('assess.rejected'))
                          }
                        >
                          {t('assess.reject')}
                        </Button>,
                      ]
                    : []
                }
              >
                <div>
                  <Tag color={a.kind === 'bonus' ? 'green' : 'red'}>{t(`assess.kind.${a.kind}`)}</Tag>
                  {unitName(a.unitId)} {a.kind !== 'veto' && points(a.points)} · {a.reason}
                  <div>
                    <Typography.Text type="secondary">
                      {t('assess.evidence')}：{a.evidence} · {t(`assess.status.${a.status}`)}
                    </Typography.Text>
                  </div>
                  <EvidenceFiles
                    testId={`adjustment-files-${a.id}`}
                    files={a.files}
                    upload={a.can.attach ? (file) => uploadAdjustmentEvidence(a.id, file) : undefined}
                    onUploaded={onChanged}
                  />
                </div>
              </List.Item>
            )}
          />
        )}
        {round.can.proposeAdjustment && (
          <Space wrap style={{ marginTop: 8 }}>
            <Select
              aria-label={t('assess.unit')}
              placeholder={t('assess.unit')}
              style={{ minWidth: 160 }}
              value={adj.unitId}
              onChange={(unitId: string) => {
                setAdj((x) => ({ ...x, unitId }));
              }}
              options={round.units
                .filter((u) => round.can.manage || u.id === me.unitId)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
            <Select
              aria-label={t('assess.kind')}
              value={adj.kind}
              onChange={(kind: AdjustmentBody['kind']) => {
                setAdj((x) => ({ ...x, kind }));
              }}
              options={(['bonus', 'deduction', 'veto'] as const)
                .filter((k) => k !== 'veto' || round.can.manage)
                .map((k) => ({ value: k, label: t(`assess.kind.${k}`) }))}
            />
            {adj.kind === 'veto' ? (
              <Select
                aria-label={t('assess.vetoItem')}
                placeholder={t('assess.vetoItem')}
                style={{ minWidth: 200 }}
                value={adj.vetoCode}
                onChange={(vetoCode: string) => {
                  setAdj((x) => ({ ...x, vetoCode }));
                }}
                options={round.scheme.vetoes.map((v) => ({
                  value: v.code,
                  label: `${v.text}（${v.proposedBy}）`,
                }))}
              />
            ) : (
              <InputNumber
                aria-label={t('assess.points')}
                min={0}
                max={1000}
                value={adj.points}
                onChange={(p) => {
                  setAdj((x) => ({ ...x, points: p ?? 0 }));
                }}
              />
            )}
            <Input
              aria-label={t('assess.reason')}
              placeholder={t('assess.reason')}
              value={adj.reason}
              onChange={(e) => {
                setAdj((x) => ({ ...x, reason: e.target.value }));
              }}
            />
            <Input
              aria-label={t('assess.evidence')}
              placeholder={t('assess.evidence')}
              value={adj.evidence}
              onChange={(e) => {
                setAdj((x) => ({ ...x, evidence: e.target.value }));
              }}
            />
            <Button
              loading={busy}
              disabled={!adj.unitId || !adj.reason || !adj.evidence}
              onClick={() =>
                void done(
                  () =>
                    proposeAdjustment(round.id, {
                      unitId: adj.unitId!,
                      kind: adj.kind ?? 'bonus',
                      points: adj.points ?? 0,
                      reason: adj.reason ?? '',
                      evidence: adj.evidence ?? '',
                      ...(adj.vetoCode && { vetoCode: adj.vetoCode }),
                    }),
                  t('assess.proposed'),
                )
              }
            >
              {t('assess.propose')}
            </Button>
          </Space>
        )}
      </Card>
    </Space>
  );
}
