import type { Indicator } from '../../api/types';

export interface ChartSeries {
  periods: string[];
  actual: (number | null)[];
  target: number[];
  /** 序时进度 per period; empty for rate targets, where the target itself is the line to reach. */
  pace: number[];
  /** The values are shares of the year's target (level targets), in percent. */
  asShare: boolean;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q(\d)$/;

function elapsedOf(period: string): number {
  const m = MONTH.exec(period);
  if (m) return Math.round((Number(m[2]) / 12) * 1000) / 10;
  const q = QUARTER.exec(period);
  if (q) return Number(q[2]) * 25;
  return 100;
}

/**
 * The chart's lines from the confirmed values: a rate against its target; a level target's year-to-date
 * value as a share of the year's value against 序时 (single-period values summed through the year).
 */
export function chartSeries(indicator: Indicator): ChartSeries {
  const confirmed = indicator.measurements.filter((m) => m.status === 'confirmed');
  const periods = confirmed.map((m) => m.period);
  const rate = indicator.measure === 'growth' || indicator.measure === 'share';
  if (rate)
    return {
      periods,
      actual: confirmed.map((m) => m.value),
      target: periods.map(() => indicator.value),
      pace: [],
      asShare: false,
    };
  let running = 0;
  let year = '';
  const actual = confirmed.map((m) => {
    if (m.period.slice(0, 4) !== year) {
      year = m.period.slice(0, 4);
      running = 0;
    }
    running = indicator.cumulative ? m.value : running + m.value;
    return indicator.value === 0 ? null : Math.round((running / indicator.value) * 1000) / 10;
  });
  return { periods, actual, target: periods.map(() => 100), pace: periods.map(elapsedOf), asShare: true };
}
