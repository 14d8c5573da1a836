import { parseMeasures } from '../../../domain/accountability.js';
import type { AccountabilityRecord } from '../../../services/accountability-service.js';
import type { Actor } from '../../../services/actor.js';
import * as accountabilityPolicy from '../../../services/policies/accountability.js';
import type { Accountability } from './schema.js';

export function presentAccountability(r: AccountabilityRecord, actor: Actor): Accountability {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    personName: r.person_name,
    personPost: r.person_post,
    kind: r.kind,
    facts: r.facts,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    measures: parseMeasures(r.measures),
    taskId: r.task_id,
    taskCode: r.task_code,
    taskTitle: r.task_title,
    noticeId: r.notice_id,
    assessmentItemId: r.assessment_item_id,
    createdAt: r.created_at,
    version: r.version,
    can: accountabilityPolicy.actionsOn(actor, { regionId: r.region_id, unitId: r.unit_id }),
  };
}
