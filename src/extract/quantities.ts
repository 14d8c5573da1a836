// Targets and actuals: a number with its unit, tied to what it measures, read clause by clause.
import type { Comparator, Line, Measure, Quantity } from './types.js';
import type { CleanDoc } from './document.js';
import { display, toSpan } from './document.js';
import type { BuiltNode } from './outline.js';
import {
  isMeetingNarrative,
  isReportedFigures,
  leadTense,
  ownerTense,
  sentenceTense,
  weakTense,
  type Tense,
} from './context.js';
import { isBareMagnitude, scanNumbers, type NumberToken } from './numerals.js';
import { matchUnit, MULTIPLIERS, type UnitClass } from './units-of-measure.js';
import { matchLineMarker } from './markers.js';
import {
  CLAUSE_END,
  CLOSE_QUOTE,
  DIGIT,
  flagsAt,
  flagsOf,
  OPEN_QUOTE,
  SENTENCE_END,
  codeSet,
} from './chars.js';
import { byFirst } from './order.js';
import { isBaseCount, isClassLabel, withoutNotes } from './labels.js';
import { genreDefault, TenseCursor, type Genre, type TenseRange } from './tense.js';

export interface QuantityInput {
  doc: CleanDoc;
  planYear: number | undefined;
  /** 1 for each line that holds no prose (title block, table furniture). */
  skip: Uint8Array;
  /** For each line, the innermost block of the outline it is under. */
  owners: readonly (BuiltNode | undefined)[];
  /** Clean ranges already taken by declared counts. */
  taken: [number, number][];
  /** What the document as a whole does: report or plan. */
  genre?: Genre;
  /** Table cells whose column fixes the tense (sorted). */
  tenseRanges?: readonly TenseRange[];
}

export interface QuantityResult {
  targets: Quantity[];
  actuals: Quantity[];
}

// One buffer for the quote mask of every line: a fresh array per line would be garbage at once, and a
// 10 MB input has a hundred thousand lines.
let maskBuffer = new Uint8Array(4096);

/** Quote depth per character of a line, in one pass; valid until the next call. */
function quoteMask(text: string): Uint8Array {
  if (maskBuffer.length < text.length)
    maskBuffer = new Uint8Array(Math.max(text.length, maskBuffer.length * 2));
  const mask = maskBuffer;
  let depth = 0;
  let ascii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = flagsOf(c);
    if (f & OPEN_QUOTE) depth++;
    else if (f & CLOSE_QUOTE) depth = Math.max(0, depth - 1);
    else if (c === 0x22) ascii = !ascii;
    else if (f & SENTENCE_END && c !== 0x3b && c !== 0xff1b) {
      // Unbalanced quotes never reach past a sentence.
      if (depth > 0 && c === 0x3002 && !(flagsAt(text, i + 1) & CLOSE_QUOTE)) depth = 0;
      ascii = false;
    }
    mask[i] = depth > 0 || ascii ? 1 : 0;
  }
  return mask;
}

const BEFORE_GT = /(突破|超过|超出|多于|大于|高于|逾|超)$/;
const BEFORE_APPROX = /(约为|约|大约|近|接近|将近)$/;
const BEFORE_LT = /(低于|不足|少于|小于|不到)$/;
const BEFORE_LE = /(不超过|不高于|不多于|控制在|压缩至|压减至|降至|降到)$/;
const BEFORE_EQ = /(稳定在|保持在|维持在)$/;
const GROWTH =
  /(增长|增速|增幅|涨幅|降幅|提高|提升|下降|降低|减少|回落|上涨|下滑|增加|压减|压降|削减|缩减|节约|拉动.{0,8}|同比|比上年|较上年)$/;
const FALL = /(下降|降低|减少|回落|下滑|压减|压降|削减|缩减)$/;
const SHARE_WORDS = /(占|比重|占比|率|比例)/;
const LEAD_FILLER =
  /^(分别|环比|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月(?:份|末|底)?|净增加|净增|到年底前|到年底|到20\d{2}年(?:底前|底|末)?|年均|年平均|期末|末期|届时|20\d{2}年(?:底前|底|内)?|(?:春季|秋季)学期(?:开学)?前|汛期前|上半年|下半年|年底前|年底|一季度|二季度|三季度|四季度|前三季度|\d{1,2}月底前|\d{1,2}月前|今年|去年|全年|年内|当年|其中|同比|全区|全县|全市|全镇|全乡|力争|争取|努力|确保|实现|推动|推进|完成|新增|新建|建成|累计|共计|共有|总计|合计|共|提供|发放|培育|成功|开展|组织|打造|实施|帮助|全力保障|保障|加快|集中力量|提前|超额|各|区直|县直|市直|首批|并|及|将|要|已|还|也|再|预计|计划|预期|目标是|目标|主要|在|对|把|使|让|有|带动|吸引|引进|引导|支持|规划|谋划|力促|确定|拟|全面|深入|持续|继续|进一步|大力|积极|力求|再次|全部|顺利|已经|累计完成)/;
