// Reads a PDF's pages and word boxes through poppler (pdftotext -bbox-layout), for layout checks made
// from the rendered document itself.
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
  /** The page's lines, words joined without spaces, top to bottom. */
  lines: { text: string; yMin: number; yMax: number; xMin: number; xMax: number }[];
}

const num = (attrs: string, name: string): number =>
  Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)![1]);

export function readPdfLayout(path: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const pages: PdfPage[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const head = page.slice(0, page.indexOf('>'));
    const words: PdfWord[] = [];
    const lines: PdfPage['lines'] = [];
    for (const line of page.split('<line ').slice(1)) {
      const lineHead = line.slice(0, line.indexOf('>'));
      const lineWords = [...line.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({
        text: m[2]!,
        xMin: num(m[1]!, 'xMin'),
        yMin: num(m[1]!, 'yMin'),
        xMax: num(m[1]!, 'xMax'),
        yMax: num(m[1]!, 'yMax'),
      }));
      words.push(...lineWords);
      lines.push({
        text: lineWords.map((w) => w.text).join(''),
        yMin: num(lineHead, 'yMin'),
        yMax: num(lineHead, 'yMax'),
        xMin: num(lineHead, 'xMin'),
        xMax: num(lineHead, 'xMax'),
      });
    }
    pages.push({ width: num(head, 'width'), height: num(head, 'height'), words, lines });
  }
  return pages;
}

export const PT_PER_MM = 72 / 25.4;
