import { todayInChina } from '../../lib/china-time';

/** The reporting period (YYYY-MM) a moment falls in: the month of that day in China. */
export function periodOf(date: Date): string {
  return todayInChina(date).slice(0, 7);
}

/** This month and the `count - 1` before it, newest first: a late report is still for last month. */
export function recentPeriods(today: Date, count = 3): string[] {
  const [y, m] = periodOf(today).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
