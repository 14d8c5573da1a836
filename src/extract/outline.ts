// The heading / item hierarchy. Each kind of marker keeps the level it first took under its parent
// (the usual reading of Chinese official numbering: 一、 > (一) > 1. > (1)), speakers and headline pairs
// open top-level sections, and inline enumerations (一是…二是…) hang under the heading above them.
import type { OutlineNode } from './types.js';
import type { CleanDoc, Line } from './document.js';
import { display, toSpan } from './document.js';
import { isHeadingShaped } from './joins.js';
import { isInlineKind, matchLineMarker, type MarkerKind } from './markers.js';
import { scanInlineItems, type InlineScan, type LineMark } from './inline-items.js';
import { readTable, type Table } from './table.js';
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

type RowAt = Map<number, { table: Table; row: Table['rows'][number] }>;

/** What placing the lines shares. */
interface OutlineWalk {
  doc: CleanDoc;
  lines: Line[];
  tree: Tree;
  lineOwner: (BuiltNode | undefined)[];
  rowAt: RowAt;
  skip: Uint8Array;
  furniture: Uint8Array;
  scan: InlineScan;
  docEnd: number;
}

export function buildOutline(doc: CleanDoc, titleLine: number): OutlineResult {
  const lines = doc.lines;
  const skip = skippedLines(lines, titleLine);
  const { tables, rowAt, furniture, inTable } = readTables(lines);
  const tree: Tree = { stack: [], roots: [], nodes: [] };
  const walk: OutlineWalk = {
    doc,
    lines,
    tree,
    lineOwner: new Array<BuiltNode | undefined>(lines.length),
    rowAt,
    skip,
    furniture,
    scan: scanInlineItems(lines, skip, furniture, inTable),
    docEnd: doc.text.length,
  };
  let i = 0;
  while (i < lines.length) {
    walk.lineOwner[i] = innermostBlock(tree.stack);
    i = placeLine(walk, i);
  }
  finishSpans(doc, tree.nodes);
  return { roots: tree.roots, nodes: tree.nodes, lineOwner: walk.lineOwner, tables, furniture, inTable };
}

/** Lines that are not part of the outline: the title block, enclosed documents' title lines, 附件 blocks. */
function skippedLines(lines: Line[], titleLine: number): Uint8Array {
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
  return skip;
}

/** Tables first: their header and row-number lines are furniture, their rows are items. */
function readTables(lines: Line[]): {
  tables: Table[];
  rowAt: RowAt;
  furniture: Uint8Array;
  inTable: Uint8Array;
} {
  const tables: Table[] = [];
  const furniture = new Uint8Array(lines.length);
  const inTable = new Uint8Array(lines.length);
  const rowAt: RowAt = new Map();
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
  return { tables, rowAt, furniture, inTable };
}

/** Places what line `i` opens; returns the next line to read. */
function placeLine(walk: OutlineWalk, i: number): number {
  const rowHere = walk.rowAt.get(i);
  if (rowHere) return placeRow(walk, i, rowHere.row);
  if (walk.skip[i] || walk.furniture[i]) return i + 1;
  const line = walk.lines[i]!;
  const mk = walk.scan.marks[i];
  let inlineFrom = line.start;
  if (mk && !isInlineKind(mk.kind)) inlineFrom = placeMarked(walk, i, mk);
  else if (!mk && (isSpeaker(line.text) || isUntitledSpeaker(line.text, walk.scan.marks[i + 1]))) {
    placeSpeaker(walk, i);
    return i + 1;
  } else if (!mk && isHeadingCandidate(line)) return placeHeadings(walk, i);
  placeInline(walk, i, inlineFrom);
  return i + 1;
}

/** A table row is an item titled by its task (or goal) cell; returns the line after the row. */
function placeRow(walk: OutlineWalk, i: number, row: Table['rows'][number]): number {
  const { doc, tree } = walk;
  const task = row.cells.find((c) => c.role === 'task') ?? row.cells.find((c) => c.role === 'goal');
  const te = task ? titleEnd(doc.text, task.start, task.end - task.start) : 0;
  // A task cell carried on to a continuation row reads on there unless its words already stopped.
  const rest = task?.more && te >= task.end ? task.more.map(([a, b]) => display(doc, a, b)).join('') : '';
  const title = task ? cleanTitle((display(doc, task.start, te) + rest).replace(/\s*\n\s*/g, '')) : '';
  place(tree, 'row', make('row', row.number, title, row.start, row.end, i, false, walk.docEnd));
  for (let l = row.firstLine; l <= row.lastLine; l++) walk.lineOwner[l] = tree.stack[tree.stack.length - 1];
  return row.lastLine + 1;
}

/** A line opening with a marker ("一、", "(一)", "1.", "——"); returns where its inline items may start. */
function placeMarked(walk: OutlineWalk, i: number, mk: NonNullable<LineMark>): number {
  const { doc, tree } = walk;
  const line = walk.lines[i]!;
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
        walk.docEnd,
      ),
    );
    walk.lineOwner[i] = tree.stack[tree.stack.length - 1];
  }
  return line.start + bodyAt;
}

function placeSpeaker(walk: OutlineWalk, i: number): void {
  const line = walk.lines[i]!;
  const title = display(walk.doc, line.start, line.end - 1).trim();
  place(walk.tree, 'section', make('speaker', '', title, line.start, line.end, i, false, walk.docEnd));
  walk.lineOwner[i] = walk.tree.stack[walk.tree.stack.length - 1];
}

/** An unnumbered heading, or a headline and its deck; returns the next line to read. */
function placeHeadings(walk: OutlineWalk, i: number): number {
  const { doc, lines, tree } = walk;
  const { stack } = tree;
  const line = lines[i]!;
  // A run of exactly two heading lines is a headline and its deck; longer runs are siblings.
  let run = 1;
  while (
    i + run < lines.length &&
    run < 3 &&
    !walk.skip[i + run] &&
    !walk.furniture[i + run] &&
    !matchLineMarker(lines[i + run]!.text) &&
    isHeadingCandidate(lines[i + run]!)
  )
    run++;
  const next = lines[i + 1];
  if (run === 2 && next && next.text[0] !== line.text[0]) {
    const title = `${display(doc, line.start, line.end)} ${display(doc, next.start, next.end)}`;
    place(tree, 'section', make('pair', '', title, line.start, next.end, i, false, walk.docEnd));
    walk.lineOwner[i] = stack[stack.length - 1];
    walk.lineOwner[i + 1] = stack[stack.length - 1];
    return i + 2;
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
      walk.docEnd,
    ),
  );
  walk.lineOwner[i] = stack[stack.length - 1];
  return i + 1;
}

/** The inline items (一是…, ①…) of line `i` from `inlineFrom` on. */
function placeInline(walk: OutlineWalk, i: number, inlineFrom: number): void {
  const { doc } = walk;
  const line = walk.lines[i]!;
  const lineHits = walk.scan.hitsByLine.get(i) ?? [];
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
    place(walk.tree, h.kind, make(h.kind, marker, title, h.at, te, i, true, walk.docEnd));
  }
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
