import { Alert, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useRegion } from '../../app/region';
import { useI18n } from '../../i18n/context';
import { useErrorText } from '../../i18n/error-text';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';
import { useLoad } from '../../lib/useLoad';
import { ChildRegionCard } from './ChildRegionCard';
import { loadRollup } from './rollup-api';
import { PageHead } from '../../ui/PageHead';
import './rollup.css';

/** 下辖地区汇总: the home of a city's or a province's office, one card per region directly below. */
export function RollupPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { regionId, region } = useRegion();
  const { data, error } = useLoad(() => loadRollup(regionId), regionId);

  if (error) return <Alert type="error" title={errorText(error)} showIcon />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <div className="tz-rollup" data-testid="rollup">
      <PageHead title={<>{t('rollup.title', { region: region?.name ?? data.region.name })}</>}>
        <Typography.Text type="secondary">
          {t('rollup.asOf', {
            date: formatDate(data.asOf, locale),
            regions: formatNumber(data.children.length, locale),
            total: formatNumber(data.total.total, locale),
            progress: formatPercent(data.total.progress, locale),
          })}
        </Typography.Text>
      </PageHead>
      {data.children.length === 0 ? (
        <Empty description={t('rollup.none')} />
      ) : (
        <Row gutter={[12, 12]}>
          {data.children.map((child) => (
            <Col key={child.id} xs={24} xl={12}>
              <ChildRegionCard child={child} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
