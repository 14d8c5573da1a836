// Character classes looked up by UTF-16 code unit. The hot loops test every character of a 10 MB input
// several times; a table lookup on a char code allocates nothing and costs one load, where
// `'。！？'.includes(text[i])` builds a one-character string and scans a literal each time.

export const SENTENCE_END = 1; // 。!?;！？；| and tab: a quantity never reads across these
export const CLAUSE_END = 2; // the above plus ,，、:：
export const OPEN_QUOTE = 4; // “《「『‘
export const CLOSE_QUOTE = 8; // ”》」』’
export const CN_NUMERAL = 16; // 零〇一二两三四五六七八九十百千万亿
export const DIGIT = 32; // 0-9
export const LEVEL = 64; // 区县市镇乡: where the name of a government body starts

const TABLE = new Uint8Array(0x10000);
const mark = (chars: string, flag: number): void => {
  for (let i = 0; i < chars.length; i++) TABLE[chars.charCodeAt(i)]! |= flag;
};
mark('。!?;！？；|\t', SENTENCE_END | CLAUSE_END);
mark(',，、:：', CLAUSE_END);
mark('“《「『‘', OPEN_QUOTE);
mark('”》」』’', CLOSE_QUOTE);
mark('零〇一二两三四五六七八九十百千万亿', CN_NUMERAL);
mark('0123456789', DIGIT);
mark('区县市镇乡', LEVEL);

/** True when the code unit `c` has any of the `flags`. */
export function is(c: number, flags: number): boolean {
  return (TABLE[c]! & flags) !== 0;
}

/** Flags of the character at `i` of `s` (0 past either end). */
export function flagsAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? TABLE[s.charCodeAt(i)]! : 0;
}

/** Flags of the code unit `c`. */
export function flagsOf(c: number): number {
  return TABLE[c]!;
}

/** The code units of `chars`, for membership tests on `charCodeAt` results. */
export function codeSet(chars: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < chars.length; i++) set.add(chars.charCodeAt(i));
  return set;
}
