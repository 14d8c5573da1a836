// The heading / item hierarchy. Each kind of marker keeps the level it first took under its parent
// (the usual reading of Chinese official numbering: 一、 > (一) > 1. > (1)), speakers and headline pairs
// open top-level sections, and inline enumerations (一是…二是…) hang under the heading above them.
import type { OutlineNode } from './types.js';
import type { CleanDoc, Line } from './document.js';
import { display, toSpan } from './document.js';
import { isHeadingShaped } from './joins.js';
import { isInlineKind, matchLineMarker, type MarkerKind } from './markers.js';
import { parseChineseNumeral } from './numerals.js';
import { readTable, type Table } from './table.js';
import { byAt } from './order.js';
import { isOrgSignature } from './meta.js';

export interface BuiltNode {
  node: OutlineNode;
  kind: string;
  /** The class that decides levels: speakers and headline pairs share one. */
  cls: string;
  /** Clean offsets of the node's own heading text. */
  start: number;
  headEnd: number;
  /** Clean offset where the node's scope ends. */
  end: number;
  line: number;
  inline: boolean;
  parent: BuiltNode | undefined;
}

export interface OutlineResult {
  roots: OutlineNode[];
  nodes: BuiltNode[];
  /** For each line, the innermost block node open at its start. */
  lineOwner: (BuiltNode | undefined)[];
  tables: Table[];
  /** Lines that are table furniture (headers, row numbers): no prose. */
  furniture: Uint8Array;
  /** Lines inside table rows: prose, but not outline lines of their own. */
  inTable: Uint8Array;
}

const TITLE_WORDS =
  '书记|副书记|区长|副区长|县长|副县长|市长|副市长|镇长|主任|副主任|主席|副主席|部长|副部长|局长|副局长|秘书长|常委|委员|代表|负责人|院长|会长|经理|校长|组长|队长|所长|行长|处长|科长|厅长|省长|董事长|总裁|政委|司令员|检察长';
// "区委书记顾耀辉" and, as printed under a speech's title, "县长 林晓峰".
const SPEAKER = new RegExp(`^(?:[\\u4e00-\\u9fff、]{0,24}?)(?:${TITLE_WORDS})\\s*[\\u4e00-\\u9fff·]{2,4}$`);
const DATE_LINE = /^(\(|（)?(20\d{2}|二〇[一二三四五六七八九〇]{2})年.{1,8}日(\)|）)?$/;
const DOC_NUMBER = /〔\d{4}〕|\[\d{4}\]\s*\d+\s*号|\d+号$/;
// …and the address that opens or closes a speech ("同志们，让我们……"), and a line trailing off in "……".
const NOT_HEADING =
  /^(附件\s*\d*|附表\s*\d*|抄送|印发|主送|此页无正文|目录|contents|(同志们|各位代表|各位委员|同事们)[,，:：!！])|…$/i;
const LEAD_IN = /[:：]$/;
const TRAILING_UNITS =
  /\s*[(（][^()（）]{0,80}(牵头|责任|配合|协办|单位|领导|负责|分管)[^()（）]{0,80}[)）]\s*$/;

function titleEnd(text: string, from: number, limit = 300): number {
  const stop = Math.min(text.length, from + limit);
  let depth = 0;
  for (let i = from; i < stop; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (
      depth === 0 &&
      (ch === '。' || ch === ';' || ch === '；' || ch === '!' || ch === '?' || ch === '！' || ch === '？')
    )
      return i;
  }
  return stop;
}

function cleanTitle(t: string): string {
  return t
    .replace(TRAILING_UNITS, '')
    .replace(/[:：,，、\s]+$/, '')
    .trim();
}

// "区委书记陈某某指出：" — the verb that introduces the speaker's points is no part of the name.
const SPEECH_VERB = /(指出|强调|要求|表示|提出|说)$/;

function isSpeaker(text: string): boolean {
  return text.length <= 32 && LEAD_IN.test(text) && SPEAKER.test(text.slice(0, -1).replace(SPEECH_VERB, ''));
}

// A speaker named without a title ("王某某强调：") or the meeting itself ("会议指出："): the line says only
// who speaks, so it heads the speaker's points — but only where 一要 / 一是 / —— items follow, since a bare
// "X要求：" could as well lead into a sentence.
const UNTITLED_SPEAKER = /^(?:会议|[\u4e00-\u9fff·]{2,4})(?:指出|强调|要求|提出)[:：]$/;
const SPEAKER_ITEM = new Set<MarkerKind>(['yao', 'shi', 'bullet—']);

