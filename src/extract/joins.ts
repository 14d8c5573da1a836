// Lines broken mid-sentence by scraping or PDF extraction, joined back into logical lines: the shape
// tests (a sentence's end, a heading's shape) and the rules that decide whether a line runs on.
import { codeSet } from './chars.js';
import { matchLineMarker } from './markers.js';
import type { LineRanges } from './furniture.js';

const TERMINAL = codeSet('。！？!?；;:…');
const CLOSERS = codeSet('”’"」』)）】》');
const STOPS = codeSet('。！？!?');

/** True when the line ends a sentence (or leads into a list with a colon). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text.charCodeAt(i))) {
    if (i > 0 && TERMINAL.has(text.charCodeAt(i - 1))) return true;
    i--;
    if (i < text.length - 3) break;
  }
  return text.length > 0 && TERMINAL.has(text.charCodeAt(text.length - 1));
}

/** Heading-shaped: short, no sentence punctuation. */
export function isHeadingShaped(text: string): boolean {
  if (text.length > 30 || text.endsWith(':')) return false;
  for (let i = 0; i < text.length; i++) if (STOPS.has(text.charCodeAt(i))) return false;
  return true;
}

// A line that starts with one of these continues the sentence above it.
const CONTINUATION_START = codeSet('，,、。；;：:）)”’的了和与及');
// A line cannot end on a particle or preposition.
const DANGLING_END = codeSet('的了和与及在对把将为是从向被让使由于并而或以之其');

// PDF extraction breaks lines inside a figure: "增长\n6.4%", "达到\n92%", "完成投资\n45.8亿元". A line that
// opens on a number with its unit or magnitude cannot open a paragraph or a heading (a year or a date
// can: "2026年，全区…"), and a line that ends on a verb waiting for its figure is not complete.
const FIGURE_START =
  /^\s*\d+(?:\.\d+)?\s*(?:%|[亿万千百]|[个家户项所人名元套间条座台辆株]|公里|平方|立方|吨|亩|倍|天|个百分点)/;
const WAITS_FOR_FIGURE =
  /(达到|达|增长|增加到|增加|增至|下降|降低|降至|提高|提升|为|到|至|约|近|超过|突破|不少于|不低于|不超过|控制在|稳定在|保持在|新建|新增|建成|完成|实现|累计)$/;
// "…288 亿\n元，…", "…18.6\n亿元。": a figure and its unit split.
const ENDS_ON_FIGURE = /\d\s*[亿万千百]?$/;
const UNIT_START =
  /^\s*(?:[亿万千百]?(?:元|美元|%|个|家|户|项|所|人|名|公里|平方|立方|吨|亩|套|间|条|座|台|辆|株)|[亿万])/;
/**
 * A line that stops on a bare figure, or has a comma and stops on a comma or on a verb waiting for its
 * figure, runs on: it is no heading.
 */
function runsOn(text: string): boolean {
  if (ENDS_ON_FIGURE.test(text)) return true;
  const last = text.charCodeAt(text.length - 1);
  if (!(text.includes(',') || text.includes('，'))) return false;
  return last === 0x2c || last === 0xff0c || last === 0x3001 || WAITS_FOR_FIGURE.test(text);
}
// A line made of nothing but such a verb ("达到", "为") sits between an indicator and its figure.
const BARE_FIGURE_VERB = /^(达到|达|为|增长|增加到|增至|下降|降至|提高|约|近|超过|突破|控制在|稳定在)$/;

function isTableLike(text: string): boolean {
  return text.includes('|') || text.includes('\t');
}

/**
 * A group of lines being joined, held as what `isFragment` looks at rather than as one string: a
 * string grown by += is a cons-string that each test would flatten, which is quadratic in the group.
 */
interface Joined {
  /** The first 48 characters: enough for a line marker. */
  head: string;
  /** The last 8 characters: enough for the sentence end and closing quotes. */
  tail: string;
  length: number;
  /** Length of the last line joined: a line cut at the page's wrap width is not a heading. */
  lastLength: number;
  comma: boolean;
  table: boolean;
  /** Cells of a table line (| or tab separated); 0 for other lines. */
  cells: number;
}

function startJoined(text: string): Joined {
  return {
    head: text.length > 48 ? text.slice(0, 48) : text,
    tail: text.length > 8 ? text.slice(-8) : text,
    length: text.length,
    lastLength: text.length,
    comma: text.includes(',') || text.includes('，'),
    table: isTableLike(text),
    cells: cellCount(text),
  };
}

/** Cells of a | or tab separated line, outer pipes ignored; 0 when the line has no separator. */
function cellCount(text: string): number {
  if (!isTableLike(text)) return 0;
  const t = text.trim().replace(/^\|/, '').replace(/\|$/, '');
  let n = 1;
  for (let i = 0; i < t.length; i++) if (t[i] === '|' || t[i] === '\t') n++;
  return n;
}

