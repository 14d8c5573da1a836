import { api, ifMatch, unwrap } from '../../api/client';

export type BulletinTemplate = 'tracking' | 'supervision';

export function listBulletins(regionId: string, q: string) {
  return unwrap(
    api.GET('/api/regions/{regionId}/bulletins', {
      params: { path: { regionId }, query: q ? { q } : {} },
    }),
  );
}

export function createBulletin(
  regionId: string,
  body: { period: string; template: BulletinTemplate; sequence?: number },
) {
  return unwrap(api.POST('/api/regions/{regionId}/bulletins', { params: { path: { regionId } }, body }));
}

export function getBulletin(id: string) {
  return unwrap(api.GET('/api/bulletins/{id}', { params: { path: { id } } }));
}

export function saveSections(id: string, version: number, sections: Record<string, string | null>) {
  return unwrap(
    api.PATCH('/api/bulletins/{id}', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { sections },
    }),
  );
}

export function publishBulletin(id: string, version: number) {
  return unwrap(
    api.POST('/api/bulletins/{id}/publish', {
      params: { path: { id } },
      headers: ifMatch(version),
    }),
  );
}

export function previewPages(id: string) {
  return unwrap(api.GET('/api/bulletins/{id}/preview', { params: { path: { id } } }));
}

/** Download links: the browser fetches them itself, with the session cookie. */
export function docxUrl(id: string): string {
  return `/api/bulletins/${encodeURIComponent(id)}/docx`;
}

export function pdfUrl(id: string): string {
  return `/api/bulletins/${encodeURIComponent(id)}/pdf?download=true`;
}

/** The units a published bulletin reached, and which of them have read it. */
export function bulletinReadings(id: string) {
  return unwrap(api.GET('/api/bulletins/{id}/readings', { params: { path: { id } } }));
}
