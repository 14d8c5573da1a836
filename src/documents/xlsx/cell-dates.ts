// Which cells hold dates: a number is a date only by its cell's number format.
import { attr } from './xml-text.js';

/** Built-in formats that are dates: 14–22, and the CJK ones (27–36, 50–58) Chinese Excel writes. */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

function customDate(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /m.*d|y.*m/i.test(bare);
}

/** The indexes of styles.xml's cellXfs whose number format is a date. */
export function cellDateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId'));
    custom.set(id, attr(m[1]!, 'formatCode') ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const dates = new Set<number>();
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? customDate(code) : builtInDate(id)) dates.add(i);
    i++;
  }
  return dates;
}

/** An Excel serial day as YYYY-MM-DD (the 1900 system counts a 29 February 1900 that never was). */
export function serialToDate(serial: number, date1904: boolean): string | undefined {
  if (serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
