// Turns decoded input into clean logical lines while keeping, for every clean character, the offset of
// the character it came from, so that spans point into the original input.
import type { Span } from './types.js';
import { matchLineMarker } from './markers.js';

export interface Line {
  /** Offsets in the clean text. */
  start: number;
  end: number;
  text: string;
}

export interface CleanDoc {
  source: string;
  text: string;
  /** map[i] = offset in `source` of clean character i. */
  map: Int32Array;
  lines: Line[];
  warnings: string[];
}

const kangxiCache = new Map<number, number>();

function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII: ，：；（）０-９％
  if (c === 0x00a0 || c === 0x3000 || (c >= 0x2002 && c <= 0x200a) || c === 0x202f || c === 0x205f) return 0x20;
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

interface Folded {
  s: string;
  map: Int32Array;
}

function foldText(source: string): Folded {
  const n = source.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0d) {
      if (source.charCodeAt(i + 1) === 0x0a) continue;
      out[k] = 0x0a;
    } else if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0x00ad) {
      continue;
    } else if (c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c) {
      out[k] = 0x0a;
    } else if (c < 0x20 && c !== 0x0a && c !== 0x09) {
      out[k] = 0x20;
    } else {
      out[k] = foldChar(c);
    }
    map[k] = i;
    k++;
  }
  map[k] = n;
  const s = new TextDecoder('utf-16le').decode(out.subarray(0, k));
  return { s, map: map.subarray(0, k + 1) };
}

interface RawLine {
  a: number;
  b: number;
  text: string;
}

function rawLines(s: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  const n = s.length;
  while (start <= n) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = n;
    let a = start;
    let b = end;
    while (a < b && (s[a] === ' ' || s[a] === '\t')) a++;
    while (b > a && (s[b - 1] === ' ' || s[b - 1] === '\t')) b--;
    if (b > a) lines.push({ a, b, text: s.slice(a, b) });
    start = end + 1;
  }
  return lines;
}

// Web-page furniture: navigation, share/tip widgets, comment footers, page meta.
const JUNK_LINE = new RegExp(
  [
    '^(热门相关|热门推荐|热门文章|相关阅读|相关内容|相关文章|相关新闻|相关链接|延伸阅读|推荐阅读|猜你喜欢|本周热门|本月热门|今日热门|阅读全文|阅读原文|展开全文|查看更多|点击查看|点击进入|分享到|分享本文|微信扫一扫|扫一扫|二维码|微信订阅号|关注我们|联系客服|联系我们|关于本文|本文标题|链接地址|本文链接|原文链接|原文地址|文章来源|责任编辑|编辑[:：]|来源[:：]|作者[:：]|发布时间|发布日期|浏览次数|阅读次数|阅读量|点击数|点击量|字号|字体[:：]|【字体|打印本页|打印本文|关闭窗口|返回顶部|返回首页|上一篇|下一篇|版权所有|版权声明|免责声明|网站地图|当前位置|您的位置|您现在的位置|赏赞|打赏|请选择打赏|尚未有人|如果喜欢本|我已经到底|已经到底|暂时没有评论|暂无评论|发表评论|网友评论|评论[:：(（]|登录后|登陆后|收藏本文|举报)',
    '(阅读完全部|需要先登[陆录]|赞赏鼓励|扫码|在手机阅读|Copyright|©|ICP备|ICP证|公网安备|All Rights Reserved)',
    '^[¥￥$]\\s*[\\d.]+$',
    '^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?(\\s+\\d+)?$',
    '^[\\d.]+\\s*(s|ms)$',
    '^(https?://|www\\.)\\S+$',
    '^(首页|主页)\\s*[>›»/]',
    '^(分享|收藏|点赞|评论|打印|关闭|返回|更多)[:：]?$',
  ].join('|'),
  'i',
);
// Once one of these is seen the rest of the page is furniture, save for long prose.
const FOOTER_START = /^(热门相关|热门推荐|相关阅读|相关内容|相关文章|相关新闻|延伸阅读|推荐阅读|猜你喜欢|阅读全文|展开全文|我已经到底|已经到底|暂时没有评论|暂无评论|发表评论|网友评论|上一篇|下一篇|责任编辑|版权所有|关于本文)/;
const BYLINE = /(本报记者|特约记者|通讯员|记者\s*[\u4e00-\u9fff]{2,3}\s*摄|摄影[:：]|供图|图片来源|^图[:：/]|\s摄$|组稿[:：]|^(文|图|文\/图)[:：/])/;
const COLUMN_LABEL = /^(核心提示|编者按|编者的话|导读|内容提要|提要|摘要|链接|背景链接|记者手记|小贴士|图片新闻|本期导读)[:：]?$/;
const BULLET_HEAD = /^[•●·▪◆■□-]\s*/;

