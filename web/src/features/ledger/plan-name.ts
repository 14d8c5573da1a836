const MAX = 14;

/**
 * A plan's title short enough for a ledger column: the issuer before the year is dropped, and the year too
 * unless the plans shown span several years ("中共佛山市南海区委全面深化改革委员会2026年工作要点" → "工作要点",
 * or "2026年工作要点"); a long rest is cut with an ellipsis.
 */
export function planShortName(title: string, withYear = false): string {
  const year = /20\d{2}年/.exec(title);
  const after = year ? title.slice(year.index + year[0].length) : '';
  const name = after.length < 2 ? title : withYear ? `${year![0]}${after}` : after;
  return name.length > MAX ? `${name.slice(0, MAX - 1)}…` : name;
}
