import type { Plan, TaskStatus } from '../api/types';
import { isTaskStatus, STATUS_ORDER } from '../domain/status';

/*
 * The ledger's address: which view a /r/:regionId/ledger?… link opens. The battle map, the import
 * review and the task page all link into the ledger, so its URL is an app-wide contract kept here.
 */

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

/** Without a chosen plan the ledger spans the published plans, as the battle map does. */
export function plansInView(plans: readonly Plan[], planId: string | undefined): Plan[] {
  if (planId) return plans.filter((p) => p.id === planId);
  return plans.filter((p) => p.status === 'published');
}
