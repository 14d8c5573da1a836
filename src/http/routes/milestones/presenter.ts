import type { MilestoneRow } from '../../../services/milestone-service.js';
import type { Milestone } from './schema.js';

export function presentMilestone(m: MilestoneRow): Milestone {
  return {
    id: m.id,
    taskId: m.task_id,
    seq: m.seq,
    title: m.title,
    dueDate: m.due_date,
    doneDate: m.done_date,
    version: m.version,
  };
}