/**
 * A table row whose cell was wrapped onto the next line: the row has fewer cells than the header and
 * the next line, which starts no new numbered row, brings the missing ones.
 */
function isRowFragment(cur: Joined, next: string, width: number): boolean {
  if (width < 3 || cur.cells === 0 || cur.cells >= width) return false;
  if (/^\s*\|?\s*\d{1,3}[.、]?\s*[|\t]/.test(next)) return false;
  // A line without separators is a wrapped cell only when short and not a sentence of its own.
  if (!isTableLike(next) && (next.length > 30 || /[。！？!?；;]\s*$/.test(next))) return false;
  const more = isTableLike(next) ? cellCount(next) : 1;
  return cur.cells + more - 1 <= width;
}

function extendJoined(j: Joined, next: string): void {
  if (j.head.length < 48) j.head = (j.head + next).slice(0, 48);
  j.tail = next.length >= 8 ? next.slice(-8) : (j.tail + next).slice(-8);
  j.length += next.length;
  j.lastLength = next.length;
  j.comma ||= next.includes(',') || next.includes('，');
  j.cells = j.cells > 0 ? j.cells + (isTableLike(next) ? cellCount(next) : 1) - 1 : 0;
  j.table ||= isTableLike(next);
}

const FIGURE_VERB_START =
  /^\s*(?:稳定在|控制在|保持在|提高到|提升到|增加到|降至|不低于|不少于|不超过|达到)\s*\d/;
const UNIT_HEAD_END = /(?:平方|立方|\/立方|公|千)$/;
const UNIT_REST = /^\s*(?:米|里|公里|千米|克)/;
// A title broken before the kind of document it names ("…生态环境保护工作\n计划").
const TITLE_KIND_TAIL = /^\s*(工作)?(计划|方案|要点|通知|报告|意见|清单|办法|细则|规划|总结|通报)\s*$/;
const SENTENCE_TAIL = /^[^\s]{1,9}[。；;]$/;

/**
 * Decides whether `cur` was broken off the line after it by scraping. Char-code tests: it runs on every
 * line. `wrap` is the width at which the page broke its lines, when it did (0 otherwise).
 */
function isFragment(cur: Joined, next: string, first: boolean, wrap: number, bareItems = false): boolean {
  if (endsSentence(cur.tail) || cur.table || isTableLike(next)) return false;
  if (matchLineMarker(next)) return false;
  // A comma or an enumeration comma never ends a line of a heading or of a paragraph.
  const lastCode = cur.tail.charCodeAt(cur.tail.length - 1);
  if (!first && (lastCode === 0x2c || lastCode === 0xff0c || lastCode === 0x3001)) return true;
  if (!first) {
    // Char-code gates first: the patterns run only where a figure can be involved.
    const c0 = next.charCodeAt(0);
    const digitFirst = (c0 >= 0x30 && c0 <= 0x39) || (c0 === 0x20 && /^\s*\d/.test(next));
    if (digitFirst && FIGURE_START.test(next)) return true;
    if (next.length <= 5 && BARE_FIGURE_VERB.test(next.trim())) return true;
    if (digitFirst && WAITS_FOR_FIGURE.test(cur.tail)) return true;
    // "…安全利用率\n稳定在93%以上", "…立方\n米以内": the verb and figure, or a unit's last part, fell over.
    if (FIGURE_VERB_START.test(next) || (UNIT_HEAD_END.test(cur.tail) && UNIT_REST.test(next))) return true;
    const t0 = cur.tail.charCodeAt(cur.tail.length - 1);
    if (t0 < 0x80 || t0 === 0x4ebf || t0 === 0x4e07 || t0 === 0x5343 || t0 === 0x767e)
      if (ENDS_ON_FIGURE.test(cur.tail) && UNIT_START.test(next)) return true;
  }
  // A line cut at the wrap width stops mid-sentence whatever its length: the 30-character heading rule
  // does not apply to it. The first line is the title unless it is such a cut line with a comma in it
  // (an excerpt that starts in the middle of a paragraph).
  const atWrap = wrap > 0 && cur.lastLength >= wrap - 1 && cur.lastLength <= wrap + 1;
  if (first) return (atWrap && cur.comma) || TITLE_KIND_TAIL.test(next);
  if (atWrap) return true;
  if (CONTINUATION_START.has(next.charCodeAt(0))) return true;
  const numbered = matchLineMarker(cur.head) !== undefined;
  // Where items are typed without their 。, a long item is whole: the line after it is a new paragraph.
  if (numbered && bareItems) return false;
  const limit = numbered ? 50 : 30;
  if (cur.length > limit) return !isHeadingShaped(next) || runsOn(next);
  if (
    cur.length >= 12 &&
    DANGLING_END.has(cur.tail.charCodeAt(cur.tail.length - 1)) &&
    !isHeadingShaped(next)
  )
    return true;
  // "…结合我区实际，制定本\n计划。": a line with a comma, then a few words closing the sentence.
  if (!numbered && cur.comma && next.length <= 10 && SENTENCE_TAIL.test(next)) return true;
  // A heading of 27 characters or more with a comma is rarer than a sentence cut at a line end.
  if (!numbered && cur.length >= 27 && cur.comma && !isHeadingShaped(next)) return true;
  return false;
}

