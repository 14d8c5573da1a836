import type { Actor } from '../../../services/actor.js';
import type {
  OwedReport as OwedReportRow,
  PeriodDecisionRow,
  PeriodInfo,
  PeriodReport,
} from '../../../services/period-service.js';
import * as periodPolicy from '../../../services/policies/period.js';
import type { OwedReport, PeriodDecision, TaskPeriod } from './schema.js';

function fields(p: PeriodInfo & { report: PeriodReport | null }) {
  return {
    period: p.period,
    dueDate: p.dueDate,
    closesOn: p.closesOn,
    state: p.state,
    by: p.by,
    report: p.report && { id: p.report.id, status: p.report.status },
  };
}

export function presentTaskPeriod(
  p: PeriodInfo & { report: PeriodReport | null },
  regionId: string,
  actor: Actor,
): TaskPeriod {
  // A period whose report is on its way or in needs no late report.
  const reported = p.report !== null && p.report.status !== 'draft' && p.report.status !== 'returned';
  return { ...fields(p), can: periodPolicy.actionsOn(actor, { regionId, state: p.state, reported }) };
}

export function presentOwedReport(o: OwedReportRow): OwedReport {
  return {
    ...fields(o),
    overdue: o.overdue,
    taskId: o.taskId,
    taskCode: o.taskCode,
    taskTitle: o.taskTitle,
    planId: o.planId,
  };
}

export function presentDecision(d: PeriodDecisionRow): PeriodDecision {
  return {
    id: d.id,
    period: d.period,
    taskId: d.task_id,
    state: d.state,
    reason: d.reason,
    decidedBy: d.decided_by,
    decidedAt: d.decided_at,
  };
}
