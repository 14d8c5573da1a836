import type { NoticeKind } from '../../api/types';

/*
 * What the notices page shows, held in the URL (/r/:regionId/notices?tab=…&state=…&unit=…&kind=…) as the
 * ledger holds its view, so a link from a colleague or a bookmark opens the same list.
 */

export type NoticeTab = 'notices' | 'instructions';
export type NoticeState = 'open' | 'overdue';

export interface NoticeFilter {
  tab: NoticeTab;
  state?: NoticeState;
  unit?: string;
  /** Notices only: instructions have no kind. */
  kind?: NoticeKind;
}

const KINDS: readonly string[] = ['reminder', 'urge', 'supervise', 'listed'];

export function parseNoticeFilter(params: URLSearchParams): NoticeFilter {
  const tab: NoticeTab = params.get('tab') === 'instructions' ? 'instructions' : 'notices';
  const filter: NoticeFilter = { tab };
  const state = params.get('state');
  if (state === 'open' || state === 'overdue') filter.state = state;
  const unit = params.get('unit')?.trim();
  if (unit) filter.unit = unit;
  const kind = params.get('kind');
  if (tab === 'notices' && kind && KINDS.includes(kind)) filter.kind = kind as NoticeKind;
  return filter;
}

/** The search string of a filter, defaults left out: the plain page is /notices. */
export function noticeFilterToSearch(filter: NoticeFilter): string {
  const params = new URLSearchParams();
  if (filter.tab !== 'notices') params.set('tab', filter.tab);
  if (filter.state) params.set('state', filter.state);
  if (filter.unit) params.set('unit', filter.unit);
  if (filter.kind && filter.tab === 'notices') params.set('kind', filter.kind);
  return params.toString();
}

/** The API query a filter asks for: the server filters (and refuses a malformed value). */
export function noticeQuery(filter: NoticeFilter): {
  unitId?: string;
  kind?: NoticeKind;
  open?: 'true';
  overdue?: 'true';
} {
  return {
    ...(filter.unit && { unitId: filter.unit }),
    ...(filter.kind && filter.tab === 'notices' && { kind: filter.kind }),
    ...(filter.state === 'open' && { open: 'true' as const }),
    ...(filter.state === 'overdue' && { overdue: 'true' as const }),
  };
}
