import { newId } from '../db/ids.js';
import { insertInstruction, listInstructions } from '../db/repositories/instruction-repository.js';
import type { InstructionRow } from '../db/schema.js';

/** An instruction as it is read back: with its author's name. */
export type InstructionRecord = InstructionRow & { author_name: string };
import { demand, taskFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import * as taskPolicy from './policies/task.js';

/** A leader's instruction (批示) on a task. */
export async function addInstruction(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  body: string,
): Promise<InstructionRecord> {
  const task = await taskFor(ctx, actor, taskId);
  demand(
    taskPolicy.can(actor, 'instruct', {
      regionId: task.region_id,
      leadUnitId: task.lead_unit_id,
      coUnitIds: [],
    }),
  );
  const id = newId('ins');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertInstruction(trx, {
      id,
      region_id: task.region_id,
      task_id: taskId,
      author_id: actor.accountId,
      body,
      created_at: nowIso(ctx),
    });
    await audit({
      regionId: task.region_id,
      action: 'instruction.add',
      entity: 'task',
      entityId: taskId,
      data: { instructionId: id, body },
    });
  });
  return (await listInstructions(db(ctx), taskId)).find((i) => i.id === id)!;
}
