// The columns of the office's 改革任务台账, as the export writes them and the import looks for them.

export type LedgerColumnKey =
  | 'seq'
  | 'title'
  | 'measures'
  | 'lead'
  | 'co'
  | 'leader'
  | 'due'
  | 'output'
  | 'progress'
  | 'status'
  | 'problems'
  | 'next'
  | 'remark'
  | 'id';

export interface LedgerColumn {
  key: LedgerColumnKey;
  /** The header the export writes. */
  header: string;
  /** Other headers offices use for the same column; compared without spaces, line breaks or brackets. */
  synonyms: readonly string[];
  width: number;
}

/** In the order the export writes them; 进展情况 stands for the group of month (or quarter) columns. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'seq', header: '序号', synonyms: ['编号', '序'], width: 7 },
  {
    key: 'title',
    header: '任务(大项)',
    synonyms: ['任务', '重点任务', '改革任务', '任务名称', '工作任务', '改革事项', '主要任务', '任务内容'],
    width: 28,
  },
  {
    key: 'measures',
    header: '具体举措',
    synonyms: ['主要举措', '工作举措', '具体措施', '主要措施', '实施方案', '工作措施'],
    width: 36,
  },
  { key: 'lead', header: '牵头单位', synonyms: ['主责单位', '牵头部门', '责任单位(牵头)'], width: 16 },
  { key: 'co', header: '责任单位', synonyms: ['配合单位', '协办单位', '参与单位', '协同单位'], width: 20 },
  { key: 'leader', header: '责任领导', synonyms: ['领衔领导', '分管领导', '牵头领导'], width: 10 },
  { key: 'due', header: '完成时限', synonyms: ['时间节点', '完成时间', '时限', '时间要求'], width: 13 },
  { key: 'output', header: '成果形式', synonyms: ['工作标准', '预期成果', '成果'], width: 16 },
  { key: 'progress', header: '进展情况', synonyms: ['推进情况', '工作进展'], width: 14 },
  { key: 'status', header: '状态', synonyms: ['完成状态', '进度状态'], width: 9 },
  { key: 'problems', header: '存在问题', synonyms: ['问题', '存在的问题', '困难问题'], width: 16 },
  { key: 'next', header: '下步打算', synonyms: ['下一步打算', '下步计划', '下一步工作'], width: 16 },
  { key: 'remark', header: '备注', synonyms: [], width: 10 },
  { key: 'id', header: '系统编号(勿改)', synonyms: ['系统编号', 'ID', 'id'], width: 4 },
];

/** The columns without which a sheet is not a ledger: a task title and who leads it or by when. */
export const LEDGER_REQUIRED: readonly LedgerColumnKey[] = ['title', 'lead', 'due'];

const MONTH_LABELS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
const QUARTER_LABELS = ['一季度', '二季度', '三季度', '四季度'];

/** The sub-headers under 进展情况: one per reporting period of the plan's year. */
export function progressLabels(cadence: 'monthly' | 'quarterly'): string[] {
  return cadence === 'monthly' ? [...MONTH_LABELS] : [...QUARTER_LABELS];
}

/** Header text as compared: no whitespace, full-width brackets folded, case folded. */
export function headerKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

const BY_NAME: ReadonlyMap<string, LedgerColumnKey> = new Map(
  LEDGER_COLUMNS.flatMap((c) =>
    [c.header, ...c.synonyms].flatMap((name) => [
      [headerKey(name), c.key] as const,
      [headerKey(name.replace(/\(.*\)$/, '')), c.key] as const,
    ]),
  ),
);

export function columnOfHeader(text: string): LedgerColumnKey | undefined {
  return BY_NAME.get(headerKey(text));
}

/** What the import looked for, named as a person would: 任务(大项)/任务/重点任务/…. */
export function lookedFor(keys: readonly LedgerColumnKey[]): string[] {
  return keys.map((key) => {
    const c = LEDGER_COLUMNS.find((col) => col.key === key)!;
    return [c.header, ...c.synonyms].join('/');
  });
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Several unit names in one cell: 区发改局、区财政局，区教育局. */
export function splitUnitNames(text: string): string[] {
  return text
    .split(/[、，,;；\n/]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** An area's ordinal as offices number them: 一, 二, … 十, 十一, … 九十九. */
export function chineseOrdinal(n: number): string {
  if (n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${DIGITS[ones]}`;
}
