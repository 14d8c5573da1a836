// Folding of the input into the text the rules read: full-width ASCII to ASCII, odd spaces and line
// breaks to plain ones, invisible characters removed, an ASCII full stop typed for 。 to 。.
import { codeSet } from './chars.js';
import { CodePatches, replaceLoneSurrogates, stringOf } from './codes.js';

const kangxiCache = new Map<number, number>();

function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII: ，：；（）０-９％
  if (c === 0x00a0 || c === 0x3000 || (c >= 0x2002 && c <= 0x200a) || c === 0x202f || c === 0x205f)
    return 0x20;
  if (c === 0xff61) return 0x3002; // halfwidth 。
  if ((c >= 0x2f00 && c <= 0x2fdf) || (c >= 0x2e80 && c <= 0x2eff)) {
    // Kangxi radicals that PDF extraction leaves in place of the ordinary characters.
    let v = kangxiCache.get(c);
    if (v === undefined) {
      const n = String.fromCharCode(c).normalize('NFKC');
      v = n.length === 1 ? n.charCodeAt(0) : c;
      kangxiCache.set(c, v);
    }
    return v;
  }
  return c;
}

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const isDigitCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const CN_MARKER_DIGITS = codeSet('一二三四五六七八九十');

/**
 * An ASCII "." typed as the full stop of Chinese text ("抓投资.全年实施…", "控制在4%以内."): after a Han
 * character, a closing bracket or %, and not before a digit. Not a decimal point, a URL or an
 * abbreviation (those follow digits or Latin letters), nor the dot of a "一." marker at a line start.
 */
function isAsciiFullStop(source: string, i: number): boolean {
  const prev = i > 0 ? source.charCodeAt(i - 1) : -1;
  if (!(isHan(prev) || prev === 0x25 || prev === 0x29 || prev === 0xff09 || prev === 0x201d)) return false;
  if (isDigitCode(source.charCodeAt(i + 1))) return false;
  let j = i - 1;
  while (j >= 0 && i - j <= 3 && CN_MARKER_DIGITS.has(source.charCodeAt(j))) j--;
  const atLineStart =
    j < 0 ||
    source.charCodeAt(j) === 0x0a ||
    source.charCodeAt(j) === 0x20 ||
    source.charCodeAt(j) === 0x3000;
  return !(j < i - 1 && atLineStart);
}

export interface Folded {
  s: string;
  /** The array `s` was made from, free for the caller to write into (as long as the input). */
  codes: Uint16Array;
  /** Offset in the input of each folded character; undefined when nothing was removed (identity). */
  map: Int32Array | undefined;
  /** Folded characters shown as the input wrote them (see `isRestored`), with the input's code. */
  restored: CodePatches;
}

export function foldText(source: string): Folded {
  const n = source.length;
  const out = new Uint16Array(n);
  // The offset map is made only once a character is removed (a CR before LF, a zero-width space): most
  // inputs lose none, and a 10 MB input would otherwise carry 13 MB of identity map through cleaning.
  let map: Int32Array | undefined;
  const restored = new CodePatches();
  let surrogates = false;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (
      (c === 0x0d && source.charCodeAt(i + 1) === 0x0a) ||
      c === 0x200b ||
      c === 0x200c ||
      c === 0x200d ||
      c === 0xfeff ||
      c === 0x00ad
    ) {
      if (map === undefined) {
        map = new Int32Array(n + 1);
        for (let x = 0; x < k; x++) map[x] = x;
      }
      continue;
    }
    if (c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c) {
      out[k] = 0x0a;
    } else if (c < 0x20 && c !== 0x0a && c !== 0x09) {
      out[k] = 0x20;
    } else if (c === 0x2e && isAsciiFullStop(source, i)) {
      out[k] = 0x3002;
      restored.add(k, c);
    } else {
      const f = foldChar(c);
      out[k] = f;
      if (f !== c && isRestored(c, f)) restored.add(k, c);
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    }
    if (map !== undefined) map[k] = i;
    k++;
  }
  if (map !== undefined) map[k] = n;
  // An unpaired surrogate reads as U+FFFD, as a UTF-16 decoder shows it. stringOf copies code units as
  // they are, so they are replaced here, which also leaves every later copy of the text well-formed.
  if (surrogates) replaceLoneSurrogates(out.subarray(0, k));
  const s = stringOf(out.subarray(0, k));
  return { s, codes: out, map: map?.subarray(0, k + 1), restored };
}

/** Full-width punctuation and ASCII full stops are shown as written; full-width digits and letters stay folded. */
export function isRestored(o: number, c: number): boolean {
  if (o === 0x2e) return c === 0x3002;
  return (
    o >= 0xff01 &&
    o <= 0xff5e &&
    !((o >= 0xff10 && o <= 0xff19) || (o >= 0xff21 && o <= 0xff3a) || (o >= 0xff41 && o <= 0xff5a))
  );
}
