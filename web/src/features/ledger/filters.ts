import type { TaskSummary } from '../../api/types';
import type { LedgerFilter, SortKey } from '../../app/ledger-url';
import { STATUS_ORDER } from '../../domain/status';

/** Task codes sort as outlines do: 2 before 10, 1.2 before 1.10. */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}

function matches(task: TaskSummary, filter: LedgerFilter): boolean {
  if (filter.status && !filter.status.includes(task.status)) return false;
  if (filter.area && task.areaId !== filter.area) return false;
  // Lead unit only, as the battle map counts a unit's red and yellow by the tasks it leads.
  if (filter.unit && task.leadUnit?.id !== filter.unit) return false;
  if (filter.tag && !task.tags.includes(filter.tag)) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    const haystack =
      `${task.code} ${task.title} ${task.leadUnit?.name ?? ''} ${task.leaderName ?? ''}`.toLowerCase();
    if (!haystack.includes(q)) return false;
  }
  return true;
}

const STATUS_RANK = new Map(STATUS_ORDER.map((s, i) => [s, i]));

function compare(a: TaskSummary, b: TaskSummary, key: SortKey): number {
  switch (key) {
    case 'code':
      return compareCodes(a.code, b.code);
    case 'title':
      return a.title.localeCompare(b.title, 'zh-CN');
    // Tasks without a due date go last whichever way one sorts by date ascending.
    case 'dueDate':
      return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
    case 'status':
      return (STATUS_RANK.get(a.status) ?? 0) - (STATUS_RANK.get(b.status) ?? 0);
    case 'progress':
      return a.progress - b.progress;
    case 'daysOverdue':
      return a.daysOverdue - b.daysOverdue;
    case 'leadUnit':
      return (a.leadUnit?.name ?? '').localeCompare(b.leadUnit?.name ?? '', 'zh-CN');
  }
}

/** Filters then sorts; the default order is by plan then code, as the document lists them. */
export function applyFilter(tasks: readonly TaskSummary[], filter: LedgerFilter): TaskSummary[] {
  const kept = tasks.filter((t) => matches(t, filter));
  const key = filter.sort;
  const sign = filter.order === 'desc' ? -1 : 1;
  return kept.sort((a, b) => {
    if (key) {
      const c = compare(a, b, key);
      if (c !== 0) return sign * c;
    }
    return a.planId.localeCompare(b.planId) || compareCodes(a.code, b.code);
  });
}

/** Every tag in use, for the tag filter's options. */
export function tagsOf(tasks: readonly TaskSummary[]): string[] {
  return [...new Set(tasks.flatMap((t) => t.tags))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
