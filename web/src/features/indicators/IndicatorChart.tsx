import type { Indicator } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatPeriod } from '../../i18n/format';
import { chartSeries } from './chart-data';
import './echarts';
import { useChart } from '../../ui/useChart';

/** Actual against target, and against 序时 for level targets (as shares of the year's value). */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t, locale } = useI18n();

  const ref = useChart(
    (chart) => {
      const s = chartSeries(indicator);
      const unit = s.asShare ? '%' : indicator.unit;
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}${unit}` },
        legend: { bottom: 0 },
        grid: { left: 44, right: 16, top: 16, bottom: 40 },
        xAxis: { type: 'category', data: s.periods.map((p) => formatPeriod(p, locale)) },
        yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
        series: [
          { name: t('ind.series.actual'), type: 'line', data: s.actual, itemStyle: { color: '#1d6fdc' } },
          {
            name: t('ind.series.target'),
            type: 'line',
            data: s.target,
            symbol: 'none',
            lineStyle: { type: 'dashed' },
            itemStyle: { color: '#e02424' },
          },
          ...(s.pace.length > 0
            ? [
                {
                  name: t('ind.series.pace'),
                  type: 'line',
                  data: s.pace,
                  symbol: 'none',
                  lineStyle: { type: 'dotted' },
                  itemStyle: { color: '#9aa1a9' },
                },
              ]
            : []),
        ],
      });
    },
    [indicator, t, locale],
  );

  return (
    <div
      ref={ref}
      className="tz-indicator-chart"
      role="img"
      aria-label={t('ind.chart')}
      data-testid="indicator-chart"
    />
  );
}
