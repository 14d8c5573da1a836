import {
  acceptsEvidence,
  isReportEditable,
  REPORT_TRANSITIONS,
  transitionAllowedFrom,
  type ReportAction,
  type ReportStatus,
} from '../../domain/report-workflow.js';
import type { Actor } from '../actor.js';
import { hasRoleIn, inRegion, isAdmin, isStaffOf, seesWholeRegion } from './scope.js';

export type ReportPermission = 'edit' | 'add_evidence' | ReportAction;

export interface ReportFacts {
  regionId: string;
  unitId: string;
  status: ReportStatus;
}

/**
 * Progress reports (进展报送). Reading one is reading its task (see task.ts). Who may act: the unit's
 * own staff edit it and add evidence; each workflow step belongs to the roles of the transition table,
 * unit steps to the report's own unit. This answers who, whatever the report's status; `actionsOn`
 * adds the status, for what to offer now.
 */
export function can(actor: Actor, action: ReportPermission, report: ReportFacts): boolean {
  if (!inRegion(actor, report.regionId)) return false;
  if (action === 'edit' || action === 'add_evidence') return isStaffOf(actor, report.unitId);
  const rule = REPORT_TRANSITIONS[action];
  if (!hasRoleIn(actor, report.regionId, rule.roles)) return false;
  return rule.scope === 'office' || isAdmin(actor) || actor.unitId === report.unitId;
}

/**
 * The report queue of a region: region-wide readers see what reached the office, a unit's accounts what
 * waits in their unit; an account with neither has no queue.
 */
export function canListQueue(actor: Actor, regionId: string): boolean {
  return inRegion(actor, regionId) && (seesWholeRegion(actor) || actor.unitId !== null);
}

export type ReportActions = Record<
  'edit' | 'addEvidence' | 'submit' | 'approve' | 'sendBack' | 'accept' | 'return',
  boolean
>;

/** What the caller may do with the report as it stands: the buttons the web app shows. */
export function actionsOn(actor: Actor, report: ReportFacts): ReportActions {
  const step = (action: ReportAction) =>
    can(actor, action, report) && transitionAllowedFrom(action, report.status);
  return {
    edit: can(actor, 'edit', report) && isReportEditable(report.status),
    addEvidence: can(actor, 'add_evidence', report) && acceptsEvidence(report.status),
    submit: step('submit'),
    approve: step('approve'),
    sendBack: step('send_back'),
    accept: step('accept'),
    return: step('return'),
  };
}