function isJunk(text: string): boolean {
  if (text.length > 120) return false;
  const t = text.replace(BULLET_HEAD, '');
  if (JUNK_LINE.test(t)) return true;
  if (BYLINE.test(t) && t.length <= 60) return true;
  if (COLUMN_LABEL.test(t)) return true;
  // Site-name chains such as "联系客服-某某网-某某网".
  if (t.length <= 60 && /网/.test(t) && (t.match(/[-|｜»>]/g) ?? []).length >= 2 && !/[。，,]/.test(t)) return true;
  return false;
}

function isLongProse(text: string): boolean {
  return text.length >= 60 && text.includes('。');
}

const TERMINAL = '。！？!?；;:…';
const CLOSERS = '”’"」』)）】》';

/** True when the line ends a sentence (or leads into a list with a colon). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i]!)) {
    if (TERMINAL.includes(text[i - 1] ?? '')) return true;
    i--;
    if (i < text.length - 3) break;
  }
  const last = text[text.length - 1];
  return last !== undefined && TERMINAL.includes(last);
}

/** Heading-shaped: short, no sentence punctuation. */
export function isHeadingShaped(text: string): boolean {
  return text.length <= 30 && !/[。！？!?]/.test(text) && !text.endsWith(':');
}

const CONTINUATION_START = /^[，,、。；;：:）)”’的了和与及]/;

function isTableLike(text: string): boolean {
  return text.includes('|') || text.includes('\t');
}

/** Decides whether `cur` was broken off the line after it by scraping. */
function isFragment(cur: string, next: string, first: boolean): boolean {
  if (first || endsSentence(cur) || isTableLike(cur) || isTableLike(next)) return false;
  if (matchLineMarker(next)) return false;
  if (CONTINUATION_START.test(next)) return true;
  const numbered = matchLineMarker(cur) !== undefined;
  const limit = numbered ? 50 : 30;
  if (cur.length > limit) return !isHeadingShaped(next);
  // A line cannot end on a particle or preposition.
  if (cur.length >= 12 && /[的了和与及在对把将为是从向被让使由于并而或以之其]$/.test(cur) && !isHeadingShaped(next)) return true;
  // A heading of 27 characters or more with a comma is rarer than a sentence cut at a line end.
  if (!numbered && cur.length >= 27 && /[,，]/.test(cur) && !isHeadingShaped(next)) return true;
  return false;
}

