const MAX = 16;

/**
 * A plan's title short enough for a ledger column: the issuer before the year is dropped
 * ("中共佛山市南海区委全面深化改革委员会2026年工作要点" → "2026年工作要点"), and a long rest is cut with an ellipsis.
 */
export function planShortName(title: string): string {
  const year = /20\d{2}年/.exec(title);
  const rest = year ? title.slice(year.index) : title;
  const name = rest.length - (year?.[0].length ?? 0) >= 2 ? rest : title;
  return name.length > MAX ? `${name.slice(0, MAX - 1)}…` : name;
}
