import type { InstructionRecord } from '../../../services/instruction-service.js';
import type { Instruction } from './schema.js';

export function presentInstruction(i: InstructionRecord): Instruction {
  return { id: i.id, taskId: i.task_id, authorName: i.author_name, body: i.body, createdAt: i.created_at };
}
