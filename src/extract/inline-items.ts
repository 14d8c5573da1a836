// Inline enumerations ("一是…二是…", "①…②…", "(1)…(2)…") inside paragraphs, kept only where they form
// a run 1, 2, 3…, and the line markers of the lines they are read from.
import type { Line } from './types.js';
import { isInlineKind, matchLineMarker, type MarkerKind } from './markers.js';
import { parseChineseNumeral } from './numerals.js';
import { byAt } from './order.js';

const INLINE =
  /(^|[。;!?:,；：！？，])\s*[“"]?(?:([一二三四五六七八九十]{1,2})(是|要)(?![否非求素点])|(第([一二三四五六七八九十]{1,2}))[,，、:：])/g;

export interface InlineHit {
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

export type LineMark = ReturnType<typeof matchLineMarker>;

export interface InlineScan {
  /** The line marker of each outline line (undefined for lines not scanned). */
  marks: LineMark[];
  /** The accepted inline items of each line, in order. */
  hitsByLine: Map<number, InlineHit[]>;
}

/** Scans the lines that are neither skipped, table furniture nor inside a table row. */
export function scanInlineItems(
  lines: Line[],
  skip: Uint8Array,
  furniture: Uint8Array,
  inTable: Uint8Array,
): InlineScan {
  const hits: InlineHit[] = [];
  const lineStartHits = new Set<number>();
  const marks: LineMark[] = new Array<LineMark>(lines.length);
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
  return { marks, hitsByLine };
}
