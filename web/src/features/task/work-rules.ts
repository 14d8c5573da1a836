import type { Notice, Report } from '../../api/types';

/** A report waits on this account when the server offers it a step: write, submit or review it. */
function actsOn(report: Pick<Report, 'can'>): boolean {
  const { edit, submit, approve, sendBack, accept, return: sendBackToUnit } = report.can;
  return edit || submit || approve || sendBack || accept || sendBackToUnit;
}

/** Which reports wait for this account, newest first; each report's `can` says whether it is ours to act on. */
export function waitingOn<R extends Pick<Report, 'can' | 'submittedAt' | 'updatedAt'>>(
  reports: readonly R[],
): R[] {
  return reports
    .filter(actsOn)
    .sort((a, b) => (b.submittedAt ?? b.updatedAt).localeCompare(a.submittedAt ?? a.updatedAt));
}

/** Notices to act on: those the server lets this account answer or close. */
export function noticesToActOn<N extends Pick<Notice, 'can'>>(notices: readonly N[]): N[] {
  return notices.filter((n) => n.can.respond || n.can.close);
}
