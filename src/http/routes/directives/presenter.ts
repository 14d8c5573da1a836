import type { Actor } from '../../../services/actor.js';
import type {
  DirectiveDetail as Detail,
  DirectiveFileRow,
  DirectiveView,
  OpenDirectiveUrge,
} from '../../../services/directive-service.js';
import * as directivePolicy from '../../../services/policies/directive.js';
import type { Directive, DirectiveDetail, DirectiveFile, DirectiveUrge } from './schema.js';

export function presentDirective(v: DirectiveView, actor: Actor): Directive {
  const d = v.directive;
  return {
    id: d.id,
    source: d.source,
    content: d.content,
    leadUnit: { id: d.lead_unit_id, name: d.lead_unit_name },
    coUnits: v.coUnits,
    assignedOn: d.assigned_on,
    deadline: d.deadline,
    extendedTo: d.extended_to,
    meeting:
      d.meeting_id && d.meeting_decision_id
        ? {
            id: d.meeting_id,
            topic: d.meeting_topic ?? '',
            kind: d.meeting_kind ?? '',
            heldOn: d.meeting_held_on ?? '',
            decisionId: d.meeting_decision_id,
          }
        : null,
    instruction: d.instruction_id ? { id: d.instruction_id, taskId: d.instruction_task_id } : null,
    state: v.state,
    done: v.done,
    checkpoints: v.checkpoints.map((c) => {
      const answer = v.answers.find((a) => a.checkpoint === c.kind);
      return { ...c, answer: answer ? { body: answer.body, answeredAt: answer.answered_at } : null };
    }),
    pendingExtension: v.pendingExtension,
    version: d.version,
    can: directivePolicy.actionsOn(actor, v.facts, { done: v.done, pendingExtension: v.pendingExtension }),
  };
}

export function presentDirectiveFile(f: DirectiveFileRow): DirectiveFile {
  return {
    id: f.id,
    checkpoint: f.checkpoint,
    filename: f.filename,
    mime: f.mime,
    size: f.size,
    createdAt: f.created_at,
  };
}

export function presentDirectiveDetail(v: Detail, actor: Actor): DirectiveDetail {
  return {
    ...presentDirective(v, actor),
    files: v.files.map(presentDirectiveFile),
    extensions: v.extensions.map((e) => ({
      id: e.id,
      reason: e.reason,
      progress: e.progress,
      newDate: e.new_date,
      status: e.status,
      requestedAt: e.requested_at,
      decidedAt: e.decided_at,
      decisionNote: e.decision_note,
      version: e.version,
    })),
    notices: v.notices.map((n) => ({
      id: n.id,
      checkpoint: n.checkpoint,
      body: n.body,
      issuedAt: n.issued_at,
    })),
  };
}

export function presentDirectiveUrge({ urge, checkpoint }: OpenDirectiveUrge): DirectiveUrge {
  return {
    id: urge.id,
    directiveId: urge.directive_id,
    content: urge.content,
    unit: { id: urge.unit_id, name: urge.unit_name },
    checkpoint: urge.checkpoint,
    dueDate: checkpoint.dueDate,
    daysLate: checkpoint.daysLate,
    body: urge.body,
    issuedAt: urge.issued_at,
  };
}
