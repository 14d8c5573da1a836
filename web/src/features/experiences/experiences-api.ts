import { api, fileBody, ifMatch, unwrap } from '../../api/client';
import type { ExperienceStatus } from '../../api/types';

export interface ExperienceFields {
  title: string;
  reason: string;
  measures: string;
  effects: string;
  abstract: string;
}

export interface LibraryFilter {
  q?: string | undefined;
  regionId?: string | undefined;
  area?: string | undefined;
  year?: string | undefined;
}

/** The library across every region: accepted experiences only, searched on the server. */
export function searchLibrary(filter: LibraryFilter) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
  return unwrap(api.GET('/api/experiences', { params: { query } }));
}

export function listRegionExperiences(regionId: string, status?: ExperienceStatus) {
  return unwrap(
    api.GET('/api/regions/{regionId}/experiences', {
      params: { path: { regionId }, query: status ? { status } : {} },
    }),
  );
}

export function getExperience(id: string) {
  return unwrap(api.GET('/api/experiences/{id}', { params: { path: { id } } }));
}

export function proposeExperience(taskId: string, fields: ExperienceFields) {
  return unwrap(api.POST('/api/tasks/{taskId}/experiences', { params: { path: { taskId } }, body: fields }));
}

export function reviseExperience(id: string, version: number, fields: Partial<ExperienceFields>) {
  return unwrap(
    api.PATCH('/api/experiences/{id}', { params: { path: { id } }, headers: ifMatch(version), body: fields }),
  );
}

export function acceptExperience(id: string, version: number) {
  return unwrap(
    api.POST('/api/experiences/{id}/accept', { params: { path: { id } }, headers: ifMatch(version) }),
  );
}

export function returnExperience(id: string, version: number, reason: string) {
  return unwrap(
    api.POST('/api/experiences/{id}/return', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { reason },
    }),
  );
}

export function adoptExperience(id: string, taskId: string, note: string) {
  return unwrap(
    api.POST('/api/experiences/{id}/adoptions', { params: { path: { id } }, body: { taskId, note } }),
  );
}

export function uploadExperienceFile(id: string, file: File) {
  return unwrap(
    api.POST('/api/experiences/{id}/files', {
      params: { path: { id } },
      ...fileBody(file),
    }),
  );
}

/** The caller's region's tasks, to pick the one an experience comes from or is adopted on. */
export async function regionTasks(planIds: readonly string[]) {
  const lists = await Promise.all(
    planIds.map((planId) => unwrap(api.GET('/api/plans/{planId}/tasks', { params: { path: { planId } } }))),
  );
  return lists.flat();
}

export function attachmentHref(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}
