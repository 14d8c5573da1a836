/**
 * What free text may hold, the same on both databases: PostgreSQL refuses a NUL in text (and would answer
 * 500), SQLite stores it and every page shows it. Control characters, bidirectional overrides that make a
 * title read backwards, and titles of nothing but zero-width spaces are refused at the edge instead.
 */

/* eslint-disable no-control-regex -- control characters are what these patterns are about */
/** C0 and C1 controls other than tab: single-line text (titles, names) holds no line breaks either. */
const CONTROL_SINGLE_LINE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/u;
/** C0 and C1 controls other than tab, line feed and carriage return. */
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/* eslint-enable no-control-regex */
/** Bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Whitespace and the zero-width characters that look like nothing on a page. */
const INVISIBLE = /[\s\u200B-\u200D\uFEFF]/gu;

export type TextFault = 'control' | 'bidi' | 'blank';

export interface TextRule {
  /** Whether line breaks (LF, CR) are allowed: narratives and bodies yes, titles and names no. */
  multiLine: boolean;
}

/** Why `text` may not be stored, or null when it may; blankness is the caller's to judge (see `isBlank`). */
export function textFault(text: string, rule: TextRule): Exclude<TextFault, 'blank'> | null {
  if ((rule.multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text)) return 'control';
  if (BIDI_CONTROL.test(text)) return 'bidi';
  return null;
}

/** True when nothing would show: only whitespace and zero-width characters, or nothing at all. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

export const TEXT_FAULT_MESSAGES: Readonly<Record<TextFault, string>> = {
  control: '含有不可见的控制字符',
  bidi: '含有改变文字方向的控制字符',
  blank: '不能为空',
};
