import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Modal, Popconfirm, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useRegion } from '../../app/region';
import { useMe } from '../../app/session';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatPeriod } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useWrite } from '../../lib/useWrite';
import {
  advanceRound,
  createScheme,
  getRound,
  getScheme,
  listSchemes,
  openRound,
  scoresXlsxUrl,
  type Round,
} from './assessment-api';
import { CellBasis } from './CellBasis';
import { Corrections } from './Corrections';
import { IndicatorEditor } from './IndicatorEditor';
import { LeaderSummary } from './LeaderSummary';
import { PublicityPanel } from './PublicityPanel';
import { RankingChart } from './RankingChart';
import { SchemeSettings } from './SchemeSettings';
import { ScoreTable } from './ScoreTable';
import { SheetForm } from './SheetForm';
import { stageKey, STAGE_ORDER } from './labels';
import { PageHead } from '../../ui/PageHead';
import './assessment.css';

type Column = 'self' | 'first' | 'final';

/** Which column the caller writes at this stage, if any (the server decides per indicator; this only shows the tab). */
function columnFor(round: Round, role: string, unitId: string | null): Column | null {
  const office = role === 'office' || role === 'admin';
  const staff = role === 'unit_head' || role === 'reporter';
  if (round.stage === 'self' && staff && unitId) return 'self';
  if (
    round.stage === 'first' &&
    (office || (staff && round.indicators.some((i) => i.scoringUnitId === unitId)))
  )
    return 'first';
  if (round.stage === 'final' && office) return 'final';
  return null;
}