export function cleanDocument(source: string): CleanDoc {
  const folded = foldText(source);
  const all = rawLines(folded.s);
  const warnings: string[] = [];

  // 1. page furniture
  const kept: RawLine[] = [];
  let footer = false;
  for (const line of all) {
    const t = line.text.replace(BULLET_HEAD, '');
    if (t.length <= 120 && FOOTER_START.test(t)) footer = true;
    if (footer && !isLongProse(line.text)) continue;
    if (isJunk(line.text)) continue;
    kept.push(line);
  }

  // 2. blocks repeated verbatim (scraped pages often carry the body twice) and the title repeated
  const firstIndex = new Map<string, number>();
  const dropped = new Uint8Array(kept.length);
  const title = kept[0]?.text;
  let i = 0;
  while (i < kept.length) {
    const line = kept[i]!;
    const j = firstIndex.get(line.text);
    if (j === undefined || j >= i) {
      firstIndex.set(line.text, i);
      i++;
      continue;
    }
    let run = 0;
    let chars = 0;
    let longest = 0;
    while (i + run < kept.length && j + run < i && kept[j + run]!.text === kept[i + run]!.text) {
      chars += kept[i + run]!.text.length;
      longest = Math.max(longest, kept[i + run]!.text.length);
      run++;
    }
    if (run >= 2 && chars >= 40 && longest >= 15) {
      for (let r = 0; r < run; r++) dropped[i + r] = 1;
      warnings.push(`重复段落已去除：第${i + 1}行起${run}行与前文相同 (duplicated block of ${run} lines dropped)`);
      i += run;
      continue;
    }
    if (run >= 1 && line.text === title) dropped[i] = 1;
    for (let r = 0; r < Math.max(run, 1); r++) if (!firstIndex.has(kept[i + r]!.text)) firstIndex.set(kept[i + r]!.text, i + r);
    i += Math.max(run, 1);
  }
  const body = kept.filter((_, k) => dropped[k] === 0);

  // 3. lines broken mid-sentence are joined
  const groups: RawLine[][] = [];
  let k = 0;
  while (k < body.length) {
    const group: RawLine[] = [body[k]!];
    let joined = body[k]!.text;
    while (k + 1 < body.length && isFragment(joined, body[k + 1]!.text, k === 0 && group.length === 1 && groups.length === 0)) {
      k++;
      group.push(body[k]!);
      joined += body[k]!.text;
      if (joined.length > 4096 && group.length > 64) break;
    }
    groups.push(group);
    k++;
  }

  // 4. clean text with its offset map
  let total = 0;
  for (const g of groups) for (const seg of g) total += seg.b - seg.a;
  total += Math.max(groups.length - 1, 0);
  const map = new Int32Array(total + 1);
  const parts: string[] = [];
  const lines: Line[] = [];
  let pos = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const start = pos;
    const texts: string[] = [];
    for (const seg of g) {
      texts.push(seg.text);
      for (let x = seg.a; x < seg.b; x++) map[pos++] = folded.map[x]!;
    }
    const text = texts.length === 1 ? texts[0]! : texts.join('');
    parts.push(text);
    lines.push({ start, end: pos, text });
    if (gi < groups.length - 1) {
      const last = g[g.length - 1]!;
      map[pos++] = folded.map[last.b]!;
    }
  }
  map[pos] = source.length;
  return { source, text: parts.join('\n'), map, lines, warnings };
}

/** Span in the original input of clean text [start, end). */
export function toSpan(doc: CleanDoc, start: number, end: number): Span {
  end = Math.min(end, doc.text.length);
  start = Math.min(start, end);
  if (end <= start) {
    const p = doc.map[Math.min(start, doc.text.length)] ?? doc.source.length;
    return [p, p];
  }
  return [doc.map[start]!, doc.map[end - 1]! + 1];
}

/**
 * The clean text [start, end) as the reader saw it: full-width punctuation restored from the input,
 * joined line breaks already gone.
 */
export function display(doc: CleanDoc, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = doc.text.charCodeAt(i);
    const o = doc.source.charCodeAt(doc.map[i]!);
    if (o !== c && o >= 0xff01 && o <= 0xff5e && !((o >= 0xff10 && o <= 0xff19) || (o >= 0xff21 && o <= 0xff3a) || (o >= 0xff41 && o <= 0xff5a))) {
      out += String.fromCharCode(o);
    } else {
      out += doc.text[i]!;
    }
  }
  return out;
}
