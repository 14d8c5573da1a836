// Comparators for sorting results. They are made once here rather than written inline at each sort: a
// function made per call loses its optimised code at the next full collection, which 10 MB inputs bring
// on every few calls.
import type { Span } from './types.js';

export function bySpanStart(a: { span: Span }, b: { span: Span }): number {
  return a.span[0] - b.span[0];
}

export function byFirst(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0];
}

export function byAt(a: { at: number }, b: { at: number }): number {
  return a.at - b.at;
}
