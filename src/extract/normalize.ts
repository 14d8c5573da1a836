// The cleaning pass: decoded input to clean logical lines — furniture and repeated blocks dropped, lines
// broken mid-sentence joined — keeping for every clean character the offset it came from (document.ts).
import type { Line } from './types.js';
import { OffsetRuns } from './offsets.js';
import { CodePatches, stringOf } from './codes.js';
import { foldText, type Folded } from './fold.js';
import type { CleanDoc } from './document.js';
import { dropFurniture, type LineRanges } from './furniture.js';
import { dropRepeats } from './repeats.js';
import { groupLines, type LineGroups } from './joins.js';

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

export function cleanDocument(source: string): CleanDoc {
  const folded = foldText(source);
  const s = folded.s;
  const { bounds, count } = rawLines(s);
  const warnings: string[] = [];
  // Lines are passed from step to step as arrays of bounds in the folded text, read in place: no
  // closures over them either, as the optimised code of a closure made per call is dropped by the next
  // full collection, which 10 MB inputs bring on every few calls.
  const kept = dropFurniture(s, bounds, count);
  const body = dropRepeats(s, kept, warnings);
  return assemble(source, folded, body, groupLines(s, body), warnings);
}

/**
 * The clean text, the text as shown and the offsets. Clean text is the kept lines of the folded text in
 * order, so they are moved down within the folding's array (free once the folded string was made of
 * it) rather than copied character by character into arrays of their own, fresh memory that on a
 * 10 MB input the kernel faults in page by page. The shown text differs by the punctuation folding
 * changed: its string comes from the same array, patched. Showing a range is then a slice.
 */
function assemble(
  source: string,
  folded: Folded,
  body: LineRanges,
  groups: LineGroups,
  warnings: string[],
): CleanDoc {
  const { a: bodyA, b: bodyB, n: nBody } = body;
  const { groupStart, nGroups } = groups;
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