const TRAIL_FILLER =
  /(比20\d{2}年|较20\d{2}年|提高到|提升到|增加到|增长到|降低到|下降到|减少到|压减|压降|削减|至少|要|将|力争|确保|争取|净增|新增|增加|完成|实现|共|同比增长|同比下降|比上年增长|较上年增长|同比|增长|增速|增幅|提高|提升|下降|降低|减少|增加|突破|超过|超出|超|高于|逾|不低于|不少于|达到|达|约为|约|大约|接近|将近|近|低于|不足|少于|不到|不超过|不高于|控制在|稳定在|保持在|维持在|压缩至|降至|为|是|有|在|的|了|共|合计|总计|累计|已经|已|分别|由|从|预计|预期|年均|年平均)$/;
const SUFFIX_CUT =
  /(和|与|及|以及|并|或|都|均|全部|全都|接连|相继|陆续|先后|分别|已经|已|将|正在|得到|培育成|打造成|建设成|为|等)/;
const STRUCTURE_AFTER_XIANG = /^[^,，。;；]{0,8}(任务|举措|措施|改革|工作|重点|具体)/;

interface Parsed {
  value: number;
  unit: string;
  cls: UnitClass | 'bare';
  end: number;
  approxMore: boolean;
}

/** Reads the unit after a number; undefined when the number is not a quantity. */
function readUnit(text: string, tok: NumberToken & { percent?: boolean }): Parsed | undefined {
  let p = tok.end;
  while (text[p] === ' ') p++;
  if (tok.percent) return { value: tok.value, unit: '%', cls: 'percent', end: p, approxMore: false };
  let approxMore = false;
  if (text[p] === '多' || text[p] === '余') {
    approxMore = true;
    p++;
  }
  let mult = '';
  if (!tok.chinese) {
    while (
      p < text.length &&
      MULTIPLIERS.includes(text[p]!) &&
      mult.length < 2 &&
      !text.startsWith('百分点', p)
    )
      mult += text[p++]!;
    if (mult && (text[p] === '多' || text[p] === '余')) {
      approxMore = true;
      p++;
    }
  }
  const unit = matchUnit(text, p);
  if (!unit) {
    if (mult) return { value: tok.value, unit: mult, cls: 'level', end: p, approxMore };
    return { value: tok.value, unit: '', cls: 'bare', end: p, approxMore };
  }
  const cls = unit[1];
  let u = unit[0];
  if (cls === 'count' && u === '期' && (tok.chinese || /^[,，、。;；)）]/.test(text[p + 1] ?? '。')))
    return undefined;
  if (
    cls === 'count' &&
    u === '个' &&
    /^(方面|领域|部分|板块|维护|意识|自信|确立|坚持|务必|一以贯之|毫不动摇)/.test(text.slice(p + 1, p + 5))
  )
    return undefined;
  // "(涉及任务6项)", "牵头任务(6项)", "涉及28个责任单位": the size of a part of the programme, or of its
  // machinery, not something to deliver.
  const lead8 = text.slice(Math.max(0, tok.start - 8), tok.start);
  // …but "完成改革重组任务8项" delivers eight tasks.
  const delivered = /(完成|落实|实施|推出|出台|办结)[^,，。;；:：()（）]*$/.test(
    text.slice(Math.max(0, tok.start - 20), tok.start),
  );
  if (cls === 'count' && u === '项' && !delivered && /(任务|举措|措施)[(（]?$|涉及[^,，。]{0,6}$/.test(lead8))
    return undefined;
  const noun = text.slice(p + u.length, p + u.length + 6);
  if (cls === 'count' && /涉及$/.test(lead8) && /^(责任|牵头|配合)?(单位|部门)/.test(noun)) return undefined;
  if (cls === 'count' && /^(督导组|督查组|工作组|检查组|调研组|专班|工作专班|小组|领导小组)/.test(noun))
    return undefined;
  if (
    cls === 'count' &&
    u === '项' &&
    (STRUCTURE_AFTER_XIANG.test(text.slice(p + 1, p + 12)) ||
      /(牵头|负责|承担)$/.test(text.slice(Math.max(0, tok.start - 3), tok.start)))
  )
    return undefined;
  p += u.length;
  if (/^[级星]/.test(text[p] ?? '')) return undefined; // 8万吨级
  if (cls === 'skip') return undefined;
  // A duration is a quantity where a time limit is committed to ("审批时间压缩至30个工作日以内",
  // "办结时限不超过5天"); elsewhere ("连续3年", "用2个月时间") it is a streak or a span of work.
  if (cls === 'duration') {
    const limitBefore = /(压缩至|压缩到|压减至|缩短至|缩短到|控制在|不超过|减少至|降至|时限为|时间为)$/.test(
      text.slice(Math.max(0, tok.start - 4), tok.start),
    );
    if (!limitBefore && !/^(以内|之内)/.test(text.slice(p, p + 2))) return undefined;
    return { value: tok.value, unit: mult + u, cls: 'level', end: p, approxMore };
  }
  u = mult + u;
  return { value: tok.value, unit: u, cls, end: p, approxMore };
}

