// The ledger page's filters, sort and numbering, so an exported sheet shows the rows the page shows in the
// order it shows them (the web app filters in the browser by the same rules: web/src/features/ledger/filters.ts).
import type { TaskStatus } from './task-status.js';

export type LedgerSortKey = 'code' | 'title' | 'dueDate' | 'status' | 'progress' | 'daysOverdue' | 'leadUnit';

export interface LedgerView {
  status?: readonly TaskStatus[] | undefined;
  areaId?: string | undefined;
  leadUnitId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  sort?: LedgerSortKey | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export interface OrderedTask {
  id: string;
  code: string;
  title: string;
  areaId: string | null;
  parentId: string | null;
  seq: number;
  status: TaskStatus;
  progress: number;
  daysOverdue: number;
  dueDate: string | null;
  leadUnitId: string | null;
  leadUnitName: string;
  leaderName: string | null;
  tags: readonly string[];
}

/** Red first, as the battle map reads. */
const STATUS_RANK: Readonly<Record<TaskStatus, number>> = {
  delayed: 0,
  at_risk: 1,
  on_track: 2,
  done: 3,
  not_started: 4,
};

// One collator for every comparison: localeCompare with options builds a new one per call, which on a
// 5,000-row ledger is most of the time an export takes.
const CODES = new Intl.Collator('zh-CN', { numeric: true });
const TEXT = new Intl.Collator('zh-CN');

export function compareCodes(a: string, b: string): number {
  return CODES.compare(a, b);
}

function matches(task: OrderedTask, view: LedgerView): boolean {
  if (view.status && view.status.length > 0 && !view.status.includes(task.status)) return false;
  if (view.areaId && task.areaId !== view.areaId) return false;
  if (view.leadUnitId && task.leadUnitId !== view.leadUnitId) return false;
  if (view.tag && !task.tags.includes(view.tag)) return false;
  if (view.q) {
    const q = view.q.toLowerCase();
    const haystack = `${task.code} ${task.title} ${task.leadUnitName} ${task.leaderName ?? ''}`.toLowerCase();
    if (!haystack.includes(q)) return false;
  }
  return true;
}

function compare(a: OrderedTask, b: OrderedTask, key: LedgerSortKey): number {
  switch (key) {
    case 'code':
      return compareCodes(a.code, b.code);
    case 'title':
      return TEXT.compare(a.title, b.title);
    case 'dueDate':
      return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    case 'progress':
      return a.progress - b.progress;
    case 'daysOverdue':
      return a.daysOverdue - b.daysOverdue;
    case 'leadUnit':
      return TEXT.compare(a.leadUnitName, b.leadUnitName);
  }
}

/**
 * The numbers a ledger prints: top-level tasks 1, 2, 3 through the plan, each sub-task under its parent
 * 1.1, 1.2, in the document's order (area, then seq). Filtering keeps these numbers.
 */
export function ledgerNumbers(
  tasks: readonly OrderedTask[],
  areaOrder: ReadonlyMap<string, number>,
): Map<string, string> {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string, OrderedTask[]>();
  const roots: OrderedTask[] = [];
  for (const t of [...tasks].sort((a, b) => documentOrder(a, b, areaOrder))) {
    if (t.parentId && ids.has(t.parentId)) {
      const list = children.get(t.parentId) ?? [];
      list.push(t);
      children.set(t.parentId, list);
    } else roots.push(t);
  }
  const numbers = new Map<string, string>();
  const visit = (task: OrderedTask, number: string, depth: number) => {
    numbers.set(task.id, number);
    if (depth > 32) return;
    (children.get(task.id) ?? []).forEach((c, i) => {
      visit(c, `${number}.${i + 1}`, depth + 1);
    });
  };
  roots.forEach((t, i) => {
    visit(t, String(i + 1), 0);
  });
  return numbers;
}

function documentOrder(a: OrderedTask, b: OrderedTask, areaOrder: ReadonlyMap<string, number>): number {
  const area = (t: OrderedTask) => (t.areaId ? (areaOrder.get(t.areaId) ?? 1e9) : 1e9);
  return area(a) - area(b) || a.seq - b.seq;
}

/**
 * The rows of an export: the page's filters, then its sort; without a sort, the document's order with
 * each sub-task after its parent.
 */
export function orderLedger(
  tasks: readonly OrderedTask[],
  view: LedgerView,
  numbers: ReadonlyMap<string, string>,
  areaOrder: ReadonlyMap<string, number>,
): OrderedTask[] {
  const kept = tasks.filter((t) => matches(t, view));
  const key = view.sort;
  if (key) {
    const sign = view.order === 'desc' ? -1 : 1;
    return kept.sort((a, b) => sign * compare(a, b, key) || compareCodes(a.code, b.code));
  }
  return kept.sort((a, b) => {
    const byArea = documentOrder({ ...a, seq: 0 }, { ...b, seq: 0 }, areaOrder);
    return byArea || compareCodes(numbers.get(a.id) ?? '', numbers.get(b.id) ?? '');
  });
}
