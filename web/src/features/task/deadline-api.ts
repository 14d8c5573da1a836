import { api, unwrap } from '../../api/client';

/** The date N working days from today gives on the server's holiday calendar. */
export function deadlinePreview(workingDays: number) {
  return unwrap(
    api.GET('/api/calendar/deadline', { params: { query: { workingDays: String(workingDays) } } }),
  );
}
