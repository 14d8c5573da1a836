import type { Actor } from '../../../services/actor.js';
import * as reportPolicy from '../../../services/policies/report.js';
import type { EvidenceFileRow, ReportRow } from '../../../services/report-service.js';
import { presentAttachment } from '../attachments/presenter.js';
import type { Report } from './schema.js';

export function presentReport(
  r: ReportRow & { task_code?: string; task_title?: string },
  actor: Actor,
  files: readonly EvidenceFileRow[] = [],
): Report {
  return {
    id: r.id,
    taskId: r.task_id,
    unitId: r.unit_id,
    period: r.period,
    progress: r.progress,
    narrative: r.narrative,
    problems: r.problems,
    coordination: r.coordination,
    nextSteps: r.next_steps,
    claimsCompletion: r.claims_completion === 1,
    status: r.status,
    returnReason: r.return_reason,
    rating: r.rating,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    reviewedAt: r.reviewed_at,
    version: r.version,
    files: files.filter((f) => f.report_id === r.id).map(presentAttachment),
    ...(r.task_code !== undefined && { taskCode: r.task_code }),
    ...(r.task_title !== undefined && { taskTitle: r.task_title }),
    can: reportPolicy.actionsOn(actor, { regionId: r.region_id, unitId: r.unit_id, status: r.status }),
  };
}
