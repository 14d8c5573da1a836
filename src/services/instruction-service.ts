import { newId } from '../db/ids.js';
import {
  getInstruction,
  insertInstruction,
  listAddressedInstructions,
  type InstructionRecord,
} from '../db/repositories/instruction-repository.js';
import { coUnitsOf } from '../db/repositories/task-repository.js';
import type { DeadlineChoice } from '../domain/follow-up.js';
import { demand, demandRegion, instructionFor, taskFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as instructionPolicy from './policies/instruction.js';
import { seesWholeRegion } from './policies/scope.js';
import * as taskPolicy from './policies/task.js';
import { updateAudited } from './versioned-write.js';
import { deadlineOf } from './work-calendar.js';

export type { InstructionRecord };

export interface InstructionInput extends DeadlineChoice {
  body: string;
  /** The unit asked to act; the task's lead unit when left out. */
  unitId?: string | undefined;
}

/**
 * A leader's instruction (批示) on a task, addressed to one of the task's units (the lead unit unless the
 * leader names a co-operating one), with an optional deadline in working days or as a date.
 */
export async function addInstruction(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: InstructionInput,
): Promise<InstructionRecord> {
  const task = await taskFor(ctx, actor, taskId);
  demand(
    taskPolicy.can(actor, 'instruct', {
      regionId: task.region_id,
      leadUnitId: task.lead_unit_id,
      coUnitIds: [],
    }),
  );
  const unitId = input.unitId ?? task.lead_unit_id;
  if (!unitId) throw fail('instruction.no_addressee');
  if (unitId !== task.lead_unit_id) {
    const coUnits = (await coUnitsOf(db(ctx), [taskId])).get(taskId) ?? [];
    if (!coUnits.includes(unitId)) throw fail('instruction.addressee_not_on_task');
  }
  const responseDue = await deadlineOf(ctx, input, null);
  const id = newId('ins');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertInstruction(trx, {
      id,
      region_id: task.region_id,
      task_id: taskId,
      author_id: actor.accountId,
      body: input.body,
      created_at: nowIso(ctx),
      unit_id: unitId,
      response_due: responseDue,
      reply: null,
      replied_by: null,
      replied_at: null,
      status: 'issued',
    });
    await audit({
      regionId: task.region_id,
      action: 'instruction.add',
      entity: 'task',
      entityId: taskId,
      data: { instructionId: id, body: input.body, unitId, responseDue },
    });
  });
  return (await getInstruction(db(ctx), id))!;
}

export interface InstructionFilter {
  unitId?: string | undefined;
  /** Only those still waiting for the unit's reply. */
  open?: boolean | undefined;
  /** Only unanswered ones past their deadline (逾期). */
  overdue?: boolean | undefined;
}

/** A region's addressed instructions as the caller may see them: all for region-wide readers, their unit's otherwise. */
export async function instructionsOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: InstructionFilter,
): Promise<InstructionRecord[]> {
  demandRegion(actor, regionId);
  demand(instructionPolicy.can(actor, 'list', { regionId, unitId: null, status: 'issued' }));
  const own = seesWholeRegion(actor) ? undefined : (actor.unitId ?? undefined);
  if (own && filter.unitId && filter.unitId !== own) return [];
  const unitId = own ?? filter.unitId;
  const rows = await listAddressedInstructions(db(ctx), {
    regionId,
    ...(unitId && { unitId }),
    ...((filter.open || filter.overdue) && { status: 'issued' as const }),
  });
  if (!filter.overdue) return rows;
  const asOf = today(ctx);
  return rows.filter((i) => i.response_due !== null && i.response_due < asOf);
}

export async function replyToInstruction(
  ctx: ServiceContext,
  actor: Actor,
  instructionId: string,
  expectedVersion: number | undefined,
  reply: string,
): Promise<InstructionRecord> {
  const instruction = await instructionFor(ctx, actor, instructionId);
  const facts = { regionId: instruction.region_id, unitId: instruction.unit_id, status: instruction.status };
  demand(instructionPolicy.can(actor, 'reply', facts));
  if (instruction.status !== 'issued') throw fail('instruction.replied');
  return updateAudited(ctx, actor, {
    table: 'instructions',
    id: instructionId,
    expectedVersion: expectedVersion ?? instruction.version,
    patch: { reply, replied_by: actor.accountId, replied_at: nowIso(ctx), status: 'replied' },
    read: getInstruction,
    audit: {
      regionId: instruction.region_id,
      action: 'instruction.reply',
      entity: 'task',
      entityId: instruction.task_id,
      data: { instructionId, reply },
    },
  });
}
