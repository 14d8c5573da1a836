import { overdueDays } from '../../../domain/follow-up.js';
import type { Actor } from '../../../services/actor.js';
import type { InstructionRecord } from '../../../services/instruction-service.js';
import * as instructionPolicy from '../../../services/policies/instruction.js';
import type { Instruction } from './schema.js';

/** `asOf` is today's date in Shanghai: an unanswered instruction past its deadline is shown as overdue. */
export function presentInstruction(i: InstructionRecord, actor: Actor, asOf: string): Instruction {
  return {
    id: i.id,
    taskId: i.task_id,
    taskCode: i.task_code,
    taskTitle: i.task_title,
    authorName: i.author_name,
    body: i.body,
    createdAt: i.created_at,
    unitId: i.unit_id,
    unitName: i.unit_name,
    responseDue: i.response_due,
    status: i.status,
    reply: i.reply,
    repliedAt: i.replied_at,
    overdueDays: i.unit_id === null ? 0 : overdueDays(i.response_due, i.status !== 'issued', asOf),
    version: i.version,
    can: instructionPolicy.actionsOn(actor, { regionId: i.region_id, unitId: i.unit_id, status: i.status }),
  };
}