/**
 * The width at which a scraped page hard-wrapped its text: the commonest length of lines that stop
 * mid-sentence, when at least four such lines share it (±1) and they are most of those lines. Real
 * headings and paragraph ends vary in length; a hard wrap repeats one width.
 */
function wrapWidth(s: string, starts: Int32Array, ends: Int32Array, n: number): number {
  const hist = new Map<number, number>();
  let open = 0;
  for (let x = 0; x < n; x++) {
    const a = starts[x]!;
    const b = ends[x]!;
    const len = b - a;
    if (len < 12 || len > 200) continue;
    const last = s.charCodeAt(b - 1);
    if (TERMINAL.has(last) || CLOSERS.has(last)) continue;
    open++;
    // Numbered headings of one length are parallel headings (对仗), not a hard wrap: they count
    // against a wrap but vote for no width.
    if (len <= 30 && matchLineMarker(s.slice(a, Math.min(b, a + 12)))) continue;
    hist.set(len, (hist.get(len) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [len, count] of hist) {
    const around = count + (hist.get(len - 1) ?? 0) + (hist.get(len + 1) ?? 0);
    if (around > bestCount || (around === bestCount && len > best)) {
      best = len;
      bestCount = around;
    }
  }
  if (bestCount < 4 || bestCount * 2 <= open) return 0;
  // A page wraps a paragraph line after line at that width; table cells of one length (a cell per
  // line, each followed by a short leader or unit cell) never sit two in a row.
  for (let x = 0; x + 1 < n; x++) {
    const len = ends[x]! - starts[x]!;
    const nextLen = ends[x + 1]! - starts[x + 1]!;
    if (Math.abs(len - best) <= 1 && Math.abs(nextLen - best) <= 1) return best;
  }
  return 0;
}

/**
 * Whether the document types its items without a closing 。: a numbered line too long for a heading
 * stops without one and is followed at once by the next numbered line, so nothing of it was cut off.
 */
function typesBareItems(s: string, starts: Int32Array, ends: Int32Array, n: number): boolean {
  let seen = 0;
  for (let x = 0; x + 1 < n && seen < 1; x++) {
    const a = starts[x]!;
    const b = ends[x]!;
    if (b - a < 20) continue;
    const last = s.charCodeAt(b - 1);
    if (TERMINAL.has(last) || CLOSERS.has(last) || last === 0x2c || last === 0xff0c) continue;
    if (!matchLineMarker(s.slice(a, Math.min(b, a + 12)))) continue;
    const c = starts[x + 1]!;
    if (matchLineMarker(s.slice(c, Math.min(ends[x + 1]!, c + 12)))) seen++;
  }
  return seen >= 1;
}

/** Runs of body lines that form one logical line each: group g is lines [groupStart[g], groupStart[g + 1]). */
export interface LineGroups {
  groupStart: Int32Array;
  nGroups: number;
}

/** Groups the body lines; only the group being built is held as a string. */
export function groupLines(s: string, body: LineRanges): LineGroups {
  const { a: bodyA, b: bodyB, n: nBody } = body;
  const wrap = wrapWidth(s, bodyA, bodyB, nBody);
  const bareItems = wrap === 0 && typesBareItems(s, bodyA, bodyB, nBody);
  const groupStart = new Int32Array(nBody + 1);
  let nGroups = 0;
  let k = 0;
  // Cells of the table header in force: a table line that follows no table line.
  let width = 0;
  let prevTable = false;
  while (k < nBody) {
    groupStart[nGroups] = k;
    let size = 1;
    const joined = startJoined(s.slice(bodyA[k], bodyB[k]));
    if (joined.cells > 0 && !prevTable) width = joined.cells;
    prevTable = joined.cells > 0;
    while (k + 1 < nBody) {
      const next = s.slice(bodyA[k + 1], bodyB[k + 1]);
      const rowPart = isRowFragment(joined, next, width);
      const first = k === groupStart[nGroups] && nGroups === 0;
      if (!rowPart && !isFragment(joined, next, first, wrap, bareItems)) break;
      k++;
      size++;
      extendJoined(joined, next);
      if (joined.length > 4096 && size > 64) break;
    }
    nGroups++;
    k++;
  }
  groupStart[nGroups] = nBody;
  return { groupStart, nGroups };
}
