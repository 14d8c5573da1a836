// Short names for the areas (方面) and plans of a programme, for the places where a whole heading does not
// fit: the battle map's area grid, the ledger's filters, charts. Headings of one plan often open alike
// ("围绕建设现代化产业体系的实体支撑，以…" ten times over), so cutting them at the end shows the same words
// for every area; the short name is the part that tells an area from its siblings.

/** Longest a short name the office types may be. */
export const SHORT_NAME_MAX = 20;
/** A heading this short fits wherever a short name goes, and stays whole. */
const FITS = 8;

const CLAUSE_BREAK = /[，,；;。：:！!？?、\s]+/;
/** Characters after which a shared opening may be cut: punctuation, or 的 closing a phrase. */
const BOUNDARY = /[，,；;。：:、\s的]/;
/** "以更高标准抓实…", "以龙头引领抓牢…": the 以… phrase says how; the work starts at the verb after it. */
const MANNER_THEN_VERB = /^以[^，,；;。]{1,10}?(?=抓|推进|推动|加快|聚焦|强化|深化|坚持|全力)/;
/** Leading list numbers a heading may still carry: "一、", "(一)", "（三）", "1.", "第二，". */
const LEADING_NUMBER =
  /^\s*(?:[（(][一二三四五六七八九十百\d]+[)）]|第?[一二三四五六七八九十百]+[、，,.．]|\d+[、.．)）])\s*/;

/** The heading without its list number and without a leading 以… manner phrase (以龙头引领抓牢… → 抓牢…). */
function clean(title: string): string {
  const bare = title.replace(LEADING_NUMBER, '').trim();
  const manner = MANNER_THEN_VERB.exec(bare);
  return manner && bare.length - manner[0].length >= 2 ? bare.slice(manner[0].length) : bare;
}

/**
 * The opening every title shares, cut back to a phrase boundary so no word is split; without a boundary, only
 * a leading two-character verb such as 深化 or 推进 is taken as shared.
 */
export function sharedOpening(titles: readonly string[]): string {
  if (titles.length < 2) return '';
  let n = 0;
  const first = titles[0]!;
  while (n < first.length && titles.every((t) => t[n] === first[n])) n++;
  const common = first.slice(0, n);
  // Whole shared clause(s) or phrase(s): cut after the last boundary inside the common part.
  for (let i = common.length - 1; i >= 0; i--) if (BOUNDARY.test(common[i]!)) return common.slice(0, i + 1);
  return common.length >= 2 ? common.slice(0, 2) : '';
}

/** The short name of one heading once its shared opening is gone: its first clause, the 以… manner dropped. */
export function shortNameOf(title: string, sharedPrefix = ''): string {
  const full = clean(title);
  if (full.length <= FITS) return full;
  const rest = full.startsWith(sharedPrefix) ? full.slice(sharedPrefix.length) : full;
  const clauses = rest.split(CLAUSE_BREAK).filter((c) => c.length > 0);
  const name = clauses[0] ?? '';
  return name.length > 0 ? name : full;
}

export interface NamedArea {
  title: string;
  /** What the office typed, or null to derive the short name from the title. */
  short_name: string | null;
}

/**
 * Each area's short name, in order: the office's where set, else the part of its title that tells it from
 * its siblings — the longest opening it shares with any of them is dropped, so a plan whose headings open
 * alike only in part (three 围绕建设… beside a 深化…) still names each by what differs.
 */
export function areaShortNames(areas: readonly NamedArea[]): string[] {
  const titles = areas.map((a) => clean(a.title));
  return areas.map((a, i) => {
    if (a.short_name !== null) return a.short_name;
    let prefix = '';
    titles.forEach((other, j) => {
      if (j === i) return;
      const shared = sharedOpening([titles[i]!, other]);
      if (shared.length > prefix.length && shared.length < titles[i]!.length) prefix = shared;
    });
    return shortNameOf(a.title, prefix);
  });
}

/** The areas of one or more plans with their short names, each plan's areas named against each other. */
export function withShortNames<T extends NamedArea & { plan_id: string }>(
  areas: readonly T[],
): (T & { shortName: string })[] {
  const byPlan = new Map<string, T[]>();
  for (const a of areas) byPlan.set(a.plan_id, [...(byPlan.get(a.plan_id) ?? []), a]);
  const names = new Map<T, string>();
  for (const group of byPlan.values()) {
    const short = areaShortNames(group);
    group.forEach((a, i) => names.set(a, short[i]!));
  }
  return areas.map((a) => ({ ...a, shortName: names.get(a)! }));
}

/**
 * A plan's title without what every plan of the region says anyway: who issues it and the year, up to and
 * including the first "2026年" ("中共珠海市金湾区委全面深化改革委员会2026年工作要点" → "工作要点",
 * "金湾区（开发区）2026年改革攻坚“点题”项目" → "改革攻坚“点题”项目"); without a year, the region's name at its
 * start. The whole title stays when too little would be left.
 */
export function planShortName(title: string, regionName = ''): string {
  const whole = title.trim();
  const year = /\d{4}(?:\s*[-—–~至]\s*\d{4})?\s*年度?/.exec(whole);
  let rest = year
    ? whole.slice(year.index + year[0].length)
    : regionName && whole.startsWith(regionName)
      ? whole.slice(regionName.length)
      : whole;
  rest = rest.replace(/^[\s·:：、，,]+/, '');
  return rest.length >= 4 ? rest : whole;
}
