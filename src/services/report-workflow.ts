import type { ReportStatus, Role } from '../db/schema.js';

export type ReportAction = 'submit' | 'approve' | 'send_back' | 'accept' | 'return';

interface Transition {
  from: readonly ReportStatus[];
  to: ReportStatus;
  roles: readonly Role[];
  /** Unit staff act on their own unit's reports; the office on any of its region. */
  scope: 'unit' | 'office';
  needsReason: boolean;
}

/**
 * The reporting workflow: a reporter drafts and submits to the unit head; the head approves (the report
 * goes to the office) or sends it back; the office accepts or returns it with a reason. A unit head may
 * submit directly, as the head is the one who vouches for the unit's report.
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

/** Where a submission lands: a unit head's own submission needs no second approval. */
export function submissionTarget(role: Role): ReportStatus {
  return role === 'unit_head' ? 'submitted' : 'awaiting_head';
}

export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];
