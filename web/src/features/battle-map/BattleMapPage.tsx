import { lazy, Suspense } from 'react';
import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { NoPlansYet } from './NoPlansYet';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate, formatPercent } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { useRegion } from '../../app/region';
import { AreaGrid } from './AreaGrid';
import { loadDashboard } from './battle-map-api';
import { AreaProgress } from './AreaProgress';
import { ProgressPanels } from './ProgressPanels';
import { RedList } from './RedList';
import { StatusCounts } from './StatusCounts';
import { UnitRanking } from './UnitRanking';
import { PageHead } from '../../ui/PageHead';
import './battle-map.css';

// ECharts loads after the numbers are on screen: the counts are what people come for.
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

/** 挂图作战: the region's home page. */
export function BattleMapPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId, region } = useRegion();
  const { data, error } = useLoad(() => loadDashboard(regionId), regionId);

  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  // A region with nothing published yet: say what to do next instead of a map of zeros.
  if (data.plans.length === 0) return <NoPlansYet regionId={regionId} />;

  return (
    <div className="tz-map" data-testid="battle-map">
      <PageHead title={<>{t('map.title', { region: region?.name ?? '' })}</>}>
        <Typography.Text type="secondary">
          {t('map.asOf', {
            date: formatDate(data.asOf, locale),
            time: formatPercent(data.timeElapsed, locale),
            progress: formatPercent(data.total.progress, locale),
          })}
        </Typography.Text>
      </PageHead>
      <StatusCounts regionId={regionId} total={data.total} />
      <ProgressPanels regionId={regionId} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('map.areaGrid')}>
            <AreaGrid regionId={regionId} dashboard={data} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('map.areaProgress')}>
            <AreaProgress regionId={regionId} dashboard={data} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('map.redList')}>
            <RedList regionId={regionId} dashboard={data} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('map.unitRanking')}>
            <UnitRanking regionId={regionId} dashboard={data} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('map.trend')}>
            <Suspense fallback={<Skeleton.Node active className="tz-trend" />}>
              <TrendChart regionId={regionId} trend={data.trend} />
            </Suspense>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
