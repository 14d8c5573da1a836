import { api, fileBody, ifMatch, unwrap } from '../../api/client';
import type { EvidenceFile, Report } from '../../api/types';
import type { ReportFields } from './report-fields';

export type ReviewAction = 'submit' | 'approve' | 'send-back' | 'accept' | 'return';

/** A fresh key per attempt: a double tap or a retried request on a bad network creates one report, not two. */
function idempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

export function createReport(
  taskId: string,
  period: string,
  fields: ReportFields,
  submit: boolean,
): Promise<Report> {
  return unwrap(
    api.POST('/api/tasks/{taskId}/reports', {
      params: { path: { taskId }, header: { 'idempotency-key': idempotencyKey() } },
      body: { period, ...fields, submit },
    }),
  );
}

export function updateReport(id: string, version: number, fields: ReportFields): Promise<Report> {
  return unwrap(
    api.PATCH('/api/reports/{id}', { params: { path: { id } }, headers: ifMatch(version), body: fields }),
  );
}

export function transitionReport(
  id: string,
  action: ReviewAction,
  extra: { reason?: string; rating?: number } = {},
): Promise<Report> {
  return unwrap(api.POST('/api/reports/{id}/{action}', { params: { path: { id, action } }, body: extra }));
}

export function uploadEvidence(reportId: string, file: File): Promise<EvidenceFile> {
  return unwrap(
    api.POST('/api/reports/{id}/files', {
      params: { path: { id: reportId } },
      ...fileBody(file),
    }),
  );
}

/** The reports waiting in this region on the signed-in account's role (the 工作台 queue). */
export function reportQueue(regionId: string) {
  return unwrap(api.GET('/api/regions/{regionId}/report-queue', { params: { path: { regionId } } }));
}

export function fileHref(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}`;
}
