import { api, unwrap } from '../../api/client';
import { noticeQuery, type NoticeFilter } from './notice-filter';

/** The region's notices the caller may see, filtered on the server. */
export function listNotices(regionId: string, filter: NoticeFilter) {
  return unwrap(
    api.GET('/api/regions/{regionId}/notices', {
      params: { path: { regionId }, query: noticeQuery(filter) },
    }),
  );
}

/** The region's addressed instructions the caller may see, filtered on the server. */
export function listInstructions(regionId: string, filter: NoticeFilter) {
  const { unitId, open, overdue } = noticeQuery(filter);
  return unwrap(
    api.GET('/api/regions/{regionId}/instructions', {
      params: {
        path: { regionId },
        query: { ...(unitId && { unitId }), ...(open && { open }), ...(overdue && { overdue }) },
      },
    }),
  );
}

/** A leader's instruction tracked as a directive (交办事项), led by the unit it is addressed to. */
export function directiveFromInstruction(instructionId: string, deadline: string) {
  return unwrap(
    api.POST('/api/instructions/{id}/directive', {
      params: { path: { id: instructionId } },
      body: { deadline },
    }),
  );
}

/** Where the notices download as .xlsx (督办件), with the page's filters. */
export function noticesXlsxUrl(regionId: string, filter: NoticeFilter): string {
  const query = new URLSearchParams(noticeQuery({ ...filter, tab: 'notices' })).toString();
  return `/api/regions/${encodeURIComponent(regionId)}/notices.xlsx${query ? `?${query}` : ''}`;
}
