import { useI18n } from '../../i18n/context';
import type { ResultRow, Round } from './assessment-api';
import './echarts';
import { useChart } from '../../ui/useChart';

const GROUP_COLORS = ['#1677ff', '#13a8a8', '#722ed1', '#fa8c16'];

/** 排名图: each group's units by total, best on top; a 一票否决 bar is red whatever its length. */
export function RankingChart({ round, rows }: { round: Round; rows: ResultRow[] }) {
  const { t } = useI18n();

  const ref = useChart(
    (chart, element) => {
      const ordered = round.scheme.groups.flatMap((g) =>
        rows.filter((r) => r.groupCode === g.code).sort((a, b) => b.rank - a.rank),
      );
      const colorOf = (r: ResultRow) =>
        r.vetoed
          ? '#cf1322'
          : GROUP_COLORS[round.scheme.groups.findIndex((g) => g.code === r.groupCode) % GROUP_COLORS.length];
      const groupName = (code: string) => round.scheme.groups.find((g) => g.code === code)?.name ?? code;
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item' },
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: {
          type: 'category',
          data: ordered.map((r) => `${groupName(r.groupCode)} · ${r.unitName}`),
          axisLabel: { width: element.clientWidth < 520 ? 120 : 220, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            name: t('assess.total'),
            barMaxWidth: 18,
            label: { show: true, position: 'right' },
            data: ordered.map((r) => ({ value: r.total, itemStyle: { color: colorOf(r) } })),
          },
        ],
      });
    },
    [round, rows, t],
  );

  return (
    <div
      ref={ref}
      className="tz-assess-chart"
      style={{ height: Math.max(240, rows.length * 26 + 40) }}
      role="img"
      aria-label={t('assess.tab.ranking')}
      data-testid="assess-ranking-chart"
    />
  );
}
