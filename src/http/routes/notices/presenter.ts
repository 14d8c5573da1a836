import { overdueDays } from '../../../domain/follow-up.js';
import type { Actor } from '../../../services/actor.js';
import type { NoticeRow } from '../../../services/notice-service.js';
import * as noticePolicy from '../../../services/policies/notice.js';
import type { Notice } from './schema.js';

export function presentNotice(
  n: NoticeRow & { task_code?: string; task_title?: string },
  actor: Actor,
  asOf: string,
): Notice {
  return {
    id: n.id,
    taskId: n.task_id,
    unitId: n.unit_id,
    kind: n.kind,
    body: n.body,
    reason: n.reason,
    issuedAt: n.issued_at,
    responseDue: n.response_due,
    response: n.response,
    respondedAt: n.responded_at,
    status: n.status,
    version: n.version,
    overdueDays: overdueDays(n.response_due, n.status !== 'issued', asOf),
    ...(n.task_code !== undefined && { taskCode: n.task_code }),
    ...(n.task_title !== undefined && { taskTitle: n.task_title }),
    can: noticePolicy.actionsOn(actor, { regionId: n.region_id, unitId: n.unit_id, status: n.status }),
  };
}
