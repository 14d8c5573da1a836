// Numbers that name a class or a threshold rather than an amount: "10亩以下(含10亩)的流转合同",
// "进度超过50%的有5件", "5000万元以上项目42个", "两位数增长", "八项规定". The amount such a label qualifies
// (42, 5) is the quantity; the label is not.

/** A parenthesised note: "(含10亩)", "(不含农户)", "(下同)", "(按可比价计算)". */
export const NOTE = /[(（][^()（）]{0,24}[)）]/g;

/** The words with their parenthesised notes taken out: a note qualifies, it neither names nor dates. */
export function withoutNotes(s: string): string {
  return s.includes('(') || s.includes('（') ? s.replace(NOTE, '') : s;
}

const LABEL_NEXT = '以及的(（数规原准禁';

/**
 * Whether the number at [start, unitEnd) of `text` labels a class of things. `clauseEnd` is where the
 * clause after the unit stops (at punctuation or at the next digit).
 */
export function isClassLabel(
  text: string,
  start: number,
  unitEnd: number,
  unit: string,
  clauseEnd: number,
): boolean {
  // Most numbers are followed by none of the words these rules look for: decide them on one character.
  const c = text[unitEnd];
  let noted = false;
  for (let i = Math.max(0, start - 4); i < start; i++) if (text.charCodeAt(i) === 0x542b) noted = true; // 含
  if (!noted && (c === undefined || !LABEL_NEXT.includes(c))) return false;
  const after = text.slice(unitEnd, unitEnd + 28);
  const digitNext = clauseEnd < text.length && /\d/.test(text[clauseEnd]!);
  // "10亩以下(含10亩)的…", "500万元以下(含500万元)": a bound with its inclusion note defines a class.
  // A plain amount with an exclusion ("26个(不含试点小区)") is still an amount.
  if (/^(及以上|以上|以下|以内)\s*[(（]\s*不?含[^()（）]{0,16}[)）]|^[(（]\s*含\s*\d/.test(after))
    return true;
  // …and the number inside the note restates the bound.
  if (/[(（]\s*不?含\s*$/.test(text.slice(Math.max(0, start - 4), start))) return true;
  // "10万元以上的村" qualifies; it commits nothing.
  if (/^(以上|以下|及以上)的/.test(after)) return true;
  // "10亿元以上项目5个", "进度超过50%的有5件": a threshold naming what a later number counts.
  if (
    digitNext &&
    /^(以上|以下|及以上)?的?(有|共有|为)?[\u4e00-\u9fff]{0,10}$/.test(text.slice(unitEnd, clauseEnd))
  ) {
    if (/^(以上|以下|及以上|的)/.test(after)) return true;
  }
  // "保持两位数增长": the number of digits of a rate.
  if (unit.endsWith('位') && after.startsWith('数')) return true;
  // "中央八项规定精神": a name, not eight things to deliver.
  if (unit === '项' && /^(规定|原则|准则|禁令)/.test(after)) return true;
  return false;
}

/**
 * A count that is the base of the figures after it ("十件民生实事中，已完成…的有2件") or that names the
 * programme a report is about ("十件民生实事推进情况通报如下").
 */
export function isBaseCount(noun: string): boolean {
  return /^[\u4e00-\u9fff“”"]{1,12}?(中(?:[,，:：]|已|有|共)|(推进|落实|进展|完成|实施|办理)情况)/.test(noun);
}
