import { api, fileBody, ifMatch, unwrap } from '../../api/client';
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
  return unwrap(
    api.POST('/api/tolerance-requests/{id}/files', {
      params: { path: { id } },
      ...fileBody(file),
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

/** The region's published tasks, to link a record to the task it is about. */
export async function regionTasks(planIds: readonly string[]) {
  const lists = await Promise.all(
    planIds.map((planId) => unwrap(api.GET('/api/plans/{planId}/tasks', { params: { path: { planId } } }))),
  );
  return lists.flat();
}

/** Every bonus/deduction/一票否决 item of the region's assessment rounds, newest round first. */
export async function regionAssessmentItems(regionId: string) {
  const schemes = await unwrap(
    api.GET('/api/regions/{regionId}/assessment-schemes', { params: { path: { regionId } } }),
  );
  const details = await Promise.all(
    schemes.map((s) => unwrap(api.GET('/api/assessment-schemes/{id}', { params: { path: { id: s.id } } }))),
  );
  const rounds = await Promise.all(
    details
      .flatMap((d) => d.rounds)
      .map((r) => unwrap(api.GET('/api/assessment-rounds/{id}', { params: { path: { id: r.id } } }))),
  );
  return rounds.flatMap((r) => r.adjustments.map((a) => ({ ...a, period: r.period })));
}
