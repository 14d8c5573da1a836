// Organisations named as lead (牵头) or co-operating (配合/协同/参与) units, in running text and in
// table columns. One entry per mention; lists split on 、 and ，.
import { codeSet, flagsOf, LEVEL } from './chars.js';
import type { UnitMention, UnitRole } from './types.js';
import type { CleanDoc } from './document.js';
import { display, toSpan } from './document.js';
import type { Table } from './table.js';
import { bySpanStart } from './order.js';

const ORG_END =
  /(局|委|办|部|院|所|中心|公司|政府|镇|街道|办事处|管委会|集团|分局|支队|大队|队|站|社|行|处|科|室|团|馆|校|会|专班|小组|工作组|法院|检察院|片区|园区|各镇街|各镇|各街道|镇街|各单位|各部门|相关单位|相关部门)$/;
const LABELLED =
  /(牵头单位|牵头部门|主责单位|责任单位|责任部门|配合单位|配合部门|协办单位|协同单位|参与单位)\s*[:：]\s*/g;
// Char-code sets for the scans around each label and verb: no one-character strings per step.
const LIST_END = codeSet(';；。)）\n');
const CLAUSE_STOP = codeSet(';；。:：()（）');
const VERBS = ['牵头', '配合', '协同', '参与'];
// A named organisation in running text: after a clause boundary or a joining word, a region level
// (区 县 市 镇 乡, with 委 for party bodies), up to twelve characters, and an organisation ending.
const MENTION =
  /(?:区|县|市|镇|乡)委?[\u4e00-\u9fff]{1,12}?(?:委员会|办公室|管委会|局|委|办|部|中心|院|室|公司|集团|大队|支队)(?:监委)?/y;
const BOUNDARY_CODES = codeSet('，,。；;：:、（(“ \t');

function nextLevel(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (flagsOf(text.charCodeAt(i)) & LEVEL) return i;
  return -1;
}

/** A name starts at a line start, after punctuation, or after 和 与 及 由 会同 联合. */
function mentionBoundary(text: string, at: number): boolean {
  if (at === 0 || BOUNDARY_CODES.has(text.charCodeAt(at - 1))) return true;
  const c = text.charCodeAt(at - 1);
  if (c === 0x548c || c === 0x4e0e || c === 0x53ca || c === 0x7531) return true; // 和 与 及 由
  return at >= 2 && (text.startsWith('会同', at - 2) || text.startsWith('联合', at - 2));
}
const VERB = /(牵头|配合|协同|参与|协办)(?!单位|部门|领导|抓总)/g;

function splitNames(list: string, base: number): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const re = /[^、,，;；/\s]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(list))) {
    const name = m[0].replace(/^(由|和|及|与)/, '').replace(/(等|负责)$/, '');
    if (name.length >= 2 && name.length <= 24 && ORG_END.test(name)) {
      const offset = m[0].indexOf(name);
      out.push({ name, start: base + m.index + offset, end: base + m.index + offset + name.length });
    }
  }
  return out;
}

function roleOfLabel(label: string, leadNamed: boolean): UnitRole {
  if (label.startsWith('牵头') || label.startsWith('主责')) return 'lead';
  if (label.startsWith('责任')) return leadNamed ? 'co' : 'lead';
  return 'co';
}

function mention(doc: CleanDoc, name: string, role: UnitRole, start: number, end: number): UnitMention {
  return { name: display(doc, start, end) || name, role, span: toSpan(doc, start, end) };
}

