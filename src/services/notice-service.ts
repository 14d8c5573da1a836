import { newId } from '../db/ids.js';
import { getNotice, insertNotice, listNotices } from '../db/repositories/notice-repository.js';
import type { NoticeKind, NoticeRow, NoticeStatus } from '../db/schema.js';

export type { NoticeRow };
import type { DeadlineChoice } from '../domain/follow-up.js';
import { isNoticeOpen, RESPONSE_DAYS } from '../domain/notices.js';
import { demand, demandRegion, noticeFor, taskFor } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as noticePolicy from './policies/notice.js';
import { seesWholeRegion } from './policies/scope.js';
import * as taskPolicy from './policies/task.js';
import { updateAudited } from './versioned-write.js';
import { deadlineOf } from './work-calendar.js';

export interface NoticeInput extends DeadlineChoice {
  kind: NoticeKind;
  body: string;
}

export async function issueNotice(
  ctx: ServiceContext,
  actor: Actor,
  taskId: string,
  input: NoticeInput,
): Promise<NoticeRow> {
  const task = await taskFor(ctx, actor, taskId);
  demand(
    taskPolicy.can(actor, 'notify', {
      regionId: task.region_id,
      leadUnitId: task.lead_unit_id,
      coUnitIds: [],
    }),
  );
  const unitId = task.lead_unit_id;
  if (!unitId) throw fail('task.no_lead_unit');
  const responseDue = (await deadlineOf(ctx, input, RESPONSE_DAYS[input.kind]))!;
  const id = newId('ntc');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertNotice(trx, {
      id,
      region_id: task.region_id,
      task_id: taskId,
      unit_id: unitId,
      kind: input.kind,
      body: input.body,
      reason: null,
      period: null,
      issued_by: actor.accountId,
      issued_at: nowIso(ctx),
      response_due: responseDue,
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
      data: { noticeId: id, ...input, responseDue },
    });
  });
  return (await getNotice(db(ctx), id))!;
}

export interface NoticeFilter {
  status?: NoticeStatus | undefined;
  taskId?: string | undefined;
  unitId?: string | undefined;
  kind?: NoticeKind | undefined;
  /** Only notices not yet closed. */
  open?: boolean | undefined;
  /** Only unanswered notices past their deadline (逾期). */
  overdue?: boolean | undefined;
}

/** A region's notices as the caller may see them: all for region-wide readers, their own unit's otherwise. */
export async function noticesOf(ctx: ServiceContext, actor: Actor, regionId: string, filter: NoticeFilter) {
  demandRegion(actor, regionId);
  demand(noticePolicy.can(actor, 'list', { regionId, unitId: null, status: 'issued' }));
  const own = seesWholeRegion(actor) ? undefined : (actor.unitId ?? undefined);
  // A unit's staff asking for another unit's notices get none, not an error: the filter just matches nothing.
  if (own && filter.unitId && filter.unitId !== own) return [];
  const unitId = own ?? filter.unitId;
  return listNotices(db(ctx), {
    regionId,
    ...(unitId && { unitId }),
    ...(filter.status && { status: filter.status }),
    ...(filter.taskId && { taskId: filter.taskId }),
    ...(filter.kind && { kind: filter.kind }),
    ...(filter.open && { open: true }),
    ...(filter.overdue && { overdueOn: today(ctx) }),
  });
}

function factsOf(notice: NoticeRow): noticePolicy.NoticeFacts {
  return { regionId: notice.region_id, unitId: notice.unit_id, status: notice.status };
}

export async function respondToNotice(
  ctx: ServiceContext,
  actor: Actor,
  noticeId: string,
  expectedVersion: number | undefined,
  response: string,
): Promise<NoticeRow> {
  const notice = await noticeFor(ctx, actor, noticeId);
  demand(noticePolicy.can(actor, 'respond', factsOf(notice)));
  if (!isNoticeOpen(notice.status)) throw fail('notice.closed');
  return updateAudited(ctx, actor, {
    table: 'notices',
    id: noticeId,
    expectedVersion: expectedVersion ?? notice.version,
    patch: { response, responded_by: actor.accountId, responded_at: nowIso(ctx), status: 'responded' },
    read: getNotice,
    audit: {
      regionId: notice.region_id,
      action: 'notice.respond',
      entity: 'task',
      entityId: notice.task_id,
      data: { noticeId, response },
    },
  });
}

export async function closeNotice(
  ctx: ServiceContext,
  actor: Actor,
  noticeId: string,
  expectedVersion: number | undefined,
): Promise<NoticeRow> {
  const notice = await noticeFor(ctx, actor, noticeId);
  demand(noticePolicy.can(actor, 'close', factsOf(notice)));
  if (!isNoticeOpen(notice.status)) throw fail('notice.closed');
  return updateAudited(ctx, actor, {
    table: 'notices',
    id: noticeId,
    expectedVersion: expectedVersion ?? notice.version,
    patch: { status: 'closed' },
    read: getNotice,
    audit: {
      regionId: notice.region_id,
      action: 'notice.close',
      entity: 'task',
      entityId: notice.task_id,
      data: { noticeId },
    },
  });
}
