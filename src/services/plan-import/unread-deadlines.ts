import type { Deadline } from '../../extract/types.js';

// "完成时限：2026年秋季学期前": a labelled limit, whatever it says.
const LABELLED = /(?:完成时限|完成时间|时间节点|时限要求)\s*[:：]\s*([^；;。，,、）)\n]{1,24})/g;
// "2026年秋季学期前": a year and a limit word with something between them the extraction may not read.
const YEAR_LIMIT = /(?:20|２０)[0-9０-９]{2}年([^，。；,;、\s（）()]{1,10}?)(?:以前|之前|前)/g;
// What lies between the year and 前 in the limits the extraction reads (6月底, 上半年, 三季度, 底).
const READABLE_MIDDLE =
  /^(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月.*|上半年|下半年|年底|年末|年内|全年|前三季度|第?[一二三四1-4]季度末?|底|末)$/;
// A limit that deliberately names no date.
const NO_DATE_MEANT = /持续|长期|常态|经常|逐年|每年|每季|每月/;

const overlaps = (a: readonly [number, number], b: readonly [number, number]): boolean =>
  a[0] < b[1] && b[0] < a[1];

/**
 * The first time limit in a task's text that the extraction did not turn into a date ("2026年秋季学期前"),
 * so the office is told the task has no due date for that reason rather than finding out later.
 * `offset` is where `text` starts in the document, the frame of the deadlines' spans.
 */
export function unreadDeadline(
  text: string,
  offset: number,
  deadlines: readonly Deadline[],
): string | undefined {
  const dated = deadlines.filter((d) => d.date).map((d) => d.span);
  const read = (start: number, end: number): boolean =>
    dated.some((span) => overlaps(span, [offset + start, offset + end]));
  const found: { at: number; text: string }[] = [];
  for (const m of text.matchAll(LABELLED)) {
    const value = m[1]!.trim();
    const start = m.index + m[0].length - m[1]!.length;
    if (value && !NO_DATE_MEANT.test(value) && !read(start, start + m[1]!.length))
      found.push({ at: start, text: value });
  }
  for (const m of text.matchAll(YEAR_LIMIT)) {
    if (READABLE_MIDDLE.test(m[1]!) || read(m.index, m.index + m[0].length)) continue;
    if (!found.some((f) => f.at <= m.index && m.index < f.at + f.text.length))
      found.push({ at: m.index, text: m[0] });
  }
  return found.sort((a, b) => a.at - b.at)[0]?.text;
}