/** `tableLines` marks with 1 the lines of tables, whose units are read from their columns. */
export function findUnits(doc: CleanDoc, tables: Table[], tableLines: Uint8Array): UnitMention[] {
  const out: UnitMention[] = [];
  for (let li = 0; li < doc.lines.length; li++) {
    if (tableLines[li] === 1) continue;
    const line = doc.lines[li]!;
    const text = line.text;
    if (!/牵头|配合|协同|参与|协办|责任单位|责任部门/.test(text)) continue;
    const leadNamed = /牵头/.test(text);
    const covered: [number, number][] = [];
    LABELLED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LABELLED.exec(text))) {
      const from = m.index + m[0].length;
      let to = from;
      while (
        to < text.length &&
        to - from < 160 &&
        !LIST_END.has(text.charCodeAt(to)) &&
        !text.startsWith('单位', to + 2)
      )
        to++;
      const role = roleOfLabel(m[1]!, leadNamed);
      for (const n of splitNames(text.slice(from, to), line.start + from))
        out.push(mention(doc, n.name, role, n.start, n.end));
      covered.push([m.index, to]);
    }
    VERB.lastIndex = 0;
    while ((m = VERB.exec(text))) {
      const at = m.index;
      if (covered.some(([a, b]) => at >= a && at < b)) continue;
      let from = at;
      while (
        from > 0 &&
        at - from < 80 &&
        !CLAUSE_STOP.has(text.charCodeAt(from - 1)) &&
        !(from >= 2 && VERBS.some((v) => text.startsWith(v, from - 2)))
      )
        from--;
      // "X牵头，Y、Z配合": the list before 配合 runs back to the comma after 牵头.
      const segment = text.slice(from, at);
      const lastComma = Math.max(segment.lastIndexOf('，'), segment.lastIndexOf(','));
      const listStart = /牵头/.test(m[1]!) || lastComma < 0 ? from : from + lastComma + 1;
      const role: UnitRole = m[1] === '牵头' ? 'lead' : 'co';
      const names = splitNames(text.slice(listStart, at), line.start + listStart);
      for (const n of names) out.push(mention(doc, n.name, role, n.start, n.end));
    }
  }
  // Organisations named without a role word ("县农业农村局要会同县发展改革局…", "县政府督查室要…") are
  // mentioned. 会同/联合 name a partnership the spec does not map to lead/co, so they stay mentioned too.
  const roled = new Set(out.map((u) => u.span[0]));
  for (let li = 0; li < doc.lines.length; li++) {
    if (tableLines[li] === 1) continue;
    const line = doc.lines[li]!;
    const text = line.text;
    if (!/[区县市镇乡]/.test(text)) continue;
    // Candidates start at a level character after a boundary; the name is read there with a sticky
    // pattern, rather than trying the whole pattern at every position of the line.
    for (let at = nextLevel(text, 0), resume = 0; at >= 0; at = nextLevel(text, Math.max(at + 1, resume))) {
      if (!mentionBoundary(text, at)) continue;
      MENTION.lastIndex = at;
      const m = MENTION.exec(text);
      if (!m) continue;
      resume = at + m[0].length;
      let name = m[0];
      if (name.endsWith('委') && text.charCodeAt(at + name.length) === 0x4f1a) name += '会'; // 区人大常委会
      const after = text.slice(at + name.length, at + name.length + 2);
      // Not a name: a suffix that is the first character of a word ("市委部署"), a sentence caught between
      // two levels ("区人大将围绕区委"), a title ("区委常委"), or a body of work ("市政府中心工作").
      if (
        /^(工作|任务|建设|城区|系统|机制|平台|职能|名义|署|门|长|员)/.test(after) ||
        /^(全|本|各|该|城|乡镇|县区|市县|市区)/.test(name)
      )
        continue;
      if (/[的将要在对把与及并为是了、]|常委$|进一步|围绕|建立/.test(name.slice(1))) continue;
      const span = toSpan(doc, line.start + at, line.start + at + name.length);
      if (roled.has(span[0])) continue;
      out.push({
        name: display(doc, line.start + at, line.start + at + name.length),
        role: 'mentioned',
        span,
      });
    }
  }
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        let role: UnitRole | undefined;
        if (cell.role === 'lead') role = 'lead';
        else if (cell.role === 'co') role = 'co';
        else if (cell.role === 'resp') role = table.hasLeadColumn ? 'co' : 'lead';
        if (!role) continue;
        const text = doc.text.slice(cell.start, cell.end);
        const names = splitNames(text, cell.start);
        if (names.length === 0 && text.length >= 2 && text.length <= 24)
          out.push(mention(doc, text, role, cell.start, cell.end));
        for (const n of names) out.push(mention(doc, n.name, role, n.start, n.end));
      }
    }
  }
  out.sort(bySpanStart);
  return out;
}
