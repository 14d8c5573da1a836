import { api, ifMatch, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type RecordBody =
  paths['/api/regions/{regionId}/accountability']['post']['requestBody']['content']['application/json'];
type ToleranceBody =
  paths['/api/regions/{regionId}/tolerance-requests']['post']['requestBody']['content']['application/json'];

export type { RecordBody, ToleranceBody };

export function listRecords(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/accountability', { params: { path: { regionId } } }));
}

export function getRecord(id: string) {
  return unwrap(api.GET('/api/accountability/{id}', { params: { path: { id } } }));
}

export function createRecord(regionId: string, body: RecordBody) {
  return unwrap(api.POST('/api/regions/{regionId}/accountability', { params: { path: { regionId } }, body }));
}

export function listTolerance(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/tolerance-requests', { params: { path: { regionId } } }));
}

export function getTolerance(id: string) {
  return unwrap(api.GET('/api/tolerance-requests/{id}', { params: { path: { id } } }));
}

export function applyTolerance(regionId: string, body: ToleranceBody) {
  return unwrap(
    api.POST('/api/regions/{regionId}/tolerance-requests', { params: { path: { regionId } }, body }),
  );
}

export function decideTolerance(id: string, version: number, grant: boolean, note: string) {
  return unwrap(
    api.POST('/api/tolerance-requests/{id}/decide', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { grant, note },
    }),
  );
}

export function uploadToleranceFile(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  // Multipart is described in prose by the route; FormData passes through openapi-fetch untouched.
  return unwrap(
    api.POST('/api/tolerance-requests/{id}/files', {
      params: { path: { id } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

/** The region's notices addressed to the caller's unit, the matters a 容错免责 request may be about. */
export function listOwnNotices(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/notices', { params: { path: { regionId }, query: {} } }));
}

export function attachmentHref(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}
