import type { Actor } from '../../../services/actor.js';
import * as tolerancePolicy from '../../../services/policies/tolerance.js';
import type { AttachmentRow, ToleranceRequest as Row } from '../../../services/tolerance-service.js';
import { presentAttachment } from '../attachments/presenter.js';
import type { ToleranceDetail, ToleranceRequest } from './schema.js';

export function presentTolerance(r: Row, actor: Actor): ToleranceRequest {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    noticeKind: r.notice_kind,
    sourceTask:
      r.source_task_id === null
        ? null
        : { id: r.source_task_id, code: r.source_task_code ?? '', title: r.source_task_title ?? '' },
    situation: r.situation,
    pilotReason: r.pilot_reason,
    experimentReason: r.experiment_reason,
    mistakeReason: r.mistake_reason,
    status: r.status,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    version: r.version,
    can: tolerancePolicy.actionsOn(actor, { regionId: r.region_id, unitId: r.unit_id, status: r.status }),
  };
}

export function presentToleranceDetail(r: Row, files: AttachmentRow[], actor: Actor): ToleranceDetail {
  return { ...presentTolerance(r, actor), files: files.map(presentAttachment) };
}