function isUntitledSpeaker(text: string, next: ReturnType<typeof matchLineMarker>): boolean {
  return UNTITLED_SPEAKER.test(text) && next !== null && next !== undefined && SPEAKER_ITEM.has(next.kind);
}

function isHeadingCandidate(line: Line): boolean {
  const t = line.text;
  if (!isHeadingShaped(t)) return false;
  if (!/[\u4e00-\u9fff]{2}/.test(t)) return false;
  if (NOT_HEADING.test(t) || isOrgSignature(t) || DATE_LINE.test(t) || DOC_NUMBER.test(t)) return false;
  if (SPEAKER.test(t)) return false; // a byline without colon: "区长 王勇"
  if (/^——|^--/.test(t)) return false;
  if (/^[(（].*[)）]$/.test(t)) return false;
  if (t.length >= 27 && /[,，]/.test(t)) return false;
  return true;
}

const INLINE =
  /(^|[。;!?:,；：！？，])\s*[“"]?(?:([一二三四五六七八九十]{1,2})(是|要)(?![否非求素点])|(第([一二三四五六七八九十]{1,2}))[,，、:：])/g;

interface InlineHit {
  line: number;
  at: number; // clean offset of the marker
  markerEnd: number;
  kind: MarkerKind;
  marker: string;
  value: number;
}

function scanInline(line: Line, lineIndex: number, from: number, out: InlineHit[]): void {
  INLINE.lastIndex = from;
  const text = line.text;
  let m: RegExpExecArray | null;
  while ((m = INLINE.exec(text))) {
    const markerText = m[2] !== undefined ? m[2] + m[3]! : m[4]!;
    const kind: MarkerKind = m[2] !== undefined ? (m[3] === '是' ? 'shi' : 'yao') : 'di';
    const markerAt = text.indexOf(markerText, m.index + m[1]!.length);
    let markerEnd = markerAt + markerText.length;
    if (kind === 'di') markerEnd++;
    while (text[markerEnd] === ' ') markerEnd++;
    out.push({
      line: lineIndex,
      at: line.start + markerAt,
      markerEnd: line.start + markerEnd,
      kind,
      marker: markerText,
      value: parseChineseNumeral(m[2] ?? m[5]!) ?? 0,
    });
    if (INLINE.lastIndex === m.index) INLINE.lastIndex++;
  }
  // Numbered items run into one paragraph: "①…；②…", "(1)…；(2)…". A circled number is a marker
  // wherever it stands; a parenthesised one only after a clause boundary, so that "附件(1)" is not.
  INLINE_NUMBERED.lastIndex = from;
  while ((m = INLINE_NUMBERED.exec(text))) {
    const at = m.index + m[1]!.length;
    const circled = m[2] !== undefined;
    const marker = circled ? m[2]! : m[3]!.replace(/\s+/g, '');
    let markerEnd = at + (circled ? 1 : m[3]!.length);
    while (text.charCodeAt(markerEnd) === 0x20) markerEnd++;
    const value = circled ? marker.charCodeAt(0) - 0x2460 + 1 : Number(m[4]);
    out.push({
      line: lineIndex,
      at: line.start + at,
      markerEnd: line.start + markerEnd,
      kind: circled ? 'circled' : 'ar-paren',
      marker,
      value,
    });
  }
}

const INLINE_NUMBERED =
  /(^|[。;:,；：，、]\s*|(?=[\u2460-\u2473]))(?:([\u2460-\u2473])|(\(\s*(\d{1,2})\s*\)))/g;

/** Keeps inline enumerations that form a run 1, 2, 3… (a lone 一是 at a line start also counts). */
function validateInline(hits: InlineHit[], lineStarts: Set<number>): Set<InlineHit> {
  const ok = new Set<InlineHit>();
  const chains = new Map<MarkerKind, InlineHit[]>();
  for (const h of hits) {
    const chain = chains.get(h.kind);
    if (h.value === 1) {
      closeChain(chain, lineStarts, ok);
      chains.set(h.kind, [h]);
    } else if (chain && chain[chain.length - 1]!.value + 1 === h.value) {
      chain.push(h);
    }
  }
  for (const chain of chains.values()) closeChain(chain, lineStarts, ok);
  return ok;
}

function closeChain(chain: InlineHit[] | undefined, lineStarts: Set<number>, ok: Set<InlineHit>): void {
  if (!chain) return;
  if (chain.length >= 2 || (chain.length === 1 && lineStarts.has(chain[0]!.at)))
    for (const h of chain) ok.add(h);
}

// The helpers of buildOutline live here rather than as closures made in each call: the optimised code of
// a closure made per call is dropped by the next full collection, which 10 MB inputs bring on every few
// calls, and the closure would run unoptimised until compiled again.

/** The open nodes and what has been placed so far. */
interface Tree {
  stack: BuiltNode[];
  roots: OutlineNode[];
  nodes: BuiltNode[];
}

/** Places `built` under the innermost open node of another class, closing those of its own class. */
function place(tree: Tree, kind: string, built: BuiltNode): void {
  const { stack } = tree;
  if (!built.inline) while (stack.length > 0 && stack[stack.length - 1]!.inline) stack.pop();
  let p = -1;
  for (let s = stack.length - 1; s >= 0; s--) {
    if (stack[s]!.cls === kind) {
      p = s;
      break;
    }
  }
  if (p >= 0) stack.length = p;
  // A speaker opens a new block: the dash bullets of the narrative before it are not its parents.
  if (built.kind === 'speaker')
    while (stack.length > 0 && stack[stack.length - 1]!.kind.startsWith('bullet')) stack.pop();
  const parent = stack[stack.length - 1];
  built.cls = kind;
  built.parent = parent;
  built.node.level = stack.length + 1;
  if (parent) parent.node.children.push(built.node);
  else tree.roots.push(built.node);
  stack.push(built);
  tree.nodes.push(built);
}

/** A node whose scope runs to `end` until the next node at its level closes it. */
function make(
  kind: string,
  marker: string,
  title: string,
  start: number,
  headEnd: number,
  line: number,
  inline: boolean,
  end: number,
): BuiltNode {
  return {
    node: { level: 0, marker, title, span: [0, 0], children: [] },
    kind,
    cls: kind,
    start,
    headEnd,
    end,
    line,
    inline,
    parent: undefined,
  };
}

export function buildOutline(doc: CleanDoc, titleLine: number): OutlineResult {
  const lines = doc.lines;
  const nodes: BuiltNode[] = [];
  const roots: OutlineNode[] = [];
  const tables: Table[] = [];
  const furniture = new Uint8Array(lines.length);
  const inTable = new Uint8Array(lines.length);
  const lineOwner: (BuiltNode | undefined)[] = new Array<BuiltNode | undefined>(lines.length);
  const stack: BuiltNode[] = [];

  // Lines that are not part of the outline: the title block and enclosed documents' title lines.
  const skip = new Uint8Array(lines.length);
  if (titleLine >= 0) {
    skip[titleLine] = 1;
    for (let d = titleLine + 1; d < Math.min(lines.length, titleLine + 3); d++) {
      const t = lines[d]!.text;
      // A "——…在…会议上" deck line belongs to the title however long it is.
      if (/^(——|--)/.test(t) && t.length <= 80) {
        skip[d] = 1;
        continue;
      }
      if (matchLineMarker(t) || !isHeadingShaped(t)) break;
      if (/^——|^[(（]|\s/.test(t) || /(讲话|报告|发言)/.test(t) || SPEAKER.test(t)) skip[d] = 1;
      else break;
    }
  }
  // "关于印发《X》的通知" … "X": the enclosed document's own title line repeats the name it was sent under.
  if (titleLine >= 0) {
    const names = new Set<string>();
    for (const m of lines[titleLine]!.text.matchAll(/《([^《》]{2,60})》/g)) names.add(m[1]!);
    for (let d = titleLine + 1; names.size > 0 && d < Math.min(lines.length, titleLine + 12); d++) {
      if (names.has(lines[d]!.text.trim())) skip[d] = 1;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (/^(附件|附表)\s*\d*[:：]?$/.test(lines[i]!.text)) {
      skip[i] = 1;
      for (
        let d = i + 1;
        d < Math.min(lines.length, i + 3) &&
        isHeadingShaped(lines[d]!.text) &&
        !matchLineMarker(lines[d]!.text);
        d++
      )
        skip[d] = 1;
    }
  }

  // Tables first: their header and row-number lines are furniture, their rows are items.
  const rowAt = new Map<number, { table: Table; row: Table['rows'][number] }>();
  for (let i = 0; i < lines.length; i++) {
    const table = readTable(lines, i);
    if (!table || table.rows.length === 0) continue;
    tables.push(table);
    for (const h of table.headerLines) furniture[h] = 1;
    for (const row of table.rows) {
      rowAt.set(row.firstLine, { table, row });
      furniture[row.firstLine] = row.cells.some(
        (c) => c.start >= lines[row.firstLine]!.start && c.end <= lines[row.firstLine]!.end,
      )
        ? 0
        : 1;
      for (let l = row.firstLine; l <= row.lastLine; l++) inTable[l] = 1;
    }
    i = Math.max(i, table.endLine - 1);
  }

  // Inline enumerations, validated as runs over the whole document.
  const hits: InlineHit[] = [];
  const lineStartHits = new Set<number>();
  const marks: ReturnType<typeof matchLineMarker>[] = new Array<ReturnType<typeof matchLineMarker>>(
    lines.length,
  );
  for (let i = 0; i < lines.length; i++) {
    if (skip[i] || furniture[i] || inTable[i]) continue;
    const line = lines[i]!;
    const mk = matchLineMarker(line.text);
    marks[i] = mk;
    let from = 0;
    if (mk && !isInlineKind(mk.kind)) {
      from = mk.length;
      // "- 一是区委统筹…": the bullet is the marker, the 一是 only words.
      const inner = matchLineMarker(line.text.slice(mk.length));
      if (inner && isInlineKind(inner.kind)) from = mk.length + inner.length;
    }
    if (mk && isInlineKind(mk.kind)) lineStartHits.add(line.start);
    const before = hits.length;
    scanInline(line, i, from, hits);
    // The two scans of a line each keep document order; merged, the runs read in order.
    if (hits.length - before > 1) {
      const lineHits = hits.splice(before).sort(byAt);
      for (const h of lineHits) hits.push(h);
    }
  }
  const accepted = validateInline(hits, lineStartHits);
  const hitsByLine = new Map<number, InlineHit[]>();
  for (const h of hits) {
    if (!accepted.has(h)) continue;
    const list = hitsByLine.get(h.line);
    if (list) list.push(h);
    else hitsByLine.set(h.line, [h]);
  }

  const tree: Tree = { stack, roots, nodes };
  const docEnd = doc.text.length;

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    lineOwner[i] = innermostBlock(stack);
    const rowHere = rowAt.get(i);
    if (rowHere) {
      const task =
        rowHere.row.cells.find((c) => c.role === 'task') ?? rowHere.row.cells.find((c) => c.role === 'goal');
      const te = task ? titleEnd(doc.text, task.start, task.end - task.start) : 0;
      // A task cell carried on to a continuation row reads on there unless its words already stopped.
      const rest = task?.more && te >= task.end ? task.more.map(([a, b]) => display(doc, a, b)).join('') : '';
      const title = task ? cleanTitle((display(doc, task.start, te) + rest).replace(/\s*\n\s*/g, '')) : '';
      place(
        tree,
        'row',
        make('row', rowHere.row.number, title, rowHere.row.start, rowHere.row.end, i, false, docEnd),
      );
      for (let l = rowHere.row.firstLine; l <= rowHere.row.lastLine; l++)
        lineOwner[l] = stack[stack.length - 1];
      i = rowHere.row.lastLine + 1;
      continue;
    }
    if (skip[i] || furniture[i]) {
      i++;
      continue;
    }
    const mk = marks[i];
    let inlineFrom = line.start;
    if (mk && !isInlineKind(mk.kind)) {
      let bodyAt = mk.length;
      const inner = matchLineMarker(line.text.slice(mk.length));
      if (inner && isInlineKind(inner.kind) && mk.kind.startsWith('bullet')) bodyAt += inner.length;
      const te = titleEnd(doc.text, line.start + bodyAt, line.end - line.start - bodyAt);
      const title = cleanTitle(display(doc, line.start + bodyAt, te));
      if (title.length > 0) {
        place(
          tree,
          mk.kind,
          make(
            mk.kind,
            display(doc, line.start, line.start + mk.marker.length).replace(/\s+/g, ''),
            title,
            line.start,
            te,
            i,
            false,
            docEnd,
          ),
        );
        lineOwner[i] = stack[stack.length - 1];
      }
      inlineFrom = line.start + bodyAt;
    } else if (!mk && (isSpeaker(line.text) || isUntitledSpeaker(line.text, marks[i + 1]))) {
      place(
        tree,
        'section',
        make(
          'speaker',
          '',
          display(doc, line.start, line.end - 1).trim(),
          line.start,
          line.end,
          i,
          false,
          docEnd,
        ),
      );
      lineOwner[i] = stack[stack.length - 1];
      i++;
      continue;
    } else if (!mk && isHeadingCandidate(line)) {
      // A run of exactly two heading lines is a headline and its deck; longer runs are siblings.
      let run = 1;
      while (
        i + run < lines.length &&
        run < 3 &&
        !skip[i + run] &&
        !furniture[i + run] &&
        !matchLineMarker(lines[i + run]!.text) &&
        isHeadingCandidate(lines[i + run]!)
      )
        run++;
      const next = lines[i + 1];
      if (run === 2 && next && next.text[0] !== line.text[0]) {
        place(
          tree,
          'section',
          make(
            'pair',
            '',
            `${display(doc, line.start, line.end)} ${display(doc, next.start, next.end)}`,
            line.start,
            next.end,
            i,
            false,
            docEnd,
          ),
        );
        lineOwner[i] = stack[stack.length - 1];
        lineOwner[i + 1] = stack[stack.length - 1];
        i += 2;
        continue;
      }
      // A headline already joined to its deck by a space ranks with headline pairs.
      const joined = /[\u4e00-\u9fff”] +[\u4e00-\u9fff“]/.test(line.text);
      // A plain heading after the numbered items of an 一、 part closes that part ("有关要求" after
      // "三、…  9.…"): it ranks with the parts, not under the last item.
      const partAt = stack.findIndex((b) => b.kind === 'cn-dun');
      const top = stack[stack.length - 1];
      if (
        !joined &&
        partAt >= 0 &&
        top &&
        !top.inline &&
        top.kind !== 'cn-dun' &&
        top.kind !== 'heading' &&
        top.node.children.length === 0 &&
        /^(ar-|cn-paren|row)/.test(top.kind)
      )
        stack.length = partAt;
      place(
        tree,
        joined ? 'section' : 'heading',
        make(
          joined ? 'pair' : 'heading',
          '',
          display(doc, line.start, line.end),
          line.start,
          line.end,
          i,
          false,
          docEnd,
        ),
      );
      lineOwner[i] = stack[stack.length - 1];
      i++;
      continue;
    }
    const lineHits = hitsByLine.get(i) ?? [];
    for (let hi = 0; hi < lineHits.length; hi++) {
      const h = lineHits[hi]!;
      if (h.at < inlineFrom) continue;
      // An item's words end at the next item's marker, even where only a comma stands between them
      // ("一是配齐网格员，二是完善积分制").
      const nextAt = lineHits[hi + 1]?.at ?? line.end;
      const te = titleEnd(doc.text, h.markerEnd, nextAt - h.markerEnd);
      const title = cleanTitle(display(doc, h.markerEnd, te));
      if (title.length === 0) continue;
      const marker = h.kind === 'ar-paren' ? display(doc, h.at, h.markerEnd).replace(/\s+/g, '') : h.marker;
      place(tree, h.kind, make(h.kind, marker, title, h.at, te, i, true, docEnd));
    }
    i++;
  }

  finishSpans(doc, nodes);
  return { roots, nodes, lineOwner, tables, furniture, inTable };
}

/** The innermost node on the stack that opens a block (not an inline item); no array per line. */
function innermostBlock(stack: BuiltNode[]): BuiltNode | undefined {
  for (let s = stack.length - 1; s >= 0; s--) if (!stack[s]!.inline) return stack[s];
  return undefined;
}

const isSpaceCode = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;

/** A node's span runs from its marker to the next node at its level or above (inline ones stop at their paragraph's end). */
function finishSpans(doc: CleanDoc, nodes: BuiltNode[]): void {
  const open: BuiltNode[] = [];
  for (const n of nodes) {
    while (open.length > 0 && open[open.length - 1]!.node.level >= n.node.level) {
      const done = open.pop()!;
      done.end = Math.min(done.end, n.start);
    }
    open.push(n);
  }
  for (const n of nodes) {
    if (n.inline) {
      const lineEnd = doc.lines[n.line]!.end;
      n.end = Math.min(n.end, lineEnd);
    }
    let end = n.end;
    while (end > n.start && isSpaceCode(doc.text.charCodeAt(end - 1))) end--;
    n.end = end;
    n.node.span = toSpan(doc, n.start, n.end);
  }
}