/** 考核: a scheme's quarters, the score table per group, ranking, 公示 and objections, indicators, and scoring. */
export function AssessmentPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const { regionId } = useRegion();
  const { run, busy } = useWrite();
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v === null) next.delete(k);
      else next.set(k, v);
    setParams(next);
  };

  const schemes = useLoad(() => listSchemes(regionId), regionId);
  const schemeId = params.get('scheme') ?? schemes.data?.[0]?.id ?? null;
  const scheme = useLoad(
    () => (schemeId ? getScheme(schemeId) : Promise.resolve(null)),
    `scheme:${schemeId ?? ''}`,
  );
  const roundId = params.get('round') ?? scheme.data?.rounds[0]?.id ?? null;
  const round = useLoad(
    () => (roundId ? getRound(roundId) : Promise.resolve(null)),
    `round:${roundId ?? ''}`,
  );
  const [scoredUnit, setScoredUnit] = useState<string | undefined>();
  const [newPeriod, setNewPeriod] = useState('');
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState({ title: '', docNo: '' });

  const reloadAll = () => {
    schemes.reload();
    scheme.reload();
    round.reload();
  };
  const openUnit = params.get('unit');
  const error = schemes.error ?? scheme.error ?? round.error;
  const r = round.data ?? null;
  const column = r ? columnFor(r, me.role, me.unitId) : null;
  const formUnit = column === 'self' ? me.unitId : (scoredUnit ?? null);
  const canManage = scheme.data?.can.manage ?? false;

  const header = (
    <div className="tz-assess-bar">
      {(schemes.data?.length ?? 0) > 0 && (
        <Select
          aria-label={t('assess.scheme')}
          value={schemeId ?? undefined}
          onChange={(id: string) => {
            set({ scheme: id, round: null, unit: null, ind: null });
          }}
          options={schemes.data?.map((s) => ({
            value: s.id,
            label: `${s.title}${s.docNo ? `（${s.docNo}）` : ''}`,
          }))}
        />
      )}
      {scheme.data && scheme.data.rounds.length > 0 && (
        <Select
          aria-label={t('assess.period')}
          value={roundId ?? undefined}
          onChange={(id: string) => {
            set({ round: id, unit: null, ind: null });
          }}
          options={scheme.data.rounds.map((x) => ({
            value: x.id,
            label: `${formatPeriod(x.period, locale)} · ${t(stageKey(x.stage))}`,
          }))}
        />
      )}
      {r && (
        <Tag color={r.stage === 'finalized' ? 'green' : 'blue'} data-testid="assess-stage">
          {t(stageKey(r.stage))}
        </Tag>
      )}
      {r?.can.advance && (
        <Popconfirm
          title={t('assess.advanceConfirm', {
            stage: t(stageKey(STAGE_ORDER[STAGE_ORDER.indexOf(r.stage) + 1]!)),
          })}
          onConfirm={() =>
            void run(() => advanceRound(r.id, r.version), { success: t('assess.advanced') }).then((ok) => {
              if (ok) reloadAll();
            })
          }
        >
          <Button type="primary" loading={busy} data-testid="assess-advance">
            {t('assess.advance')}
          </Button>
        </Popconfirm>
      )}
      {canManage && scheme.data && !scheme.data.locked && (
        <Space.Compact>
          <Input
            aria-label={t('assess.newPeriod')}
            placeholder="2026-Q3"
            value={newPeriod}
            onChange={(e) => {
              setNewPeriod(e.target.value.trim());
            }}
            style={{ width: 110 }}
          />
          <Button
            disabled={newPeriod === ''}
            onClick={() =>
              void run(() => openRound(scheme.data!.id, newPeriod), {
                success: t('assess.roundOpened'),
              }).then((ok) => {
                if (ok) {
                  setNewPeriod('');
                  set({ round: null });
                  reloadAll();
                }
              })
            }
          >
            {t('assess.openRound')}
          </Button>
        </Space.Compact>
      )}
      {(me.role === 'office' || me.role === 'admin') && (
        <Button
          onClick={() => {
            setCreating(true);
          }}
        >
          {t('assess.newScheme')}
        </Button>
      )}
    </div>
  );

  const rows = r?.rows ?? null;
  const tabs = [
    {
      key: 'scores',
      label: t('assess.tab.scores'),
      children:
        r && rows ? (
          <>
            <div className="tz-assess-export">
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={scoresXlsxUrl(r.id)}
                data-testid="assess-scores-export"
              >
                {t('excel.export')}
              </Button>
            </div>
            <ScoreTable
              round={r}
              rows={rows}
              onOpen={(unit, ind) => {
                set({ unit, ind });
              }}
            />
          </>
        ) : (
          <Alert type="info" showIcon title={t('assess.beforePublicity')} />
        ),
    },
    ...(r && rows
      ? [
          {
            key: 'ranking',
            label: t('assess.tab.ranking'),
            children: (
              <>
                <LeaderSummary round={r} rows={rows} />
                <RankingChart round={r} rows={rows} />
              </>
            ),
          },
        ]
      : []),
    ...(r && column
      ? [
          {
            key: 'score',
            label: t(`assess.tab.${column}`),
            children: (
              <>
                {column !== 'self' && (
                  <Select
                    aria-label={t('assess.unit')}
                    placeholder={t('assess.pickUnit')}
                    value={scoredUnit}
                    onChange={setScoredUnit}
                    options={r.units.map((u) => ({ value: u.id, label: u.name }))}
                    style={{ minWidth: 220, marginBottom: 12 }}
                  />
                )}
                {formUnit && (
                  <SheetForm roundId={r.id} unitId={formUnit} column={column} onSaved={round.reload} />
                )}
              </>
            ),
          },
        ]
      : []),
    ...(r
      ? [
          {
            key: 'publicity',
            label: t('assess.tab.publicity'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <PublicityPanel round={r} onChanged={round.reload} />
                {(r.stage === 'finalized' || r.corrections.length > 0) && (
                  <Corrections round={r} onChanged={round.reload} />
                )}
              </Space>
            ),
          },
        ]
      : []),
    ...(scheme.data
      ? [
          {
            key: 'indicators',
            label: t('assess.tab.indicators'),
            children: <IndicatorEditor scheme={scheme.data} onChanged={scheme.reload} />,
          },
          {
            key: 'settings',
            label: t('assess.tab.settings'),
            children: (
              <SchemeSettings
                key={`${scheme.data.id}:${scheme.data.version}`}
                scheme={scheme.data}
                onChanged={scheme.reload}
              />
            ),
          },
        ]
      : []),
  ];
  const tab = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;

  return (
    <div data-testid="assessment-page">
      <PageHead title={t('assess.title')} />
      {header}
      {error && <Alert type="error" title={errorText(error)} showIcon />}
      {schemes.data?.length === 0 ? (
        <Empty description={t('assess.noScheme')} />
      ) : (
        <>
          {me.unitId && r && (me.role === 'unit_head' || me.role === 'reporter') && (
            <Button
              style={{ marginBottom: 8 }}
              onClick={() => {
                set({ unit: me.unitId, ind: null });
              }}
            >
              {t('assess.mySheet')}
            </Button>
          )}
          <Tabs
            activeKey={tab}
            onChange={(key) => {
              set({ tab: key });
            }}
            items={tabs}
          />
        </>
      )}
      {r && openUnit && (
        <CellBasis
          roundId={r.id}
          unitId={openUnit}
          indicatorId={params.get('ind')}
          onClose={() => {
            set({ unit: null, ind: null });
          }}
        />
      )}
      <Modal
        open={creating}
        title={t('assess.newScheme')}
        onCancel={() => {
          setCreating(false);
        }}
        confirmLoading={busy}
        okButtonProps={{ disabled: draft.title.trim() === '' }}
        onOk={() =>
          void run(
            () =>
              createScheme(regionId, {
                year: new Date().getFullYear(),
                title: draft.title,
                docNo: draft.docNo,
              }).then((s) => {
                set({ scheme: s.id, round: null });
              }),
            { success: t('assess.schemeCreated') },
          ).then((ok) => {
            if (ok) {
              setCreating(false);
              schemes.reload();
            }
          })
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input
            aria-label={t('assess.schemeTitle')}
            placeholder={t('assess.schemeTitle')}
            value={draft.title}
            onChange={(e) => {
              setDraft((d) => ({ ...d, title: e.target.value }));
            }}
          />
          <Input
            aria-label={t('assess.docNo')}
            placeholder={t('assess.docNo')}
            value={draft.docNo}
            onChange={(e) => {
              setDraft((d) => ({ ...d, docNo: e.target.value }));
            }}
          />
          <Typography.Text type="secondary">{t('assess.defaultsNote')}</Typography.Text>
        </Space>
      </Modal>
    </div>
  );
}
