// What a document says of its own size: "十大方面31项改革任务", "45项具体的改革攻坚任务", "7大领域".
import type { DeclaredCount } from './types.js';
import type { CleanDoc } from './document.js';
import { display, toSpan } from './document.js';
import { parseChineseNumeral } from './numerals.js';
import { byFirst, bySpanStart } from './order.js';

const NUM = '(\\d{1,4}|[一二两三四五六七八九十百]{1,4})';
// "五大行动", "十大工程": a programme's parts named as campaigns, counted only with 大.
const AREA = new RegExp(
  `${NUM}(大|个)?(?:重点|主要)?(方面|领域|板块|部分|篇章|(?<=大)(?:专项)?(?:行动|工程))`,
  'g',
);
// "确定十件民生实事如下：": the list that follows is the programme, so its size is a count. Without the
// lead-in ("每年办好十件民生实事") it is a commitment and stays a target.
const LIST_OF_DELIVERIES = new RegExp(`${NUM}件([^,，。;；:：\\s“”]{0,6}?)实事(?=如下|[:：])`, 'g');
const TASK = new RegExp(`${NUM}(项|条)([^,，。;；、:：\\s“”]{0,10}?)(任务|举措|措施|事项|工作|改革)`, 'g');

// "重点工作任务共86项": the programme's total stated after its name.
const TASK_TOTAL = new RegExp(`(?:任务|举措|事项)(?:共|共计|总计|合计)${NUM}(?:项|条)`, 'g');

const BARE_ITEMS = new RegExp(`^${NUM}(?:项|条)(?=[,，。;；:：\\s]|$)`);

function num(raw: string): number | undefined {
  return /^\d+$/.test(raw) ? Number(raw) : parseChineseNumeral(raw);
}

function excluded(text: string, at: number, raw: string): boolean {
  if (raw === '一') return true;
  const before = text.slice(Math.max(0, at - 3), at);
  return /第$|牵头$|负责$|其中$/.test(before);
}

export interface CountsResult {
  counts: DeclaredCount[];
  /** Clean ranges covered, so that the numbers are not read as quantities too. */
  ranges: [number, number][];
}

export function findCounts(doc: CleanDoc): CountsResult {
  const counts: DeclaredCount[] = [];
  const ranges: [number, number][] = [];
  for (const line of doc.lines) {
    const text = line.text;
    if (!/[项条方领板部篇件]/.test(text)) continue;
    // Most lines state no size: the map and set are made only for lines that do.
    let tasks: Map<number, RegExpExecArray> | undefined;
    TASK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TASK.exec(text))) (tasks ??= new Map()).set(m.index, m);
    let usedTasks: Set<number> | undefined;
    AREA.lastIndex = 0;
    while ((m = AREA.exec(text))) {
      const areas = num(m[1]!);
      if (areas === undefined || excluded(text, m.index, m[1]!)) continue;
      if (m[2] === undefined && !/^\d+$/.test(m[1]!) && m[1]!.length === 1 && m[3] === '部分') continue; // 一部分
      let end = m.index + m[0].length;
      let sep = 0;
      while (sep < 2 && /[、,，共和]/.test(text[end + sep] ?? '')) sep++;
      const t = tasks?.get(end + sep);
      const count: DeclaredCount = { text: '', areas, span: [0, 0] };
      // "三个领域9项": the items' number closes the statement, with no noun after it.
      const bare = t ? null : BARE_ITEMS.exec(text.slice(end + sep, end + sep + 8));
      const bareN = bare ? num(bare[1]!) : undefined;
      if (bare && bareN !== undefined) {
        count.tasks = bareN;
        end = end + sep + bare[0].length;
      } else if (t) {
        const n = num(t[1]!);
        if (n !== undefined) count.tasks = n;
        (usedTasks ??= new Set()).add(t.index);
        end = t.index + t[0].length;
      } else if (text.startsWith('工作', end)) end += 2;
      count.text = display(doc, line.start + m.index, line.start + end);
      count.span = toSpan(doc, line.start + m.index, line.start + end);
      counts.push(count);
      ranges.push([line.start + m.index, line.start + end]);
    }
    LIST_OF_DELIVERIES.lastIndex = 0;
    while ((m = LIST_OF_DELIVERIES.exec(text))) {
      const n = num(m[1]!);
      if (n === undefined || excluded(text, m.index, m[1]!)) continue;
      const end = m.index + m[0].length;
      counts.push({
        text: display(doc, line.start + m.index, line.start + end),
        tasks: n,
        span: toSpan(doc, line.start + m.index, line.start + end),
      });
      ranges.push([line.start + m.index, line.start + end]);
    }
    TASK_TOTAL.lastIndex = 0;
    while ((m = TASK_TOTAL.exec(text))) {
      const n = num(m[1]!);
      if (n === undefined || n < 2) continue;
      const at = m.index;
      const end = at + m[0].length;
      counts.push({
        text: display(doc, line.start + at, line.start + end),
        tasks: n,
        span: toSpan(doc, line.start + at, line.start + end),
      });
      ranges.push([line.start + at, line.start + end]);
    }
    if (tasks === undefined) continue;
    for (const [at, t] of tasks) {
      if (usedTasks?.has(at) || excluded(text, at, t[1]!)) continue;
      const n = num(t[1]!);
      if (n === undefined) continue;
      const end = at + t[0].length;
      // "六项工作" names the parts of a programme; "45项改革任务" its items.
      const isAreas = t[4] === '工作' && t[3] === '';
      const count: DeclaredCount = isAreas
        ? {
            text: display(doc, line.start + at, line.start + end),
            areas: n,
            span: toSpan(doc, line.start + at, line.start + end),
          }
        : {
            text: display(doc, line.start + at, line.start + end),
            tasks: n,
            span: toSpan(doc, line.start + at, line.start + end),
          };
      counts.push(count);
      ranges.push([line.start + at, line.start + end]);
    }
  }
  counts.sort(bySpanStart);
  ranges.sort(byFirst);
  return { counts, ranges };
}

const CN_DIGITS = '零一二三四五六七八九';
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10]! : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]!}十${n % 10 ? CN_DIGITS[n % 10]! : ''}`;
  return String(n);
}
