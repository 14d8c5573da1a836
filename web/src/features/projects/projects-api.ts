import { api, fileBody, ifMatch, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { ProjectStage } from '../../api/types';

export interface ProjectFilter {
  level?: 'province' | 'city' | 'district' | undefined;
  category?: string | undefined;
  town?: string | undefined;
  stage?: ProjectStage | undefined;
}

/** A region's key projects with the list's totals, one page of them. */
export function loadProjects(regionId: string, filter: ProjectFilter, offset: number, limit: number) {
  return unwrap(
    api.GET('/api/regions/{regionId}/projects', {
      params: { path: { regionId }, query: { ...filter, offset, limit } },
    }),
  );
}

/** The list's projects as the monthly investment table (.xlsx), as of `month`. */
export function projectsXlsxUrl(regionId: string, filter: ProjectFilter, month: string | undefined): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, month })) if (value) query.set(name, value);
  const q = query.toString();
  return `/api/regions/${encodeURIComponent(regionId)}/projects.xlsx${q ? `?${q}` : ''}`;
}

export function loadConversion(regionId: string, year: number) {
  return unwrap(
    api.GET('/api/regions/{regionId}/project-conversion', {
      params: { path: { regionId }, query: { year } },
    }),
  );
}

export function loadProject(id: string) {
  return unwrap(api.GET('/api/projects/{id}', { params: { path: { id } } }));
}

export function moveStage(
  id: string,
  version: number,
  body: { stage: ProjectStage; date: string; reason?: string },
) {
  return unwrap(
    api.POST('/api/projects/{id}/stage', { params: { path: { id } }, headers: ifMatch(version), body }),
  );
}

export interface MonthBody {
  month: string;
  investment: number;
  progress?: string;
  nextPlan?: string;
  coordination?: string;
  problems?: { text: string; owner: string; deadline: string }[];
}

export function reportMonth(id: string, body: MonthBody) {
  return unwrap(api.POST('/api/projects/{id}/reports', { params: { path: { id } }, body }));
}

export function confirmMonth(reportId: string) {
  return unwrap(api.POST('/api/project-reports/{id}/confirm', { params: { path: { id: reportId } } }));
}

export function markMilestone(id: string, version: number, doneDate: string) {
  return unwrap(
    api.PATCH('/api/project-milestones/{id}', {
      params: { path: { id } },
      headers: ifMatch(version),
      body: { doneDate },
    }),
  );
}

export function resolveProblem(
  id: string,
  version: number,
  body: { resolution: string; resolvedOn: string },
) {
  return unwrap(
    api.PATCH('/api/project-problems/{id}', { params: { path: { id } }, headers: ifMatch(version), body }),
  );
}

export type ProjectBody = NonNullable<
  paths['/api/regions/{regionId}/projects']['post']['requestBody']
>['content']['application/json'];
export type ProjectPatch = NonNullable<
  paths['/api/projects/{id}']['patch']['requestBody']
>['content']['application/json'];

export function createProject(regionId: string, body: ProjectBody) {
  return unwrap(api.POST('/api/regions/{regionId}/projects', { params: { path: { regionId } }, body }));
}

export function updateProject(id: string, version: number, body: ProjectPatch) {
  return unwrap(
    api.PATCH('/api/projects/{id}', { params: { path: { id } }, headers: ifMatch(version), body }),
  );
}

export type RegionSettingsBody = NonNullable<
  paths['/api/regions/{regionId}/settings']['put']['requestBody']
>['content']['application/json'];

export function loadRegionSettings(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/settings', { params: { path: { regionId } } }));
}

export function saveRegionSettings(regionId: string, version: number, body: RegionSettingsBody) {
  return unwrap(
    api.PUT('/api/regions/{regionId}/settings', {
      params: { path: { regionId } },
      headers: ifMatch(version),
      body,
    }),
  );
}

/** A 形象进度照片 on a month's report. */
export function uploadPhoto(reportId: string, file: File) {
  return unwrap(
    api.POST('/api/project-reports/{id}/photos', {
      params: { path: { id: reportId } },
      ...fileBody(file),
    }),
  );
}

/** Takes a photo back off a month the office has not confirmed. */
export function removePhoto(id: string) {
  return unwrap(api.DELETE('/api/project-photos/{id}', { params: { path: { id } } }));
}

/** A photo's bytes, for a thumbnail or the full-size view. */
export function photoHref(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}
