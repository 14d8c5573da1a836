import { api, unwrap } from '../../api/client';
import type { NoticeKind } from '../../api/types';

/** The region's notices the signed-in account may see, for the 工作台 inbox. */
export function regionNotices(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/notices', { params: { path: { regionId } } }));
}

export function issueNotice(taskId: string, kind: NoticeKind, body: string, workingDays?: number) {
  return unwrap(
    api.POST('/api/tasks/{taskId}/notices', {
      params: { path: { taskId } },
      body: { kind, body, ...(workingDays !== undefined && { workingDays }) },
    }),
  );
}

export function respondToNotice(id: string, response: string) {
  return unwrap(api.POST('/api/notices/{id}/respond', { params: { path: { id } }, body: { response } }));
}

export function closeNotice(id: string) {
  return unwrap(api.POST('/api/notices/{id}/close', { params: { path: { id } } }));
}
