// Turns decoded input into clean logical lines while keeping, for every clean character, the offset of
// the character it came from, so that spans point into the original input.
import { codeSet } from './chars.js';
import type { Line, Span } from './types.js';
import { matchLineMarker } from './markers.js';
import { columnRole } from './table.js';
import { OffsetRuns } from './offsets.js';
import { CodePatches, stringOf } from './codes.js';
import { foldText, isRestored } from './fold.js';

export type { Line };

export interface CleanDoc {
  source: string;
  text: string;
  /** The clean text as the reader saw it: `text` with full-width punctuation restored from the input. */
  shown: string;
  /** Offset in `source` of each clean character (and of text.length: source.length). */
  offsets: OffsetRuns;
  lines: Line[];
  warnings: string[];
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * Bounds of the non-blank lines of `s`, spaces and tabs trimmed, as pairs [a, b) in one typed array:
 * a hundred thousand line objects holding sliced strings would live through the whole cleaning and be
 * copied out of the young generation by every scavenge.
 */
function rawLines(s: string): { bounds: Int32Array; count: number } {
  let newlines = 0;
  for (let p = s.indexOf('\n'); p >= 0; p = s.indexOf('\n', p + 1)) newlines++;
  const bounds = new Int32Array(2 * (newlines + 1));
  let count = 0;
  let start = 0;
  const n = s.length;
  while (start <= n) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = n;
    let a = start;
    let b = end;
    while (a < b && isBlank(s.charCodeAt(a))) a++;
    while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
    if (b > a) {
      bounds[2 * count] = a;
      bounds[2 * count + 1] = b;
      count++;
    }
    start = end + 1;
  }
  return { bounds, count };
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

// Web-page furniture: navigation, share/tip widgets, comment footers, page meta.
const JUNK_LINE = new RegExp(
  [
    '^(热门相关|热门推荐|热门文章|相关阅读|相关内容|相关文章|相关新闻|相关链接|延伸阅读|推荐阅读|猜你喜欢|本周热门|本月热门|今日热门|阅读全文|阅读原文|展开全文|查看更多|点击查看|点击进入|分享到|分享本文|微信扫一扫|扫一扫|二维码|微信订阅号|关注我们|联系客服|联系我们|关于本文|本文标题|链接地址|本文链接|原文链接|原文地址|文章来源|责任编辑|编辑[:：]|来源[:：]|作者[:：]|发布时间|发布日期|浏览次数|阅读次数|阅读量|点击数|点击量|字号|字体[:：]|【字体|打印本页|打印本文|关闭窗口|返回顶部|返回首页|上一篇|下一篇|版权所有|版权声明|免责声明|网站地图|当前位置|您的位置|您现在的位置|赏赞|打赏|请选择打赏|尚未有人|如果喜欢本|我已经到底|已经到底|暂时没有评论|暂无评论|发表评论|网友评论|评论[:：(（]|登录后|登陆后|收藏本文|举报|联系人[:：]|联系电话|联系方式[:：]|咨询电话|监督电话|举报电话|传真[:：])',
    '(阅读完全部|需要先登[陆录]|赞赏鼓励|扫码|在手机阅读|Copyright|©|ICP备|ICP证|公网安备|All Rights Reserved)',
    '^[¥￥$]\\s*[\\d.]+$',
    '^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?(\\s+\\d+)?$',
    '^[\\d.]+\\s*(s|ms)$',
    '^(https?://|www\\.)\\S+$',
    '^(首页|主页)\\s*[>›»/]',
    '^[【\\[](打印|关闭|收藏|返回|分享|字体|字号)',
    '^(分享|收藏|点赞|评论|打印|关闭|返回|更多)[:：]?$',
  ].join('|'),
  'i',
);
// Once one of these is seen the rest of the page is furniture, save for long prose.
const FOOTER_START =
  /^(热门相关|热门推荐|相关阅读|相关内容|相关文章|相关新闻|延伸阅读|推荐阅读|猜你喜欢|阅读全文|展开全文|我已经到底|已经到底|暂时没有评论|暂无评论|发表评论|网友评论|上一篇|下一篇|责任编辑|版权所有|关于本文)/;
const BYLINE =
  /(本报记者|特约记者|通讯员|记者\s*[\u4e00-\u9fff]{2,3}\s*摄|摄影[:：]|供图|图片来源|^图[:：/]|\s摄$|组稿[:：]|^(文|图|文\/图)[:：/])/;
const COLUMN_LABEL =
  /^(核心提示|编者按|编者的话|导读|内容提要|提要|摘要|链接|背景链接|记者手记|小贴士|图片新闻|本期导读)[:：]?$/;
const BULLET_HEAD = /^[•●·▪◆■□-]\s*/;

// Page furniture of PDF-extracted text: "- 2 -", "—3—", "第 4 页 共 9 页".
const PAGE_NUMBER =
  /^([-—–]{1,2}\s*\d{1,3}\s*[-—–]{1,2}|第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

function isJunk(text: string): boolean {
  if (text.length > 120) return false;
  if (PAGE_NUMBER.test(text)) return true;
  const t = text.replace(BULLET_HEAD, '');
  if (JUNK_LINE.test(t)) return true;
  if (BYLINE.test(t) && t.length <= 60) return true;
  if (COLUMN_LABEL.test(t)) return true;
  // Site-name chains such as "联系客服-某某网-某某网"; a table row ("2 | 改造管网60公里 | …") has figures.
  if (
    t.length <= 60 &&
    /网/.test(t) &&
    (t.match(/[-|｜»>]/g) ?? []).length >= 2 &&
    !/[。，,]/.test(t) &&
    !/\d/.test(t)
  )
    return true;
  return isMenuBar(t);
}

/**
 * A menu bar: three or more short labels split by | ("登录 | 注册 | 无障碍浏览"). A table header looks
 * the same, so a bar whose labels name table columns is kept.
 */
function isMenuBar(t: string): boolean {
  if (t.length > 60 || !/[|｜]/.test(t)) return false;
  const parts = t.split(/\s*[|｜]\s*/).filter((p) => p.length > 0);
  if (parts.length < 3 || !parts.every((p) => /^[\u4e00-\u9fff]{2,6}$/.test(p))) return false;
  return parts.filter((p) => columnRole(p) !== undefined).length < 2;
}

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

/** Bullet characters the furniture patterns look behind (BULLET_HEAD). */
const BULLET_CODES = codeSet('•●·▪◆■□-');

export function cleanDocument(source: string): CleanDoc {
  const folded = foldText(source);
  const s = folded.s;
  const { bounds, count } = rawLines(s);
  const warnings: string[] = [];
  // Lines are passed from step to step as arrays of bounds in the folded text, read in place: no
  // closures over them either, as the optimised code of a closure made per call is dropped by the next
  // full collection, which 10 MB inputs bring on every few calls.

  // 1. page furniture. Lines are sliced only when short enough for a furniture pattern to apply, and the
  // slices die at once.
  const keptA = new Int32Array(count);
  const keptB = new Int32Array(count);
  let nKept = 0;
  let footer = false;
  for (let k = 0; k < count; k++) {
    const a = bounds[2 * k]!;
    const b = bounds[2 * k + 1]!;
    let t0 = a;
    if (BULLET_CODES.has(s.charCodeAt(a))) {
      t0++;
      while (t0 < b && /\s/.test(s[t0]!)) t0++;
    }
    if (b - t0 <= 120 && FOOTER_START.test(s.slice(t0, b))) footer = true;
    if (footer && !(b - a >= 60 && hasChar(s, a, b, 0x3002))) continue;
    if (b - a <= 120 && isJunk(s.slice(a, b))) continue;
    keptA[nKept] = a;
    keptB[nKept++] = b;
  }

  // 2. blocks repeated verbatim (scraped pages often carry the body twice) and the title repeated.
  // Lines are compared in place; the index of first occurrences is keyed by a hash of the line.
  const firstIndex = new LineIndex(s, keptA, keptB, nKept);
  const dropped = new Uint8Array(nKept);
  let i = 0;
  while (i < nKept) {
    const j = firstIndex.get(i);
    if (j === undefined || j >= i) {
      firstIndex.set(i, i);
      i++;
      continue;
    }
    let run = 0;
    let chars = 0;
    let longest = 0;
    while (
      i + run < nKept &&
      j + run < i &&
      sameRange(s, keptA[j + run]!, keptB[j + run]!, keptA[i + run]!, keptB[i + run]!)
    ) {
      const len = keptB[i + run]! - keptA[i + run]!;
      chars += len;
      longest = Math.max(longest, len);
      run++;
    }
    if (run >= 2 && chars >= 40 && longest >= 15) {
      for (let r = 0; r < run; r++) dropped[i + r] = 1;
      warnings.push(
        `重复段落已去除：第${i + 1}行起${run}行与前文相同 (duplicated block of ${run} lines dropped)`,
      );
      i += run;
      continue;
    }
    if (run >= 1 && sameRange(s, keptA[i]!, keptB[i]!, keptA[0]!, keptB[0]!)) dropped[i] = 1;
    for (let r = 0; r < Math.max(run, 1); r++)
      if (firstIndex.get(i + r) === undefined) firstIndex.set(i + r, i + r);
    i += Math.max(run, 1);
  }
  const bodyA = new Int32Array(nKept);
  const bodyB = new Int32Array(nKept);
  let nBody = 0;
  for (let k = 0; k < nKept; k++) {
    if (dropped[k] === 1) continue;
    bodyA[nBody] = keptA[k]!;
    bodyB[nBody++] = keptB[k]!;
  }

  // 3. lines broken mid-sentence are joined. A group is a run of body lines; only the group being
  // built is held as a string.
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

  // 4. clean text, the text as shown and the offsets. Clean text is the kept lines of the folded text in
  // order, so they are moved down within the folding's array (free once the folded string was made of
  // it) rather than copied character by character into arrays of their own, fresh memory that on a
  // 10 MB input the kernel faults in page by page. The shown text differs by the punctuation folding
  // changed: its string comes from the same array, patched. Showing a range is then a slice.
  let total = Math.max(nGroups - 1, 0);
  for (let x = 0; x < nBody; x++) total += bodyB[x]! - bodyA[x]!;
  const codes = folded.codes;
  const foldRestored = folded.restored;
  const restored = new CodePatches();
  const offsets = new OffsetRuns();
  const starts = new Int32Array(nGroups);
  const ends = new Int32Array(nGroups);
  const fmap = folded.map;
  let pos = 0;
  let p = 0;
  for (let g = 0; g < nGroups; g++) {
    starts[g] = pos;
    let lastB = 0;
    for (let x = groupStart[g]!; x < groupStart[g + 1]!; x++) {
      const a = bodyA[x]!;
      lastB = bodyB[x]!;
      // pos <= a: everything before this line in the clean text stood before it in the folded text.
      codes.copyWithin(pos, a, lastB);
      if (fmap === undefined) offsets.add(pos, a, lastB - a);
      else for (let y = a; y < lastB; y++) offsets.add(pos + y - a, fmap[y]!, 1);
      while (p < foldRestored.size && foldRestored.at(p) < a) p++;
      for (; p < foldRestored.size && foldRestored.at(p) < lastB; p++)
        restored.add(pos + foldRestored.at(p) - a, foldRestored.code(p));
      pos += lastB - a;
    }
    ends[g] = pos;
    if (g < nGroups - 1) {
      offsets.add(pos, fmap === undefined ? lastB : fmap[lastB]!, 1);
      codes[pos++] = 0x0a;
    }
  }
  offsets.add(pos, source.length, 1);
  const text = stringOf(codes.subarray(0, total));
  restored.applyTo(codes);
  const shown = restored.size > 0 ? stringOf(codes.subarray(0, total)) : text;
  const lines: Line[] = new Array<Line>(nGroups);
  for (let g = 0; g < nGroups; g++)
    lines[g] = { start: starts[g]!, end: ends[g]!, text: text.slice(starts[g], ends[g]) };
  return { source, text, shown, offsets, lines, warnings };
}

function hasChar(s: string, a: number, b: number, c: number): boolean {
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === c) return true;
  return false;
}

function sameRange(s: string, a1: number, b1: number, a2: number, b2: number): boolean {
  if (b1 - a1 !== b2 - a2) return false;
  for (let i = 0; i < b1 - a1; i++) if (s.charCodeAt(a1 + i) !== s.charCodeAt(a2 + i)) return false;
  return true;
}

/**
 * A map from line text to a number, for lines given as ranges [starts[i], ends[i]) of one string. Keyed
 * by a 31-bit hash (small-integer keys: the Map's backing store is one array, with no string per entry);
 * lines whose hash is taken by a different text go to a second map keyed by the text itself.
 */
class LineIndex {
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();
  private readonly hashes: Int32Array;

