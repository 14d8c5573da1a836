// Numbering markers at the start of a line. Patterns are anchored and bounded, so they run in constant
// time whatever the length of the line.
import { parseChineseNumeral } from './numerals.js';

export type MarkerKind =
  | 'part'
  | 'tiao'
  | 'cn-dun'
  | 'cn-paren'
  | 'ar-dot'
  | 'ar-dun'
  | 'ar-space'
  | 'ar-paren'
  | 'ar-rparen'
  | 'circled'
  | 'di'
  | 'shi'
  | 'yao'
  | `bullet${string}`;

export interface MarkerMatch {
  kind: MarkerKind;
  /** The marker as written, e.g. "一、" "(一)" "1." "1" "①" "一是" "-". */
  marker: string;
  value: number;
  /** Characters consumed, including spaces after the marker. */
  length: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const PATTERNS: [MarkerKind, RegExp][] = [
  ['part', new RegExp(`^(第(${CN})(?:部分|章|篇|节))\\s*`)],
  ['tiao', new RegExp(`^(第(${CN})条)\\s*`)],
  ['di', new RegExp(`^(第(${CN}))\\s*[,、:]\\s*`)],
  ['cn-dun', new RegExp(`^((${CN})\\s*[、.])\\s*`)],
  ['cn-paren', new RegExp(`^(\\(\\s*(${CN})\\s*\\))\\s*`)],
  ['ar-paren', /^(\(\s*(\d{1,3})\s*\))\s*/],
  ['ar-rparen', /^((\d{1,2})\))\s*/],
  ['ar-dot', /^((\d{1,3})\s*\.)(?!\d)\s*/],
  ['ar-dun', /^((\d{1,3})\s*、)\s*/],
  ['ar-space', /^((\d{1,3}))[ \t]+(?=[\u4e00-\u9fff“"《(])(?![年月日个项家万亿%])/],
  ['shi', new RegExp(`^((${CN})是)(?![否非])\\s*`)],
  ['yao', new RegExp(`^((${CN})要)(?![求素点])\\s*`)],
];

const CIRCLED_START = 0x2460; // ①
const PAREN_DIGIT_START = 0x2474; // ⑴
const DOT_DIGIT_START = 0x2488; // ⒈
const BULLETS = '-–•●○■□◆◇▪▸►▶·*※';

function valueOf(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  return parseChineseNumeral(raw) ?? 0;
}

export function matchLineMarker(line: string): MarkerMatch | undefined {
  const head = line.length > 48 ? line.slice(0, 48) : line;
  const c = head.charCodeAt(0);
  if (c >= CIRCLED_START && c < CIRCLED_START + 20) {
    return {
      kind: 'circled',
      marker: head[0]!,
      value: c - CIRCLED_START + 1,
      length: 1 + leadingSpaces(head, 1),
    };
  }
  if (c >= PAREN_DIGIT_START && c < PAREN_DIGIT_START + 20) {
    return {
      kind: 'ar-paren',
      marker: head[0]!,
      value: c - PAREN_DIGIT_START + 1,
      length: 1 + leadingSpaces(head, 1),
    };
  }
  if (c >= DOT_DIGIT_START && c < DOT_DIGIT_START + 20) {
    return {
      kind: 'ar-dot',
      marker: head[0]!,
      value: c - DOT_DIGIT_START + 1,
      length: 1 + leadingSpaces(head, 1),
    };
  }
  // "——稳工业强产业，…": a dash bullet under a heading (a deck line under the title is dropped earlier).
  const dash = /^(——|--)(?=[\u4e00-\u9fff“"])/.exec(head);
  if (dash) return { kind: 'bullet—', marker: '——', value: 0, length: dash[0].length };
  const first = head[0];
  if (
    first !== undefined &&
    BULLETS.includes(first) &&
    head[1] !== first &&
    !/^-\d/.test(head) &&
    head.length > 1
  ) {
    return {
      kind: `bullet${first === '–' ? '-' : first === '•' ? '●' : first}`,
      marker: first,
      value: 0,
      length: 1 + leadingSpaces(head, 1),
    };
  }
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(head);
    if (m) {
      return { kind, marker: m[1]!.replace(/\s+/g, ''), value: valueOf(m[2]!), length: m[0].length };
    }
  }
  return undefined;
}

function leadingSpaces(s: string, from: number): number {
  let n = 0;
  while (s[from + n] === ' ' || s[from + n] === '\t') n++;
  return n;
}

/** Kinds that enumerate inside running text (一是…二是…) rather than open a block. */
export function isInlineKind(kind: MarkerKind): boolean {
  return kind === 'shi' || kind === 'yao' || kind === 'di';
}