function comparatorOf(before: string, after: string, approxMore: boolean, past: boolean): Comparator {
  if (/^(及以上|以上)/.test(after)) return '>=';
  if (/^左右/.test(after)) return '~';
  if (/^(以内|以下|之内)/.test(after)) return '<=';
  if (approxMore) return '>';
  if (BEFORE_LE.test(before)) return '<=';
  if (/(不低于|不少于|不小于)$/.test(before) || /至少[\u4e00-\u9fff]{0,3}$/.test(before)) return '>=';
  if (BEFORE_GT.test(before)) return '>';
  if (BEFORE_APPROX.test(before)) return '~';
  if (BEFORE_LT.test(before)) return '<';
  if (BEFORE_EQ.test(before)) return '=';
  if (/(达到|达)$/.test(before)) return past ? '=' : '>=';
  return '=';
}

// "会议还对“十四五”期末常住人口达到…": what stands before a period names no part of the indicator.
const PERIOD_INSIDE = /^.{0,16}?[“"]?十[一二三四五六七八九]五[”"]?(?:期末|末|时期|期间)/;

function stripPrefix(s: string): string {
  let t = s.trim().replace(PERIOD_INSIDE, '');
  // "东城街道)全年地区生产总值": an indicator never starts inside a bracket closed before it.
  const close = Math.max(t.lastIndexOf(')'), t.lastIndexOf('）'));
  if (close >= 0 && !/[(（]/.test(t.slice(0, close))) t = t.slice(close + 1);
  for (let guard = 0; guard < 12; guard++) {
    const before = t;
    t = t.replace(LEAD_FILLER, '').replace(/^[\s,，、:：“”"(（)）]+(?=[\u4e00-\u9fff])/, '');
    t = t.replace(TRAIL_FILLER, '').trim();
    if (t === before) break;
  }
  const de = t.lastIndexOf('的');
  if (de >= 0 && t.length - de - 1 >= 2 && de >= 2) t = t.slice(de + 1);
  return t;
}

function cutSuffix(s: string): string {
  let t = s;
  const m = SUFFIX_CUT.exec(t);
  if (m && m.index >= 2) t = t.slice(0, m.index);
  else if (m && m.index === 0) t = '';
  t = t.replace(/^(的|之)/, '').replace(/[的,，、]+$/, '');
  return t.length > 24 ? t.slice(0, 24) : t;
}

/** Drops a quote mark left open or closed by the cut ("民生实事”" -> "民生实事"). */
function balanceQuotes(s: string): string {
  let t = s;
  const opens = (t.match(/[“《「]/g) ?? []).length;
  const closes = (t.match(/[”》」]/g) ?? []).length;
  if (closes > opens)
    t = opens === 0 ? t.replace(/[”》」]/g, '') : t.replace(/[”》」]+$/, '').replace(/^[”》」]+/, '');
  else if (opens > closes) t = t.replace(/[“《「]+$/, '').replace(/^[“《「]+(?=[^”》」]*$)/, '');
  return t;
}

/**
 * The period a figure is for, from the words before it. "一季度实现开门红，全年地区生产总值突破1200亿元":
 * a clause that names the whole year is not for a part of it named in a clause before.
 */
function periodOf(head: string, leadYear: string | undefined, clause = ''): string | undefined {
  const plan = /[“"]?十([一二三四五六七八九])五[”"]?\s*(期末|末)/.exec(head);
  if (plan) return `十${plan[1]!}五期末`;
  let year: string | undefined;
  const re = /(20\d{2})\s*年/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) year = m[1];
  if (year) return year;
  const wholeYear = /全年|全年度|年度/.test(clause);
  const part = wholeYear ? null : /(上半年|下半年|一季度|二季度|三季度|四季度|前三季度|每年)/.exec(head);
  if (part) return part[1];
  return leadYear;
}

/** What the clauses of one sentence share. */
interface SentenceContext {
  text: string;
  start: number;
  end: number;
  planYear: number | undefined;
  lead: Tense | undefined;
  heading: Tense | undefined;
  whole: Tense | undefined;
  weak: Tense | undefined;
  genre: Tense | undefined;
  reported: boolean;
}

/** Cues before the number outrank the paragraph and the heading; cues after it ("…，确保…") do not. */
function tenseAt(ctx: SentenceContext, clauseEnd: number): Tense {
  // A note ("(不含已列入试点的小区)") qualifies the figure; its words do not date it.
  const head = withoutNotes(ctx.text.slice(Math.max(ctx.start, clauseEnd - 160), clauseEnd));
  if (ctx.reported) return 'past';
  // In a report "今年" dates this year's results; it plans nothing.
  const own = ctx.genre === 'past' ? head.replace(/今年/g, '') : head;
  return (
    sentenceTense(own, ctx.planYear) ??
    ctx.lead ??
    ctx.heading ??
    ctx.whole ??
    // A report's clauses lean to the past unless their own words plan ("要", "将" are weak cues).
    ctx.genre ??
    ctx.weak ??
    'future'
  );
}

const NEW_CLAUSE =
  /[,，;；](?:到|在)?(?:今年|明年|全年|年内|年底前?|当年|届时|同时|此外|另外|20\d{2}年|上半年|下半年|[一二三四]季度|\d{1,2}月(?:底|末)?前|确保|要)/;

function stretchAt(ctx: SentenceContext, pos: number, tense: Tense): boolean {
  if (tense === 'past') return false;
  const head = ctx.text.slice(Math.max(ctx.start, pos - 200), pos);
  const s = Math.max(head.lastIndexOf('力争'), head.lastIndexOf('争取'), head.lastIndexOf('努力'));
  if (s < 0) return false;
  // "力争A，今年B": a clause that opens with its own time or its own 确保 is out of the 力争's reach;
  // "力争A、B" and "力争A，B" stay within it.
  if (NEW_CLAUSE.test(head.slice(s))) return false;
  return head.lastIndexOf('确保') < s && !/百倍努力|千方百计/.test(head.slice(Math.max(0, s - 2), s + 2));
}

const INLINE_MARKER =
  /^\s*(?:[\u2460-\u2473]|[(（]\s*\d{1,2}\s*[)）]|\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[是要](?![否非求素点]))\s*/;
// Words that leave a clause without a subject of its own: time, verbs of change, comparators, stretch.
const BARE_CLAUSE =
  /^(?:分别|比20\d{2}年|较20\d{2}年|年均|年平均|同比|环比|比上年|较上年|(?:增加|提高|提升|增长|上升|下降|降低|减少|扩大|跃升|攀升)?(?:到|至)|全年|今年|年内|力争|争取|努力|确保|实现|增长|增速|增幅|提高|下降|降低|突破|超过|达到|达|约|近|接近|左右|以上|\s)*$/;
const RANGE_DASH = codeSet('—–-~～至');

/** "5.5%—6%", "5-6%", "3至5个": the second number of a range starting at `tok`, if there is one. */
function rangeAt(
  text: string,
  tok: NumberToken,
  next: NumberToken | undefined,
): { high: NumberToken } | undefined {
  if (!next || tok.chinese !== next.chinese) return undefined;
  let p = tok.end;
  if (text.charCodeAt(p) === 0x25) p++; // "5%—6%"
  let dashes = 0;
  while (RANGE_DASH.has(text.charCodeAt(p)) && dashes < 2) {
    p++;
    dashes++;
  }
  if (dashes === 0 || next.start !== p || next.value <= tok.value) return undefined;
  return { high: next };
}

const BASE_SHARE = /^为(预算|计划|年度|目标|上年|去年)/;
// What a share's words add to its subject ("…占全市", "…为预算"); the next clause's subject has none of it.
const SHARE_TAIL = /(占|拉动|为(?=预算|计划|年度|目标|上年|去年)).*$/;
const JUDGED = /([\u4e00-\u9fff]{2,16}?)(偏低|偏高|较低|较高|不高|过低|过高|不足|下滑|滞后|缓慢)$/;

/** The subject of the clause before `clauseStart` when that clause judges it ("资金到位率偏低"). */
function judgedSubject(text: string, sentStart: number, clauseStart: number): string | undefined {
  const end = clauseStart - 1;
  let start = end;
  while (start > sentStart && !(flagsOf(text.charCodeAt(start - 1)) & CLAUSE_END)) start--;
  const m = JUDGED.exec(text.slice(start, end));
  const subject = m ? stripPrefix(m[1]!) : '';
  return subject.length >= 2 ? subject : undefined;
}

const isPlanYearLead = (text: string, planYear: number | undefined): boolean =>
  planYear !== undefined && new RegExp(`^${planYear}\\s*年`).test(text);

const STATE_TALLY = /^((?:已经|已)(?:完成|开工|竣工|建成|办结|启动|投用|验收))的?$/;
const HAS_NUMERAL = /[0-9零〇一二两三四五六七八九十百千万亿]/;
// Characters before a number that make it an ordinal, a code or a date part; after it, a code or a ratio.
const NOT_BEFORE = codeSet('第初周首前每礼拜星期#+〔[');
const NOT_AFTER = codeSet('#+-/:.');
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** What a whole document's walk keeps: where it is in the sorted ranges of declared counts and cells. */
interface DocWalk {
  input: QuantityInput;
  taken: [number, number][];
  takenIdx: number;
  cells: TenseCursor;
  genre: Tense | undefined;
  out: QuantityResult;
}

/** What the figures of one line share. */
interface LineWalk {
  doc: CleanDoc;
  line: Line;
  text: string;
  mask: Uint8Array;
  markerEnd: number;
  leadYear: string | undefined;
  /** In a table row, the subject of the row's first figure (the goal cell's) for the cells after it. */
  rowSubject: string;
}

/** The quantity read last in a sentence: later clauses inherit its subject ("占全市…"). */
interface LastRead {
  subject: string;
  end: number;
  measure: Measure;
}

export function extractQuantities(input: QuantityInput): QuantityResult {
  const walk: DocWalk = {
    input,
    taken: [...input.taken].sort(byFirst),
    takenIdx: 0,
    cells: new TenseCursor(input.tenseRanges ?? []),
    genre: genreDefault(input.genre),
    out: { targets: [], actuals: [] },
  };
  const lines = input.doc.lines;
  for (let li = 0; li < lines.length; li++) if (input.skip[li] !== 1) readLine(walk, li);
  return walk.out;
}

function readLine(walk: DocWalk, li: number): void {
  const { input, genre } = walk;
  const { planYear } = input;
  const line = input.doc.lines[li]!;
  const text = line.text;
  const hasFlat = text.includes('基本持平');
  if (!HAS_NUMERAL.test(text) && !hasFlat) return;
  const lineMarker = matchLineMarker(text);
  let lead = leadTense(text, planYear);
  // "今年…" or the year reported on ("2026年全区重点工作任务共52项" in a 2026 通报) opens a report's
  // account of this year as often as a plan's: in a report it decides nothing.
  if (genre === 'past' && lead === 'future' && (/^今年/.test(text) || isPlanYearLead(text, planYear)))
    lead = undefined;
  const leadYearM = /^(20\d{2})\s*年/.exec(text);
  const lw: LineWalk = {
    doc: input.doc,
    line,
    text,
    mask: quoteMask(text),
    markerEnd: lineMarker ? lineMarker.length : 0,
    leadYear: leadYearM ? leadYearM[1] : undefined,
    rowSubject: '',
  };
  const meeting = isMeetingNarrative(text);
  const reported = isReportedFigures(text);
  let headingT: Tense | undefined;
  let headingDone = false;
  // Sentences are walked in place: no array of them, no slice unless the sentence holds a number.
  for (let sentStart = 0, sentEnd = 0; sentStart < text.length; sentStart = sentEnd) {
    sentEnd = sentStart;
    while (sentEnd < text.length && !(flagsOf(text.charCodeAt(sentEnd)) & SENTENCE_END)) sentEnd++;
    if (sentEnd < text.length) sentEnd++;
    const tokens = scanNumbers(text, sentStart, sentEnd, true);
    if (tokens.length === 0 && !hasFlat) continue;
    const sText = text.slice(sentStart, sentEnd);
    const flat = hasFlat ? sText.indexOf('基本持平') : -1;
    if (flat < 0 && tokens.length === 0) continue;
    const whole = sentenceTense(sText, planYear);
    if (meeting && whole !== 'future') continue;
    if (!headingDone) {
      headingT = ownerTense(input.owners[li], planYear);
      headingDone = true;
    }
    const ctx: SentenceContext = {
      text,
      start: sentStart,
      end: sentEnd,
      planYear,
      lead,
      heading: headingT,
      whole,
      weak: weakTense(sText),
      genre,
      reported,
    };
    readFigures(walk, lw, ctx, tokens);
    if (flat >= 0) readFlat(walk, lw, ctx, sText, flat);
  }
}

/** The figures of one sentence, in order; a later clause may lean on the one read before it. */
function readFigures(walk: DocWalk, lw: LineWalk, ctx: SentenceContext, tokens: NumberToken[]): void {
  let last: LastRead | undefined;
  let skipUntil = -1;
  for (let ti = 0; ti < tokens.length; ti++) {
    const tok = tokens[ti]!;
    if (tok.start < lw.markerEnd || tok.start < skipUntil) continue;
    const range = rangeAt(lw.text, tok, tokens[ti + 1]);
    if (isTaken(walk, lw.line.start + tok.start)) continue;
    if (!standsAsFigure(lw, tok, range)) continue;
    const parsed = readUnit(lw.text, range ? range.high : tok);
    if (!parsed) continue;
    if (range) skipUntil = range.high.end;
    const read = readFigure(walk, lw, ctx, tok, range, parsed, last);
    if (read) last = read;
  }
}

/** Whether the figure at clean offset `abs` lies in a range already taken by a declared count. */
function isTaken(walk: DocWalk, abs: number): boolean {
  const { taken } = walk;
  while (walk.takenIdx < taken.length && taken[walk.takenIdx]![1] <= abs) walk.takenIdx++;
  const tk = taken[walk.takenIdx];
  return tk !== undefined && tk[0] <= abs && abs < tk[1];
}

/** False for ordinals, codes, dates, years, "一是", bare magnitudes and numbers inside quoted names. */
function standsAsFigure(lw: LineWalk, tok: NumberToken, range: { high: NumberToken } | undefined): boolean {
  const { text, mask } = lw;
  const prev = tok.start > 0 ? text.charCodeAt(tok.start - 1) : -1;
  const next = tok.end < text.length ? text.charCodeAt(tok.end) : -1;
  if (NOT_BEFORE.has(prev) || isAsciiLetter(prev)) return false;
  if (
    !range &&
    (isAsciiLetter(next) || NOT_AFTER.has(next)) &&
    !(next === 0x2e && !(flagsAt(text, tok.end + 1) & DIGIT))
  )
    return false;
  if (tok.chinese) {
    if (tok.raw === '一' || /^[零〇一二两三四五六七八九]{2,}$/.test(tok.raw)) return false;
    if (next === 0x662f || next === 0x8981 || next === 0x5927) return false; // 是 要 大: "一是", "三大"
    if (
      isBareMagnitude(tok.raw) &&
      !/(突破|超过|达到|达|超|近|约|逾)$/.test(text.slice(Math.max(0, tok.start - 2), tok.start))
    )
      return false;
  } else if (/^20\d{2}$|^19\d{2}$/.test(tok.raw) && /^\s*年/.test(text.slice(tok.end, tok.end + 2)))
    return false;
  if (mask[tok.start]) {
    // Numbers in quoted names are slogans, unless the quote itself is the delivery ("十件民生实事").
    let q = tok.end;
    while (q < text.length && mask[q] && q - tok.end < 16) q++;
    if (!/实事$/.test(text.slice(tok.end, q))) return false;
  }
  return true;
}

/** The clause a figure is read from: back to a clause boundary (or the figure read before), on past its unit. */
function clauseAround(
  lw: LineWalk,
  ctx: SentenceContext,
  tok: NumberToken,
  parsed: Parsed,
  last: LastRead | undefined,
): { start: number; end: number } {
  const { text } = lw;
  let clauseStart = tok.start;
  while (
    clauseStart > ctx.start &&
    tok.start - clauseStart < 40 &&
    !(flagsOf(text.charCodeAt(clauseStart - 1)) & CLAUSE_END)
  )
    clauseStart--;
  if (last && last.end > clauseStart) clauseStart = last.end;
  if (clauseStart < lw.markerEnd) clauseStart = lw.markerEnd;
  // An item marker inside the paragraph ("②全年…", "(1)打造…") opens the clause; it is not words.
  const inlineMarker = INLINE_MARKER.exec(text.slice(clauseStart, Math.min(tok.start, clauseStart + 8)));
  if (inlineMarker) clauseStart += inlineMarker[0].length;
  let clauseEnd = parsed.end;
  while (
    clauseEnd < ctx.end &&
    clauseEnd - parsed.end < 30 &&
    !(flagsOf(text.charCodeAt(clauseEnd)) & (CLAUSE_END | DIGIT))
  )
    clauseEnd++;
  return { start: clauseStart, end: clauseEnd };
}

const LEADING_COMPARATOR =
  /(不低于|不少于|达到|达|约|近|接近|超过|突破|超|高于|低于|不超过|控制在|稳定在|保持在)$/;

/** growth for a change rate, share for a proportion, count for things with a measure word, else level. */
function measureOf(parsed: Parsed, before: string, beforeCore: string): Measure {
  let measure: Measure;
  if (parsed.cls === 'points' || parsed.cls === 'times') measure = 'growth';
  else if (parsed.cls === 'percent') measure = GROWTH.test(beforeCore) ? 'growth' : 'share';
  else if (parsed.cls === 'count') measure = 'count';
  else measure = 'level';
  if (
    parsed.cls === 'percent' &&
    measure === 'share' &&
    !SHARE_WORDS.test(before) &&
    GROWTH.test(beforeCore.slice(-10))
  )
    measure = 'growth';
  return measure;
}

/** One figure with its unit read as a quantity and filed as target or actual; what it read, for the next. */
function readFigure(
  walk: DocWalk,
  lw: LineWalk,
  ctx: SentenceContext,
  tok: NumberToken,
  range: { high: NumberToken } | undefined,
  parsed: Parsed,
  last: LastRead | undefined,
): LastRead | undefined {
  const { text, line } = lw;
  const clause = clauseAround(lw, ctx, tok, parsed, last);
  const before = withoutNotes(text.slice(clause.start, tok.start)).trim();
  const afterRaw = text.slice(parsed.end, clause.end);
  if (parsed.cls === 'bare') {
    if (!/(突破|超过|达到|达|超|逾|控制在|稳定在|不低于|不超过)$/.test(before)) return undefined;
    if (!/^\s*([,，。;；、]|$)/.test(afterRaw)) return undefined;
  }
  if (isClassLabel(text, tok.start, parsed.end, parsed.unit, clause.end)) return undefined;
  if (parsed.cls === 'count' && isBaseCount(text.slice(parsed.end, parsed.end + 16))) return undefined;
  const cell = walk.cells.rangeAt(line.start + tok.start);
  const tense = cell?.tense ?? tenseAt(ctx, clause.end);
  const past = tense === 'past';
  let comparator = comparatorOf(before, afterRaw, parsed.approxMore, past);
  let value = parsed.value;
  if (range) {
    // A range ("增长5%—6%", "5-6%") is one commitment. Where the words set a ceiling (控制在, 以内,
    // 不超过) it is the upper bound, read as <=; otherwise it is the floor the region commits to,
    // read as >= the lower bound. The spec gives a quantity one value; the clause text keeps both.
    if (comparator === '<=' || comparator === '<') value = range.high.value;
    else {
      value = tok.value;
      comparator = '>=';
    }
  }
  const beforeCore = before.replace(LEADING_COMPARATOR, '');
  const named = indicatorOf(
    lw,
    ctx,
    tok,
    parsed,
    clause.start,
    before,
    afterRaw,
    measureOf(parsed, before, beforeCore),
    last,
    cell?.subject,
  );
  if (!named) return undefined;
  const { measure } = named;
  let { indicator } = named;
  // "能耗下降2.5%": a fall keeps its verb, or the reader sees a rise of 2.5%.
  const fall = measure === 'growth' ? FALL.exec(beforeCore) : null;
  if (fall && !indicator.includes(fall[1]!)) indicator += fall[1]!;
  // Another body's figure ("全国GDP增长5%"); "国家级…企业" and "新增国家高新技术企业" are the region's own.
  const prefix = stripPrefix(before);
  if (
    /^(全国|全省|国家)(?!级)/.test(prefix) &&
    !/^(占|拉动)/.test(prefix) &&
    !/(新增|培育|创建|获评|认定|引进|建成|入选|争创)/.test(before)
  )
    return undefined;
  const { doc } = walk.input;
  const q: Quantity = {
    indicator,
    measure,
    comparator,
    value,
    unit: parsed.unit,
    stretch: stretchAt(ctx, tok.start, tense),
    text: display(doc, line.start + clause.start, line.start + clause.end),
    span: toSpan(doc, line.start + clause.start, line.start + clause.end),
  };
  const period = periodOf(
    text.slice(Math.max(ctx.start, tok.start - 120), tok.start),
    lw.leadYear,
    text.slice(clause.start, tok.start),
  );
  if (period) q.period = period;
  (past ? walk.out.actuals : walk.out.targets).push(q);
  if (cell && !lw.rowSubject) lw.rowSubject = named.subject || indicator;
  return {
    subject: named.subject.replace(SHARE_TAIL, '') || (last?.subject ?? ''),
    end: parsed.end,
    measure,
  };
}

/**
 * What a figure measures: the noun after a measure word ("10个重点项目开工建设"), else the words before;
 * failing both, the subject of the figure read before it, of the clause it judges, or of its table row.
 * Undefined when nothing names it.
 */
function indicatorOf(
  lw: LineWalk,
  ctx: SentenceContext,
  tok: NumberToken,
  parsed: Parsed,
  clauseStart: number,
  before: string,
  afterRaw: string,
  measureIn: Measure,
  last: LastRead | undefined,
  cellSubject: string | undefined,
): { indicator: string; subject: string; measure: Measure } | undefined {
  const { text, line, doc } = lw;
  let measure = measureIn;
  const after = afterRaw.replace(/^(及以上|以上|左右|以内|以下|之内)/, '');
  const afterOffset = parsed.end + (afterRaw.length - after.length);
  const suffix = cutSuffix(after);
  const prefix = stripPrefix(before);
  let indicator: string;
  let subject = '';
  const prefixFromEnumeration = /等$/.test(before);
  if (
    (parsed.cls === 'count' && suffix.length >= 2 && !/^[,，、。;；(（]/.test(after)) ||
    (prefix.length < 2 && suffix.length >= 2) ||
    (prefixFromEnumeration && suffix.length >= 2)
  ) {
    const at = text.indexOf(suffix, afterOffset);
    indicator = at >= 0 ? display(doc, line.start + at, line.start + at + suffix.length) : suffix;
  } else {
    const at = before.length > 0 ? text.lastIndexOf(prefix, tok.start) : -1;
    indicator =
      at >= 0 && prefix.length > 0 ? display(doc, line.start + at, line.start + at + prefix.length) : prefix;
    subject = indicator;
    // "收入35.6亿元，为预算的101.2%": a share of a base (预算, 计划, 年度目标) is of the subject before.
    if ((/^(占|拉动|比|较)/.test(indicator) || BASE_SHARE.test(indicator)) && last)
      indicator = last.subject.replace(SHARE_TAIL, '') + indicator;
    else if (/^(占|拉动)/.test(indicator)) subject = '';
  }
  indicator = balanceQuotes(indicator);
  // "分别达到41200元和22350元": the second number of a distributive pair measures the same thing.
  const pairedWith = /^(和|与|及|、)$/.test(before) && last !== undefined ? last : undefined;
  if (pairedWith && pairedWith.subject.length >= 2 && indicator.length < 2) {
    indicator = pairedWith.subject;
    subject = pairedWith.subject;
    measure = pairedWith.measure;
  }
  // "地区生产总值412.6亿元，同比增长5.8%", "增长6%左右，力争突破440亿元": a clause of nothing but a
  // verb and a number speaks of the subject of the clause before it.
  if (indicator.length < 2 && last !== undefined && last.subject.length >= 2 && BARE_CLAUSE.test(before)) {
    indicator = last.subject;
    subject = last.subject;
    // "增长6%左右，力争达到6.5%": the same rate, raised.
    if (parsed.cls === 'percent' && measure === 'share' && last.measure === 'growth') measure = 'growth';
  }
  // "净增规模以上工业企业12家，总数达到98家": a bare 总数 is the total of the thing just named.
  if (/^(总数|总量|总额|总规模|数量)$/.test(indicator) && last !== undefined && last.subject.length >= 2)
    indicator = last.subject + indicator;
  // "资金到位率偏低，仅为41%": the clause before names what it judges, then the figure follows.
  if (indicator.length < 2 && last === undefined && /^(仅为|仅|只有|仅有|只|为)$/.test(before)) {
    const judged = judgedSubject(text, ctx.start, clauseStart);
    if (judged) indicator = subject = judged;
  }
  // A bare figure in a goal or progress cell ("完成45公里") measures what the row's goal cell named,
  // else the row's task.
  if (indicator.length < 2 && cellSubject !== undefined) {
    indicator = lw.rowSubject || stripPrefix(cellSubject);
    subject = indicator;
  }
  // A tally of a 通报 ("已完成的18项", "已开工9个"): the state itself is what is counted.
  if (indicator.length < 2 && parsed.cls === 'count') {
    const state = STATE_TALLY.exec(before);
    if (state) indicator = subject = state[1]!;
  }
  return indicator.length < 2 ? undefined : { indicator, subject, measure };
}

/** "与经济增长基本持平": the one comparison without a number that stands for a value (growth ~ 0). */
function readFlat(walk: DocWalk, lw: LineWalk, ctx: SentenceContext, sText: string, flat: number): void {
  const { text, line } = lw;
  const { doc } = walk.input;
  const sentStart = ctx.start;
  let cs = flat;
  while (cs > 0 && flat - cs < 40 && !(flagsOf(sText.charCodeAt(cs - 1)) & CLAUSE_END)) cs--;
  const head = sText.slice(cs, flat);
  const cut = /(争取|力争|努力|确保|与|同|较|比|和)/.exec(head);
  const ind = stripPrefix(cut ? head.slice(0, cut.index) : head);
  if (ind.length < 2) return;
  const flatTense = tenseAt(ctx, sentStart + flat + 4);
  const absStart = line.start + sentStart + cs;
  const absEnd = Math.min(line.end, line.start + sentStart + flat + 4);
  const q: Quantity = {
    indicator: ind,
    measure: 'growth',
    comparator: '~',
    value: 0,
    unit: '',
    stretch: stretchAt(ctx, sentStart + flat, flatTense),
    text: display(doc, absStart, absEnd),
    span: toSpan(doc, absStart, absEnd),
  };
  const period = periodOf(
    text.slice(Math.max(sentStart, sentStart + flat - 120), sentStart + flat),
    lw.leadYear,
  );
  if (period) q.period = period;
  (flatTense === 'past' ? walk.out.actuals : walk.out.targets).push(q);
}
