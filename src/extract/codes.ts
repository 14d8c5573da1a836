// Strings made from arrays of UTF-16 code units: the cleaner writes its texts as code units and makes
// each string once.
import { Buffer } from 'node:buffer';

/**
 * The string of the code units `a`, which must hold no unpaired surrogate (see `replaceLoneSurrogates`).
 * Read as a Buffer's UCS-2 it is one copy. TextDecoder converts through ICU into memory of its own and
 * copies from there: on a 10 MB input each of its strings took fresh megabytes that the kernel had to
 * fault in, and cost fifteen times what it cost at 1 MB.
 */
export function stringOf(a: Uint16Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('ucs2');
}

/** Replaces each unpaired surrogate of `a` with U+FFFD in place, as a UTF-16 decoder shows it. */
export function replaceLoneSurrogates(a: Uint16Array): void {
  for (let i = 0; i < a.length; i++) {
    const c = a[i]!;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < a.length && a[i + 1]! >= 0xdc00 && a[i + 1]! <= 0xdfff) i++;
    else a[i] = 0xfffd;
  }
}

/**
 * Code units to write over an array after a string has been made of it: a second string that differs
 * from the first in a few places comes out of the same array, with no second array of its length.
 * Positions are added in ascending order.
 */
export class CodePatches {
  private positions = new Int32Array(1024);
  private codes = new Uint16Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  add(at: number, code: number): void {
    if (this.n === this.positions.length) {
      const positions = new Int32Array(this.n * 2);
      positions.set(this.positions);
      this.positions = positions;
      const codes = new Uint16Array(this.n * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.positions[this.n] = at;
    this.codes[this.n++] = code;
  }

  /** Position of the i-th patch. */
  at(i: number): number {
    return this.positions[i]!;
  }

  /** Code unit of the i-th patch. */
  code(i: number): number {
    return this.codes[i]!;
  }

  applyTo(a: Uint16Array): void {
    for (let i = 0; i < this.n; i++) a[this.positions[i]!] = this.codes[i]!;
  }
}
