import { newId } from '../db/ids.js';
import { getMilestone, insertMilestones, nextMilestoneSeq } from '../db/repositories/milestone-repository.js';
import type { MilestoneRow, TaskRow } from '../db/schema.js';
import { demand, milestoneFor, taskFor } from './access.js';
import type { Actor } from './actor.js';
import { today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as milestonePolicy from './policies/milestone.js';
import { definedFields, updateAudited } from './versioned-write.js';

export type { MilestoneRow };

export interface NewMilestoneInput {
  title: string;
  dueDate: string;
}

export interface MilestoneInput {
  title?: string | undefined;
  dueDate?: string | undefined;
  doneDate?: string | null | undefined;
}

function demandRoadmap(actor: Actor, task: TaskRow): void {
  demand(
    milestonePolicy.can(actor, 'edit_roadmap', { regionId: task.region_id, leadUnitId: task.lead_unit_id }),
    'access.lead_unit_or_office',
  );
}

/** A node (节点) of the task's roadmap. */
export async function addMilestone(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: NewMilestoneInput,
): Promise<MilestoneRow> {
  const task = await taskFor(ctx, actor, taskId);
  demandRoadmap(actor, task);
  const id = newId('ms');
  return write(ctx, actor, async ({ trx, audit }) => {
    const seq = await nextMilestoneSeq(trx, taskId);
    await insertMilestones(trx, [
      {
        id,
        region_id: task.region_id,
        task_id: taskId,
        seq,
        title: input.title,
        due_date: input.dueDate,
        done_date: null,
      },
    ]);
    await audit({
      regionId: task.region_id,
      action: 'milestone.create',
      entity: 'task',
      entityId: taskId,
      data: { milestoneId: id, ...input },
    });
    return (await getMilestone(trx, id))!;
  });
}

export async function updateMilestone(
  ctx: ServiceContext,
  actor: Actor,
  milestoneId: string,
  expectedVersion: number,
  input: MilestoneInput,
): Promise<MilestoneRow> {
  const { task } = await milestoneFor(ctx, actor, milestoneId);
  demandRoadmap(actor, task);
  // Marked done late is fine; done on a day still to come is not yet done.
  const now = today(ctx);
  if (input.doneDate && input.doneDate > now) throw fail('milestone.done_in_future', { today: now });
  return updateAudited(ctx, actor, {
    table: 'milestones',
    id: milestoneId,
    expectedVersion,
    patch: definedFields({ title: input.title, due_date: input.dueDate, done_date: input.doneDate }),
    read: getMilestone,
    audit: {
      regionId: task.region_id,
      action: 'milestone.update',
      entity: 'task',
      entityId: task.id,
      data: { milestoneId, ...input },
    },
  });
}
