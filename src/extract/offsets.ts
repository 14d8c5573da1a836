// Where each character of the clean text stood in the input, held as runs over which both advance by
// one. Clean text is whole lines of the input laid end to end, so a run breaks only where a line was
// dropped, trimmed or joined, or a character was removed: a 10 MB input has tens of thousands of runs.
// An offset per character would be millions, 4 bytes a character, which every span lookup would reach
// at a scattered place, far outside the cache on a large input.

export class OffsetRuns {
  /** Clean offset where each run starts, ascending; a run ends where the next starts. */
  private clean: Int32Array = new Int32Array(256);
  /** Input offset of each run's first character. */
  private source: Int32Array = new Int32Array(256);
  private count = 0;

  /** Clean characters [at, at + length) come from input characters [from, from + length). */
  add(at: number, from: number, length: number): void {
    if (length <= 0) return;
    const n = this.count;
    if (n > 0 && this.source[n - 1]! + (at - this.clean[n - 1]!) === from) return;
    if (n === this.clean.length) {
      this.clean = grown(this.clean);
      this.source = grown(this.source);
    }
    this.clean[n] = at;
    this.source[n] = from;
    this.count = n + 1;
  }

  /** Input offset of clean character `i` (i must lie in a run that was added). */
  at(i: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.clean[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.source[lo]! + (i - this.clean[lo]!);
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
