import type { TaskStatus, TaskSummary } from '../../api/types';
import { isTaskStatus, STATUS_ORDER } from '../../domain/status';

export const SORT_KEYS = [
  'code',
  'title',
  'dueDate',
  'status',
  'progress',
  'daysOverdue',
  'leadUnit',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

/** What the ledger shows; it lives in the URL so a link (from the battle map, or a colleague) opens the same view. */
export interface LedgerFilter {
  plan?: string;
  status?: TaskStatus[];
  area?: string;
  unit?: string;
  tag?: string;
  q?: string;
  sort?: SortKey;
  order?: SortOrder;
}

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}

export function parseFilter(params: URLSearchParams): LedgerFilter {
  const status = (params.get('status') ?? '').split(',').filter(isTaskStatus);
  const sort = params.get('sort');
  const order = params.get('order');
  const filter: LedgerFilter = {};
  const plan = text(params, 'plan');
  const area = text(params, 'area');
  const unit = text(params, 'unit');
  const tag = text(params, 'tag');
  const q = text(params, 'q');
  if (plan) filter.plan = plan;
  if (status.length) filter.status = STATUS_ORDER.filter((s) => status.includes(s));
  if (area) filter.area = area;
  if (unit) filter.unit = unit;
  if (tag) filter.tag = tag;
  if (q) filter.q = q;
  if (sort && (SORT_KEYS as readonly string[]).includes(sort)) filter.sort = sort as SortKey;
  if (filter.sort) filter.order = order === 'desc' ? 'desc' : 'asc';
  return filter;
}

/** The query string for a filter, in a fixed order so equal views have equal links. */
export function filterToSearch(filter: LedgerFilter): string {
  const params = new URLSearchParams();
  if (filter.plan) params.set('plan', filter.plan);
  if (filter.status?.length) params.set('status', filter.status.join(','));
  if (filter.area) params.set('area', filter.area);
  if (filter.unit) params.set('unit', filter.unit);
  if (filter.tag) params.set('tag', filter.tag);
  if (filter.q) params.set('q', filter.q);
  if (filter.sort) {
    params.set('sort', filter.sort);
    params.set('order', filter.order ?? 'asc');
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function ledgerHref(regionId: string, filter: LedgerFilter = {}): string {
  return `/r/${regionId}/ledger${filterToSearch(filter)}`;
}

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
