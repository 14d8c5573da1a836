import { Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ProgressSummary } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatNumber, formatPercent } from '../../i18n/format';
import { STAGES, useStageLabel } from '../../lib/stage-label';
import { useLoad } from '../../lib/useLoad';
import { StatusTag } from '../../ui/StatusTag';
import { loadProgressSummary } from './battle-map-api';

/** The indicators panel (how many on pace, the laggards) and the key-projects panel of the battle map. */
export function ProgressPanels({ regionId }: { regionId: string }) {
  const { data } = useLoad(() => loadProgressSummary(regionId), regionId);
  if (!data) return null;
  return (
    <Row gutter={[12, 12]} className="tz-progress-panels">
      <Col xs={24} xl={12}>
        <IndicatorPanel regionId={regionId} summary={data} />
      </Col>
      <Col xs={24} xl={12}>
        <ProjectPanel regionId={regionId} summary={data} />
      </Col>
    </Row>
  );
}

function IndicatorPanel({ regionId, summary }: { regionId: string; summary: ProgressSummary }) {
  const { t } = useI18n();
  const c = summary.indicators.counts;
  return (
    <Card
      size="small"
      title={<Link to={`/r/${regionId}/indicators`}>{t('map.indicators')}</Link>}
      data-testid="indicator-panel"
    >
      <Typography.Paragraph data-testid="indicator-counts">
        {t('map.indicatorCounts', {
          total: c.total,
          onPace: c.onPace,
          met: c.met,
          behind: c.behind,
          missed: c.missed,
          noData: c.noData,
        })}
      </Typography.Paragraph>
      <List
        size="small"
        locale={{ emptyText: t('map.noLaggards') }}
        dataSource={summary.indicators.laggards}
        renderItem={(l) => (
          <List.Item key={l.targetId}>
            <Link to={`/r/${regionId}/indicators?plan=${l.planId}`}>{l.indicator}</Link>
            <Typography.Text type="danger">
              {t(`ind.wording.${l.result.wording}`, { gap: l.result.gap })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ProjectPanel({ regionId, summary }: { regionId: string; summary: ProgressSummary }) {
  const { t, locale } = useI18n();
  const p = summary.projects;
  const stageLabel = useStageLabel(p.stageLabels);
  return (
    <Card
      size="small"
      title={<Link to={`/r/${regionId}/projects`}>{t('map.projects')}</Link>}
      data-testid="project-panel"
    >
      <Typography.Paragraph data-testid="project-figures">
        {t('map.projectFigures', {
          count: p.count,
          plan: formatNumber(p.yearPlan, locale),
          done: formatNumber(p.yearToDate, locale),
          rate: p.completion === null ? '—' : formatPercent(p.completion, locale),
          time: formatPercent(summary.elapsed, locale),
        })}
        <br />
        <Typography.Text type="secondary" data-testid="project-stages">
          {STAGES.map((s) => `${stageLabel(s)} ${p.byStage[s]}`).join(' · ')}
        </Typography.Text>
      </Typography.Paragraph>
      <List
        size="small"
        locale={{ emptyText: t('map.noProjectLaggards') }}
        dataSource={p.laggards}
        renderItem={(l) => (
          <List.Item key={l.id}>
            <Link to={`/r/${regionId}/projects/${l.id}`}>{l.name}</Link>
            <span>
              <StatusTag status={l.status} />
              {l.completion !== null && formatPercent(l.completion, locale)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
