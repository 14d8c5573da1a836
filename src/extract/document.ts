// The clean document: its text, the text as the reader saw it, and for every clean character the offset
// of the input character it came from, so that spans point into the original input.
import type { Line, Span } from './types.js';
import type { OffsetRuns } from './offsets.js';
import { isRestored } from './fold.js';

export type { Line };

export interface CleanDoc {
  source: string;
  text: string;
  /** The clean text as the reader saw it: `text` with full-width punctuation restored from the input. */
  shown: string;
  /** Offset in `source` of each clean character (and of text.length: source.length). */
  offsets: OffsetRuns;
  lines: Line[];
  warnings: string[];
}

const UTF16 = new TextDecoder('utf-16le');

/** Span in the original input of clean text [start, end). */
export function toSpan(doc: CleanDoc, start: number, end: number): Span {
  end = Math.min(end, doc.text.length);
  start = Math.min(start, end);
  if (end <= start) {
    const p = doc.offsets.at(Math.min(start, doc.text.length));
    return [p, p];
  }
  return [doc.offsets.at(start), doc.offsets.at(end - 1) + 1];
}

/**
 * The clean text [start, end) as the reader saw it: full-width punctuation restored from the input,
 * joined line breaks already gone.
 */
export function display(doc: CleanDoc, start: number, end: number): string {
  // Two kinds of range take the path that copies character by character, which a slice would not
  // reproduce: one that cuts a surrogate pair (the decoder shows the cut half as U+FFFD), and one that
  // runs past the text (a number that ends the text reads one character beyond it).
  const { text } = doc;
  if (
    start < 0 ||
    end > text.length ||
    (start < end && (isLowSurrogate(text.charCodeAt(start)) || isHighSurrogate(text.charCodeAt(end - 1))))
  ) {
    return restoredCopy(doc, start, end);
  }
  return doc.shown.slice(start, end);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function restoredCopy(doc: CleanDoc, start: number, end: number): string {
  const { text, source, offsets } = doc;
  // Beyond the end the clean text has no input offset; the input's first character stands in, which
  // keeps the display of such ranges as it has always been.
  const inputCode = (i: number): number => source.charCodeAt(i >= 0 && i <= text.length ? offsets.at(i) : 0);
  let first = -1;
  for (let i = start; i < end; i++) {
    const o = inputCode(i);
    if (o !== text.charCodeAt(i) && isRestored(o, text.charCodeAt(i))) {
      first = i;
      break;
    }
  }
  if (first < 0) return text.slice(start, end);
  const codes = new Uint16Array(end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const o = inputCode(i);
    codes[i - start] = i >= first && o !== c && isRestored(o, c) ? o : c;
  }
  return UTF16.decode(codes);
}
