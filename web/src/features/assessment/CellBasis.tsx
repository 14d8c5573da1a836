import { Alert, Descriptions, Drawer, List, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages.zh';
import { useLoad } from '../../lib/useLoad';
import { getSheet, type SheetCell } from './assessment-api';
import { EvidenceFiles } from './EvidenceFiles';
import { GRADE_COLOR, gradeKey, points } from './labels';

interface Props {
  roundId: string;
  unitId: string;
  /** The indicator whose basis was asked for; all cells when null. */
  indicatorId: string | null;
  onClose: () => void;
}

const LINK_KINDS = [
  'report_on_time',
  'report_late',
  'report_missing',
  'report_rating',
  'milestone_on_time',
  'milestone_late',
  'supervise',
  'listed',
  'experience_accepted',
  'bonus',
  'deduction',
  'veto',
] as const;

function linkKey(kind: string): MessageKey | null {
  return (LINK_KINDS as readonly string[]).includes(kind) ? (`assess.link.${kind}` as MessageKey) : null;
}

/** 评分依据: what a cell's score stands on, stage by stage, and the ledger events behind an automatic one. */
export function CellBasis({ roundId, unitId, indicatorId, onClose }: Props) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { data, error } = useLoad(() => getSheet(roundId, unitId), `${roundId}/${unitId}`);
  const cells = data ? data.cells.filter((c) => indicatorId === null || c.indicatorId === indicatorId) : [];

  const linkLine = (l: SheetCell['links'][number]) => {
    const key = linkKey(l.kind);
    return (
      <li
        key={`${l.sourceKind}-${l.sourceId}-${l.kind}`}
        className={l.exempted ? 'tz-assess-exempt' : undefined}
      >
        {key ? t(key) : l.kind} · {formatDate(l.date || null, locale)}
        {l.effect !== 0 && ` · ${l.effect > 0 ? '+' : ''}${points(l.effect)}`}
        {l.exempted && ` · ${t('assess.exempted')}`}
        {l.note && ` · ${l.note}`}
        <Typography.Text type="secondary"> （{l.sourceId}）</Typography.Text>
        {l.sourceKind === 'assessment_item' && (
          <EvidenceFiles files={data?.adjustments.find((a) => a.id === l.sourceId)?.files ?? []} />
        )}
      </li>
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={Math.min(560, typeof window === 'undefined' ? 560 : window.innerWidth)}
      title={data ? `${data.unitName} · ${t('assess.basis')}` : t('assess.basis')}
      data-testid="assess-basis"
    >
      {error && <Alert type="error" title={errorText(error)} showIcon />}
      {data && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('assess.total')}>{points(data.total)}</Descriptions.Item>
            {data.rank !== null && (
              <Descriptions.Item label={t('assess.rank')}>
                {data.rank} / {data.groupSize}
              </Descriptions.Item>
            )}
            {data.grade !== null && (
              <Descriptions.Item label={t('assess.grade')}>
                <Tag color={GRADE_COLOR[data.grade]}>{t(gradeKey(data.grade))}</Tag>
                {data.vetoed && <Tag color="red">{t('assess.veto')}</Tag>}
              </Descriptions.Item>
            )}
          </Descriptions>
          <List
            dataSource={cells}
            renderItem={(c) => (
              <List.Item key={c.indicatorId} data-testid={`basis-${c.code}`}>
                <div style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {c.code} {c.name}：{c.score === null ? t('assess.notAssessed') : points(c.score)} /{' '}
                    {points(c.points)}
                  </Typography.Text>
                  {c.standard && <div className="tz-assess-standard">{c.standard}</div>}
                  {c.autoKind !== null ? (
                    <>
                      <div>{t('assess.autoFrom')}</div>
                      {c.links.length === 0 ? (
                        <Typography.Text type="secondary">{t('assess.noEvents')}</Typography.Text>
                      ) : (
                        <ul className="tz-assess-links">{c.links.map(linkLine)}</ul>
                      )}
                    </>
                  ) : (
                    <ul className="tz-assess-links">
                      {(['self', 'first', 'final'] as const).map((stage) => (
                        <li key={stage}>
                          {t(`assess.column.${stage}`)}：{points(c[stage].score)}
                          {c[stage].basis && ` · ${c[stage].basis}`}
                        </li>
                      ))}
                      {c.files.length > 0 && (
                        <li>
                          <EvidenceFiles files={c.files} testId={`basis-files-${c.code}`} />
                        </li>
                      )}
                      {c.target !== null && (
                        <li>
                          {t('assess.target')}：{points(c.target)}
                          {c.measureUnit}
                          {c.actual !== null &&
                            ` · ${t('assess.actual')}：${points(c.actual)}${c.measureUnit}`}
                        </li>
                      )}
                    </ul>
                  )}
                </div>
              </List.Item>
            )}
          />
          {indicatorId === null && data.adjustmentLinks.length > 0 && (
            <>
              <Typography.Title level={5}>{t('assess.adjustments')}</Typography.Title>
              <ul className="tz-assess-links">{data.adjustmentLinks.map(linkLine)}</ul>
            </>
          )}
          {data.corrections.length > 0 && (
            <>
              <Typography.Title level={5}>{t('assess.corrections')}</Typography.Title>
              <ul className="tz-assess-links">
                {data.corrections.map((c) => (
                  <li key={c.id}>
                    {points(c.fromScore)} → {points(c.toScore)} · {c.reason} ·{' '}
                    {formatDate(c.correctedAt, locale)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
