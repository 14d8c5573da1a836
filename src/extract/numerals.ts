import { CN_NUMERAL, DIGIT, flagsAt, is } from './chars.js';

// Chinese and Arabic numerals. Chinese runs are converted whole ("一千二百万" -> 12000000);
// Arabic numbers keep a following 万/亿 in the unit, as the document writes it.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

export function isCnNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && is(ch.charCodeAt(0), CN_NUMERAL);
}

export function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

const isDigitAt = (s: string, i: number): boolean => (flagsAt(s, i) & DIGIT) !== 0;
const isCnAt = (s: string, i: number): boolean => (flagsAt(s, i) & CN_NUMERAL) !== 0;

/** Value of a run of Chinese numeral characters, or undefined when it is not a well-formed number. */
export function parseChineseNumeral(run: string): number | undefined {
  if (run.length === 0) return undefined;
  let hasUnit = false;
  for (const ch of run) if (!(ch in DIGITS)) hasUnit = true;
  if (!hasUnit) {
    // "二〇二五" is written digit by digit; a single digit is itself.
    let v = 0;
    for (const ch of run) v = v * 10 + (DIGITS[ch] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let num = 0;
  let pendingDigit = false;
  for (const ch of run) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (pendingDigit && d !== 0) return undefined; // "三四" inside a unit number is a range, not a number
      num = d;
      pendingDigit = d !== 0;
      continue;
    }
    pendingDigit = false;
    const small = SMALL[ch];
    if (small !== undefined) {
      section += (num === 0 ? 1 : num) * small;
      num = 0;
    } else if (ch === '万') {
      section = (section + num) * 1e4;
      total += section;
      section = 0;
      num = 0;
    } else if (ch === '亿') {
      total = (total + section + num) * 1e8;
      section = 0;
      num = 0;
    } else {
      return undefined;
    }
  }
  return total + section + num;
}

/** True when a Chinese run names a magnitude without a digit ("百", "千万"): idioms unless a comparator governs it. */
export function isBareMagnitude(run: string): boolean {
  for (const ch of run) if (ch in DIGITS) return false;
  return !/^十/.test(run);
}

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  chinese: boolean;
  /** The run as written. */
  raw: string;
}

/**
 * Every number in `text` (one pass). Percent written as 百分之N yields the value N with `percent` set.
 * `skipLoneOne` leaves out a 一 standing alone ("进一步", "统一", "一批"): it is the commonest numeral
 * character of running text and never a quantity by itself, so callers that read quantities need not
 * pay for a token each time.
 */
export function scanNumbers(
  text: string,
  from = 0,
  to = text.length,
  skipLoneOne = false,
): (NumberToken & { percent?: boolean })[] {
  const out: (NumberToken & { percent?: boolean })[] = [];
  let i = from;
  while (i < to) {
    if (isDigitAt(text, i)) {
      let j = i;
      while (
        j < to &&
        (isDigitAt(text, j) ||
          (text.charCodeAt(j) === 0x2c &&
            isDigitAt(text, j + 1) &&
            isDigitAt(text, j + 2) &&
            isDigitAt(text, j + 3) &&
            !isDigitAt(text, j + 4) &&
            isDigitAt(text, j - 1)))
      )
        j++;
      if (text.charCodeAt(j) === 0x2e && isDigitAt(text, j + 1)) {
        j++;
        while (j < to && isDigitAt(text, j)) j++;
      }
      const raw = text.slice(i, j);
      out.push({
        start: i,
        end: j,
        value: Number(raw.includes(',') ? raw.replace(/,/g, '') : raw),
        chinese: false,
        raw,
      });
      i = j;
      continue;
    }
    if (isCnAt(text, i)) {
      const ch = text[i]!;
      if ((ch === '万' || ch === '亿') && (i === 0 || !isCnAt(text, i - 1))) {
        // A multiplier after an Arabic number ("12万元") or on its own: not a number by itself.
        i++;
        continue;
      }
      if (ch === '百' && text[i + 1] === '分' && text[i + 2] === '之') {
        let j = i + 3;
        while (j < to && isCnAt(text, j)) j++;
        const v = parseChineseNumeral(text.slice(i + 3, j));
        if (v !== undefined && j > i + 3)
          out.push({ start: i, end: j, value: v, chinese: true, raw: text.slice(i, j), percent: true });
        i = Math.max(j, i + 1);
        continue;
      }
      let j = i;
      while (j < to && isCnAt(text, j) && j - i < 12) j++;
      if (skipLoneOne && j === i + 1 && text.charCodeAt(i) === 0x4e00) {
        i = j;
        continue;
      }
      const raw = text.slice(i, j);
      const v = parseChineseNumeral(raw);
      if (v !== undefined) out.push({ start: i, end: j, value: v, chinese: true, raw });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}
