import { toApiError } from '../../api/errors';
import type { paths } from '../../api/schema';

type LedgerImportOp = paths['/api/regions/{regionId}/ledger-imports']['post'];
type ReportImportOp = paths['/api/regions/{regionId}/report-imports']['post'];
type ProjectImportOp = paths['/api/regions/{regionId}/projects.xlsx/import']['post'];
export type LedgerImport = LedgerImportOp['responses'][200]['content']['application/json'];
export type ReportImport = ReportImportOp['responses'][200]['content']['application/json'];
export type ProjectImport = ProjectImportOp['responses'][200]['content']['application/json'];
export type SheetIssue = LedgerImport['errors'][number];

export const XLSX_ACCEPT = '.xlsx';
export const XLSX_MAX_BYTES = 20 * 1024 * 1024;

/** Where the blank reporting template of a unit for a period downloads from. */
export function templateUrl(unitId: string, period: string): string {
  return `/api/units/${encodeURIComponent(unitId)}/report-template.xlsx?period=${encodeURIComponent(period)}`;
}

/**
 * Uploads a workbook as multipart with XMLHttpRequest, the one browser API that reports upload progress
 * (fetch does not): `onProgress` gets 0–100 while the bytes go out.
 */
function upload<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as T);
      else reject(toApiError(xhr.status, xhr.response));
    };
    xhr.onerror = () => {
      reject(toApiError(0, null));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function importLedger(
  regionId: string,
  file: File,
  apply: boolean,
  onProgress: (percent: number) => void,
): Promise<LedgerImport> {
  const url = `/api/regions/${encodeURIComponent(regionId)}/ledger-imports${apply ? '?apply=true' : ''}`;
  return upload<LedgerImport>(url, file, onProgress);
}

export function importReports(
  regionId: string,
  file: File,
  apply: boolean,
  onProgress: (percent: number) => void,
): Promise<ReportImport> {
  const url = `/api/regions/${encodeURIComponent(regionId)}/report-imports${apply ? '?apply=true' : ''}`;
  return upload<ReportImport>(url, file, onProgress);
}

export function importProjects(
  regionId: string,
  file: File,
  apply: boolean,
  onProgress: (percent: number) => void,
): Promise<ProjectImport> {
  const url = `/api/regions/${encodeURIComponent(regionId)}/projects.xlsx/import${apply ? '?apply=true' : ''}`;
  return upload<ProjectImport>(url, file, onProgress);
}
