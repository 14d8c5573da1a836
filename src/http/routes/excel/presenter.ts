import { sendDownload } from '../../files.js';
import type { FastifyReply } from 'fastify';
import type { LedgerImportResult } from '../../../services/excel/ledger-import.js';
import type { ProjectImportResult } from '../../../services/excel/project-import.js';
import type { ReportImportResult } from '../../../services/excel/report-sheet.js';
import type { XlsxFile } from '../../../services/excel/xlsx-file.js';
import type { LedgerImportResponse, ProjectImportResponse, ReportImportResponse } from './schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet as a download named in Chinese (RFC 5987), never cached by a shared proxy. */
export function sendXlsx(reply: FastifyReply, file: XlsxFile): FastifyReply {
  return sendDownload(reply, { filename: file.filename, mime: XLSX, body: file.bytes });
}

export function presentLedgerImport(result: LedgerImportResult): LedgerImportResponse {
  return {
    applied: result.applied,
    sheet: result.sheet,
    mode: result.mode,
    planId: result.planId,
    planTitle: result.planTitle,
    columns: result.columns,
    areas: result.areas,
    created: result.created,
    updated: result.updated,
    skipped: result.skipped,
    errors: result.errors,
    unknownUnits: result.unknownUnits,
  };
}

export function presentReportImport(result: ReportImportResult): ReportImportResponse {
  return {
    applied: result.applied,
    sheet: result.sheet,
    period: result.period,
    created: result.created,
    updated: result.updated,
    skipped: result.skipped,
    errors: result.errors,
  };
}

export function presentProjectImport(result: ProjectImportResult): ProjectImportResponse {
  return {
    applied: result.applied,
    sheet: result.sheet,
    year: result.year,
    columns: result.columns,
    created: result.created,
    updated: result.updated,
    skipped: result.skipped,
    errors: result.errors,
  };
}