  constructor(
    private readonly s: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    n: number,
  ) {
    this.hashes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let h = 0x811c9dc5;
      for (let x = starts[i]!; x < ends[i]!; x++) h = Math.imul(h ^ s.charCodeAt(x), 0x01000193);
      this.hashes[i] = h & 0x3fffffff;
    }
  }

  /** The entry of the line that reads the same as line `i`. Entries hold line numbers as values. */
  get(i: number): number | undefined {
    const h = this.hashes[i]!;
    const v = this.byHash.get(h);
    if (v === undefined) return undefined;
    const owner = this.owner.get(h)!;
    if (this.same(owner, i)) return v;
    return this.collided.get(this.s.slice(this.starts[i], this.ends[i]));
  }

  set(i: number, value: number): void {
    const h = this.hashes[i]!;
    const owner = this.owner.get(h);
    if (owner === undefined || this.same(owner, i)) {
      this.byHash.set(h, value);
      this.owner.set(h, owner ?? i);
    } else {
      this.collided.set(this.s.slice(this.starts[i], this.ends[i]), value);
    }
  }

  /** For each hash, the line whose text it stands for. */
  private readonly owner = new Map<number, number>();

  private same(i: number, j: number): boolean {
    return sameRange(this.s, this.starts[i]!, this.ends[i]!, this.starts[j]!, this.ends[j]!);
  }
}

