import { api, fileBody, ifMatch, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type ImportOp = paths['/api/regions/{regionId}/plans/import']['post'];
export type ImportResult = ImportOp['responses'][201]['content']['application/json'];
export type ImportedTask = ImportResult['tasks'][number];
export type ImportedArea = ImportResult['areas'][number];
export type ImportedTarget = ImportResult['targets'][number];

export const IMPORT_ACCEPT = '.docx,.txt,.html,.htm';
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export function importFile(regionId: string, file: File): Promise<ImportResult> {
  return unwrap(
    api.POST('/api/regions/{regionId}/plans/import', {
      params: { path: { regionId } },
      ...fileBody(file),
    }),
  );
}

export function importText(regionId: string, text: string, filename?: string): Promise<ImportResult> {
  return unwrap(
    api.POST('/api/regions/{regionId}/plans/import', {
      params: { path: { regionId } },
      body: { text, ...(filename ? { filename } : {}) },
    }),
  );
}

export function planSource(planId: string) {
  return unwrap(api.GET('/api/plans/{planId}/source', { params: { path: { planId } } }));
}

export function planOverview(planId: string) {
  return unwrap(api.GET('/api/plans/{planId}', { params: { path: { planId } } }));
}

export function planTargets(planId: string) {
  return unwrap(api.GET('/api/plans/{planId}/targets', { params: { path: { planId } } }));
}

export function planTasks(planId: string) {
  return unwrap(api.GET('/api/plans/{planId}/tasks', { params: { path: { planId } } }));
}

export function setLeadUnit(taskId: string, version: number, leadUnitId: string | null) {
  return unwrap(
    api.PATCH('/api/tasks/{taskId}', {
      params: { path: { taskId } },
      headers: ifMatch(version),
      body: { leadUnitId },
    }),
  );
}

/** Lead units suggested and time limits not read, from the plan's stored document: the same on any visit. */
export function importReview(planId: string) {
  return unwrap(api.GET('/api/plans/{planId}/import-review', { params: { path: { planId } } }));
}

export function publishPlan(planId: string) {
  return unwrap(api.POST('/api/plans/{planId}/publish', { params: { path: { planId } } }));
}
