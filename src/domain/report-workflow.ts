// The reporting workflow (进展报送): which action moves a report from which status to which, by whom.

/** The office rates an accepted report's quality from 1 to this (the review's stars); the assessment scales it. */
export const REPORT_RATING_MAX = 5;

export type ReportStatus = 'draft' | 'awaiting_head' | 'submitted' | 'accepted' | 'returned';
export type ReportAction = 'submit' | 'approve' | 'send_back' | 'accept' | 'return';
type WorkflowRole = 'reporter' | 'unit_head' | 'office';

interface Transition {
  from: readonly ReportStatus[];
  to: ReportStatus;
  roles: readonly WorkflowRole[];
  /** Unit staff act on their own unit's reports; the office on any of its region. */
  scope: 'unit' | 'office';
  needsReason: boolean;
}

/**
 * A reporter drafts and submits to the unit head; the head approves (the report goes to the office) or
 * sends it back; the office accepts or returns it with a reason. A unit head may submit directly, as the
 * head is the one who vouches for the unit's report.
 */
export const REPORT_TRANSITIONS: Readonly<Record<ReportAction, Transition>> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'awaiting_head',
    roles: ['reporter', 'unit_head'],
    scope: 'unit',
    needsReason: false,
  },
  approve: {
    from: ['awaiting_head'],
    to: 'submitted',
    roles: ['unit_head'],
    scope: 'unit',
    needsReason: false,
  },
  send_back: { from: ['awaiting_head'], to: 'draft', roles: ['unit_head'], scope: 'unit', needsReason: true },
  accept: { from: ['submitted'], to: 'accepted', roles: ['office'], scope: 'office', needsReason: false },
  return: { from: ['submitted'], to: 'returned', roles: ['office'], scope: 'office', needsReason: true },
};

export const REPORT_ACTIONS = Object.keys(REPORT_TRANSITIONS) as ReportAction[];

/** Where a submission lands: a unit head's own submission needs no second approval. */
export function submissionTarget(role: string): ReportStatus {
  return role === 'unit_head' ? 'submitted' : 'awaiting_head';
}

export function transitionAllowedFrom(action: ReportAction, status: ReportStatus): boolean {
  return REPORT_TRANSITIONS[action].from.includes(status);
}

/** The unit edits its report while it is still its own: before submission, or after the office returned it. */
export function isReportEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Evidence may still be added while the unit head has the report in hand. */
export function acceptsEvidence(status: ReportStatus): boolean {
  return isReportEditable(status) || status === 'awaiting_head';
}

/** What waits in the office's queue: reports the unit heads sent on. */
export const OFFICE_QUEUE_STATUSES: readonly ReportStatus[] = ['submitted'];

/** What waits in a unit's queue: its drafts, what the office returned, and what awaits the head. */
export const UNIT_QUEUE_STATUSES: readonly ReportStatus[] = ['draft', 'returned', 'awaiting_head'];

/** The report queue is long enough for a year of a region's reports, short enough for one page. */
export const REPORT_QUEUE_LIMIT = 500;
