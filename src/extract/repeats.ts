// Blocks repeated verbatim (scraped pages often carry the body twice) and the title repeated later.
import type { LineRanges } from './furniture.js';

/**
 * Keeps the first of each block of two or more lines repeated verbatim (and says so in `warnings`), and
 * drops a later line that repeats the first. Lines are compared in place; the index of first occurrences
 * is keyed by a hash of the line.
 */
export function dropRepeats(s: string, kept: LineRanges, warnings: string[]): LineRanges {
  const { a: keptA, b: keptB, n: nKept } = kept;
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
  return { a: bodyA, b: bodyB, n: nBody };
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
