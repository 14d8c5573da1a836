import { newId } from '../db/ids.js';
import {
  getNotice,
  insertInstruction,
  insertNotice,
  listInstructions,
  listNotices,
} from '../db/repositories/notice-repository.js';
import { updateVersioned } from '../db/repositories/versioned.js';
import type { NoticeKind, NoticeRow, NoticeStatus } from '../db/schema.js';
import { addDays } from '../domain/calendar.js';
import { assertOffice, assertRegion, assertRole, isAdmin, seesWholeRegion, type Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { conflict, forbidden, notFound, StaleVersionError } from './errors.js';
import { loadTaskFor } from './task-service.js';

/** Days a unit has to answer, by how serious the notice is. */
export const RESPONSE_DAYS: Readonly<Record<NoticeKind, number>> = {
  reminder: 7,
  urge: 5,
  supervise: 3,
  listed: 3,
};

export async function issueNotice(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: { kind: NoticeKind; body: string; responseDue?: string | undefined },
): Promise<NoticeRow> {
  const task = await loadTaskFor(ctx, actor, taskId);
  assertOffice(actor, task.region_id);
  if (!task.lead_unit_id) throw conflict('任务尚未确定牵头单位，无法督办 (task has no lead unit)');
  const id = newId('ntc');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertNotice(trx, {
      id,
      region_id: task.region_id,
      task_id: taskId,
      unit_id: task.lead_unit_id!,
      kind: input.kind,
      body: input.body,
      reason: null,
      period: null,
      issued_by: actor.accountId,
      issued_at: nowIso(ctx),
      response_due: input.responseDue ?? addDays(today(ctx), RESPONSE_DAYS[input.kind]),
      response: null,
      responded_by: null,
      responded_at: null,
      status: 'issued',
    });
    await audit({
      regionId: task.region_id,
      action: 'notice.issue',
      entity: 'task',
      entityId: taskId,
      data: { noticeId: id, ...input },
    });
  });
  return (await getNotice(db(ctx), id))!;
}

export async function noticesOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: { status?: NoticeStatus | undefined; taskId?: string | undefined },
) {
  assertRegion(actor, regionId);
  const unitId = seesWholeRegion(actor) ? undefined : actor.unitId;
  if (!seesWholeRegion(actor) && !unitId) throw forbidden();
  return listNotices(db(ctx), {
    regionId,
    ...(unitId && { unitId }),
    ...(filter.status && { status: filter.status }),
    ...(filter.taskId && { taskId: filter.taskId }),
  });
}

async function loadNoticeFor(ctx: ServiceContext, actor: Actor, noticeId: string): Promise<NoticeRow> {
  const notice = await getNotice(db(ctx), noticeId);
  if (!notice) throw notFound('督办通知');
  assertRegion(actor, notice.region_id);
  if (!seesWholeRegion(actor) && actor.unitId !== notice.unit_id) throw notFound('督办通知');
  return notice;
}

export async function respondToNotice(
  ctx: ServiceContext,
  actor: Actor,
  noticeId: string,
  expectedVersion: number | undefined,
  response: string,
): Promise<NoticeRow> {
  const notice = await loadNoticeFor(ctx, actor, noticeId);
  assertRole(actor, ['unit_head', 'reporter']);
  if (!isAdmin(actor) && actor.unitId !== notice.unit_id) throw forbidden();
  if (notice.status === 'closed') throw conflict('通知已办结 (notice closed)');
  await write(ctx, actor, async ({ trx, audit }) => {
    const ok = await updateVersioned(trx, 'notices', noticeId, expectedVersion ?? notice.version, {
      response,
      responded_by: actor.accountId,
      responded_at: nowIso(ctx),
      status: 'responded',
    });
    if (!ok) throw new StaleVersionError(await getNotice(trx, noticeId));
    await audit({
      regionId: notice.region_id,
      action: 'notice.respond',
      entity: 'task',
      entityId: notice.task_id,
      data: { noticeId, response },
    });
  });
  return (await getNotice(db(ctx), noticeId))!;
}

export async function closeNotice(
  ctx: ServiceContext,
  actor: Actor,
  noticeId: string,
  expectedVersion: number | undefined,
): Promise<NoticeRow> {
  const notice = await loadNoticeFor(ctx, actor, noticeId);
  assertOffice(actor, notice.region_id);
  if (notice.status === 'closed') throw conflict('通知已办结 (notice closed)');
  await write(ctx, actor, async ({ trx, audit }) => {
    if (
      !(await updateVersioned(trx, 'notices', noticeId, expectedVersion ?? notice.version, {
        status: 'closed',
      }))
    )
      throw new StaleVersionError(await getNotice(trx, noticeId));
    await audit({
      regionId: notice.region_id,
      action: 'notice.close',
      entity: 'task',
      entityId: notice.task_id,
      data: { noticeId },
    });
  });
  return (await getNotice(db(ctx), noticeId))!;
}

export async function addInstruction(ctx: ServiceContext, actor: Actor, taskId: string, body: string) {
  const task = await loadTaskFor(ctx, actor, taskId);
  assertRegion(actor, task.region_id);
  assertRole(actor, ['leader']);
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

export function instructionsOf(ctx: ServiceContext, taskId: string) {
  return listInstructions(db(ctx), taskId);
}
