import { parseChineseNumeral } from '../../extract/numerals.js';

/** Circled and parenthesised digits that carry their number in the code point: ① ⑴ ⒈ and the next nineteen. */
const NUMBERED_BLOCKS: readonly number[] = [0x2460, 0x2474, 0x2488];

/**
 * The number a numbering marker writes: "4." → 4, "（十二）" → 12, "三、" → 3, "②" → 2, "第一" → 1; undefined
 * for a bullet or a plain heading, which number nothing.
 */
export function markerNumber(marker: string): number | undefined {
  const c = marker.codePointAt(0);
  if (c !== undefined) {
    for (const start of NUMBERED_BLOCKS) if (c >= start && c < start + 20) return c - start + 1;
  }
  const digits = /[0-9０-９]+/.exec(marker)?.[0];
  if (digits) {
    const ascii = digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    return Number(ascii);
  }
  const run = /[零〇一二两三四五六七八九十百]+/.exec(marker)?.[0];
  return run ? parseChineseNumeral(run) : undefined;
}

export interface OutlineCodes {
  /** Each area's code. */
  areas: string[];
  /** Each area's tasks' codes, in the order of its children; empty for an area that is itself the task. */
  tasks: string[][];
}

const increasing = (ns: readonly number[]): boolean => ns.every((n, i) => i === 0 || n > ns[i - 1]!);

function numbers(markers: readonly string[]): number[] | undefined {
  const ns = markers.map(markerNumber);
  if (ns.some((n) => n === undefined || n < 1)) return undefined;
  const defined = ns as number[];
  return increasing(defined) ? defined : undefined;
}

/**
 * The codes the document itself gives its areas and tasks. An area keeps its number (三、 → "3"); a task
 * numbered through the whole document (1.–31. across the ten areas) keeps that number ("5"), and a task
 * numbered afresh in each area ((一)(二) under 二、) becomes "2.1", "2.2". Where the document's numbering
 * is missing, out of order or would give two tasks one code, the position in the outline numbers instead.
 */
export function documentCodes(
  areas: readonly { marker: string; children: readonly string[] }[],
): OutlineCodes {
  const positional = (): OutlineCodes => ({
    areas: areas.map((_, i) => String(i + 1)),
    tasks: areas.map((a, i) => a.children.map((_, c) => `${i + 1}.${c + 1}`)),
  });
  const areaNumbers = numbers(areas.map((a) => a.marker)) ?? areas.map((_, i) => i + 1);
  const areaCodes = areaNumbers.map(String);
  const taskNumbers = areas.map((a) => numbers(a.children));
  const withTasks = areas.filter((a) => a.children.length > 0).length;
  const flat = taskNumbers.flatMap((ns) => ns ?? []);
  const throughout =
    withTasks > 1 &&
    taskNumbers.every((ns, i) => ns !== undefined || areas[i]!.children.length === 0) &&
    increasing(flat);
  const tasks = areas.map((a, i) => {
    const ns = taskNumbers[i];
    if (throughout && ns) return ns.map(String);
    return a.children.map((_, c) => `${areaCodes[i]}.${ns ? ns[c]! : c + 1}`);
  });
  const all = areas.flatMap((a, i) => (a.children.length === 0 ? [areaCodes[i]!] : tasks[i]!));
  if (new Set(all).size !== all.length) return positional();
  return { areas: areaCodes, tasks };
}