/** Span in the original input of clean text [start, end). */
export function toSpan(doc: CleanDoc, start: number, end: number): Span {
  end = Math.min(end, doc.text.length);
  start = Math.min(start, end);
  if (end <= start) {
    const p = doc.offsets.at(Math.min(start, doc.text.length));
    return [p, p];
  }
  return [doc.offsets.at(start), doc.offsets.at(end - 1) + 1];
}

/**
 * The clean text [start, end) as the reader saw it: full-width punctuation restored from the input,
 * joined line breaks already gone.
 */
export function display(doc: CleanDoc, start: number, end: number): string {
  // Two kinds of range take the path that copies character by character, which a slice would not
  // reproduce: one that cuts a surrogate pair (the decoder shows the cut half as U+FFFD), and one that
  // runs past the text (a number that ends the text reads one character beyond it).
  const { text } = doc;
  if (
    start < 0 ||
    end > text.length ||
    (start < end && (isLowSurrogate(text.charCodeAt(start)) || isHighSurrogate(text.charCodeAt(end - 1))))
  ) {
    return restoredCopy(doc, start, end);
  }
  return doc.shown.slice(start, end);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function restoredCopy(doc: CleanDoc, start: number, end: number): string {
  const { text, source, offsets } = doc;
  // Beyond the end the clean text has no input offset; the input's first character stands in, which
  // keeps the display of such ranges as it has always been.
  const inputCode = (i: number): number => source.charCodeAt(i >= 0 && i <= text.length ? offsets.at(i) : 0);
  let first = -1;
  for (let i = start; i < end; i++) {
    const o = inputCode(i);
    if (o !== text.charCodeAt(i) && isRestored(o, text.charCodeAt(i))) {
      first = i;
      break;
    }
  }
  if (first < 0) return text.slice(start, end);
  const codes = new Uint16Array(end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const o = inputCode(i);
    codes[i - start] = i >= first && o !== c && isRestored(o, c) ? o : c;
  }
  return UTF16.decode(codes);
}
