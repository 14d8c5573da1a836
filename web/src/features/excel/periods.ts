/** The reporting periods a unit may want a template for: this month and the five before it, then quarters. */
export function recentPeriods(now: Date): string[] {
  // China time: the month turns at midnight in Shanghai, not in UTC.
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const year = shanghai.getUTCFullYear();
  const month = shanghai.getUTCMonth() + 1;
  const months: string[] = [];
  for (let i = 0; i < 6; i++) {
    const m = ((month - 1 - i + 120) % 12) + 1;
    const y = year - (month - 1 - i < 0 ? 1 : 0);
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const quarter = Math.floor((month - 1) / 3) + 1;
  const quarters: string[] = [];
  for (let i = 0; i < 4; i++) {
    const q = quarter - i;
    quarters.push(q > 0 ? `${year}-Q${q}` : `${year - 1}-Q${q + 4}`);
  }
  return [...months, ...quarters];
}
