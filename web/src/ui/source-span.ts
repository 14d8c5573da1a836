/** Splits a paragraph around the sentence a task was extracted from; out-of-range spans are clamped. */
export function splitSpan(
  text: string,
  start: number,
  end: number,
): [before: string, marked: string, after: string] {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return [text.slice(0, s), text.slice(s, e), text.slice(e)];
}
