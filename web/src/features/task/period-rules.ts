import type { Report, ReportStatus } from '../../api/types';
import type { ReportFields } from './report-fields';

/** The fields of a period these rules read (a TaskPeriod from the server). */
interface PeriodFacts {
  period: string;
  state: 'open' | 'closed' | 'reopened';
  report: { id: string; status: ReportStatus } | null;
}

/** A report the unit still holds: its own draft, or one sent back to it. */
function stillTheUnits(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * The periods a new report may be written for, newest first: those that take reports now (open, or
 * reopened by the office) and have no report on its way to the office.
 */
export function reportablePeriods(periods: readonly PeriodFacts[]): string[] {
  return periods
    .filter((p) => p.state !== 'closed' && (p.report === null || stillTheUnits(p.report.status)))
    .map((p) => p.period);
}

/**
 * Which period the editor starts on: the one asked for (from the 待报送 list), else the oldest still owed,
 * so a late report is written before the current one.
 */
export function defaultPeriod(reportable: readonly string[], requested?: string | null): string | undefined {
  if (requested && reportable.includes(requested)) return requested;
  return reportable[reportable.length - 1];
}

/**
 * A report at 100% that does not apply for completion (申请销号) would leave the task "on track" at 100%:
 * the editor asks before submitting it.
 */
export function asksForCompletion(fields: Pick<ReportFields, 'progress' | 'claimsCompletion'>): boolean {
  return fields.progress >= 100 && !fields.claimsCompletion;
}

export type ReportLabel = ReportStatus | 'sent_back';

/** What a report's tag says: a draft the unit head sent back with a reason reads as sent back, not a draft. */
export function reportLabel(report: Pick<Report, 'status' | 'returnReason'>): ReportLabel {
  return report.status === 'draft' && report.returnReason ? 'sent_back' : report.status;
}

/** A report the caller should revise and submit again: one sent back to the unit that the caller may edit. */
export function awaitsRevision(report: Pick<Report, 'status' | 'returnReason' | 'can'>): boolean {
  return report.can.edit && (report.status === 'returned' || reportLabel(report) === 'sent_back');
}
