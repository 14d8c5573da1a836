// Chinese and Arabic numerals. Chinese runs are converted whole ("一千二百万" -> 12000000);
// Arabic numbers keep a following 万/亿 in the unit, as the document writes it.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

export function isCnNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && CN_NUMERAL_CHARS.includes(ch);
}

export function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

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
 */
export function scanNumbers(text: string, from = 0, to = text.length): (NumberToken & { percent?: boolean })[] {
  const out: (NumberToken & { percent?: boolean })[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (isDigitChar(ch)) {
      let j = i;
      while (j < to && (isDigitChar(text[j]) || (text[j] === ',' && isDigitChar(text[j + 1]) && isDigitChar(text[j + 2]) && isDigitChar(text[j + 3]) && !isDigitChar(text[j + 4]) && isDigitChar(text[j - 1])))) j++;
      if (text[j] === '.' && isDigitChar(text[j + 1])) {
        j++;
        while (j < to && isDigitChar(text[j])) j++;
      }
      const raw = text.slice(i, j);
      out.push({ start: i, end: j, value: Number(raw.replace(/,/g, '')), chinese: false, raw });
      i = j;
      continue;
    }
    if (isCnNumeralChar(ch)) {
      if ((ch === '万' || ch === '亿') && (i === 0 || !isCnNumeralChar(text[i - 1]))) {
        // A multiplier after an Arabic number ("12万元") or on its own: not a number by itself.
        i++;
        continue;
      }
      if (ch === '百' && text[i + 1] === '分' && text[i + 2] === '之') {
        let j = i + 3;
        while (j < to && isCnNumeralChar(text[j])) j++;
        const v = parseChineseNumeral(text.slice(i + 3, j));
        if (v !== undefined && j > i + 3) out.push({ start: i, end: j, value: v, chinese: true, raw: text.slice(i, j), percent: true });
        i = Math.max(j, i + 1);
        continue;
      }
      let j = i;
      while (j < to && isCnNumeralChar(text[j]) && j - i < 12) j++;
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
