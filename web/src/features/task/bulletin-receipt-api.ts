import { api, unwrap } from '../../api/client';

/** 收到通报: the bulletins the unit received, newest first. */
export function unitBulletinReceipts(unitId: string) {
  return unwrap(api.GET('/api/units/{id}/bulletin-receipts', { params: { path: { id: unitId } } }));
}

/** The unit's 已阅 for a bulletin it received. */
export function acknowledgeBulletin(bulletinId: string) {
  return unwrap(api.POST('/api/bulletins/{id}/acknowledge', { params: { path: { id: bulletinId } } }));
}

/** The bulletin as a Word file: the browser fetches it itself, with the session cookie. */
export function receivedDocxUrl(bulletinId: string): string {
  return `/api/bulletins/${encodeURIComponent(bulletinId)}/docx`;
}
