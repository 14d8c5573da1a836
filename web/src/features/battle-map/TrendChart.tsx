import { useNavigate } from 'react-router-dom';
import type { Dashboard } from '../../api/types';
import { isTaskStatus, STATUS_COLOR, STATUS_ORDER } from '../../domain/status';
import { useI18n } from '../../i18n/context';
import { formatPeriod } from '../../i18n/format';
import { ledgerHref } from '../../app/ledger-url';
import './echarts';
import { useChart } from '../../ui/useChart';

/** Month by month, how many tasks stood in each colour; clicking a colour opens today's tasks of it. */
export function TrendChart({ regionId, trend }: { regionId: string; trend: Dashboard['trend'] }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();

  const ref = useChart(
    (chart, element) => {
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
        // On a phone the legend wraps to two lines: leave it room below the month labels.
        grid: { left: 36, right: 12, top: 16, bottom: element.clientWidth < 520 ? 76 : 48 },
        xAxis: { type: 'category', data: trend.map((p) => formatPeriod(p.month, locale)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: STATUS_ORDER.map((status) => ({
          id: status,
          name: t(`status.${status}`),
          type: 'bar',
          stack: 'tasks',
          barMaxWidth: 36,
          itemStyle: { color: STATUS_COLOR[status] },
          data: trend.map((p) => p.counts[status] ?? 0),
        })),
      });
      chart.on('click', (params) => {
        const id = (params as { seriesId?: string }).seriesId ?? '';
        if (isTaskStatus(id)) void navigate(ledgerHref(regionId, { status: [id] }));
      });
    },
    [trend, t, locale, navigate, regionId],
  );

  return (
    <div ref={ref} className="tz-trend" role="img" aria-label={t('map.trend')} data-testid="trend-chart" />
  );
}
