import { getAdjustment } from '../db/repositories/assessment-repository.js';
import { newId } from '../db/ids.js';
import {
  getAccountabilityRecord,
  insertAccountabilityRecord,
  listAccountabilityRecords,
  type AccountabilityRecord,
} from '../db/repositories/accountability-repository.js';
import { getNotice } from '../db/repositories/notice-repository.js';
import { getTask } from '../db/repositories/task-repository.js';
import { getUnit } from '../db/repositories/unit-repository.js';
import type { AccountabilityKind, AccountabilityMeasure } from '../domain/accountability.js';
import { accountabilityFor, demand, demandRegion } from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as accountabilityPolicy from './policies/accountability.js';
import { seesWholeRegion } from './policies/scope.js';
import { definedFields, updateAudited } from './versioned-write.js';

export type { AccountabilityRecord };

export interface AccountabilityInput {
  unitId: string;
  personName?: string | undefined;
  personPost?: string | undefined;
  kind: AccountabilityKind;
  facts: string;
  decision: string;
  decidedBy: string;
  decidedOn: string;
  measures: AccountabilityMeasure[];
  taskId?: string | null | undefined;
  noticeId?: string | null | undefined;
  assessmentItemId?: string | null | undefined;
}

/** The unit and the links must be the region's own: a record never points across the tenant wall. */
async function checkReferences(
  ctx: ServiceContext,
  regionId: string,
  input: Partial<AccountabilityInput>,
): Promise<void> {
  if (input.unitId !== undefined) {
    const unit = await getUnit(db(ctx), input.unitId);
    if (unit?.region_id !== regionId) throw fail('unit.unknown', {}, { field: 'unitId' });
  }
  if (input.taskId) {
    const task = await getTask(db(ctx), input.taskId);
    if (task?.region_id !== regionId) throw fail('accountability.link_unknown', {}, { field: 'taskId' });
  }
  if (input.noticeId) {
    const notice = await getNotice(db(ctx), input.noticeId);
    if (notice?.region_id !== regionId) throw fail('accountability.link_unknown', {}, { field: 'noticeId' });
  }
  if (input.assessmentItemId) {
    const item = await getAdjustment(db(ctx), input.assessmentItemId);
    if (item?.region_id !== regionId)
      throw fail('accountability.link_unknown', {}, { field: 'assessmentItemId' });
  }
}

/** Every record of the region for region-wide readers (oversight among them); a unit's own otherwise. */
export async function accountabilityOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: { unitId?: string | undefined },
): Promise<AccountabilityRecord[]> {
  demandRegion(actor, regionId);
  demand(accountabilityPolicy.can(actor, 'list', { regionId, unitId: null }));
  const own = seesWholeRegion(actor) ? undefined : (actor.unitId ?? undefined);
  if (own && filter.unitId && filter.unitId !== own) return [];
  const unitId = own ?? filter.unitId;
  return listAccountabilityRecords(db(ctx), { regionId, ...(unitId && { unitId }) });
}

export function accountabilityRecord(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<AccountabilityRecord> {
  return accountabilityFor(ctx, actor, id);
}

export async function recordAccountability(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: AccountabilityInput,
): Promise<AccountabilityRecord> {
  demandRegion(actor, regionId);
  demand(accountabilityPolicy.can(actor, 'create', { regionId, unitId: input.unitId }));
  await checkReferences(ctx, regionId, input);
  const id = newId('acc');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertAccountabilityRecord(trx, {
      id,
      region_id: regionId,
      unit_id: input.unitId,
      person_name: input.personName || null,
      person_post: input.personPost || null,
      kind: input.kind,
      facts: input.facts,
      decision: input.decision,
      decided_by: input.decidedBy,
      decided_on: input.decidedOn,
      measures: JSON.stringify(input.measures),
      task_id: input.taskId ?? null,
      notice_id: input.noticeId ?? null,
      assessment_item_id: input.assessmentItemId ?? null,
      created_by: actor.accountId,
      created_at: nowIso(ctx),
    });
    await audit({
      regionId,
      action: 'accountability.record',
      entity: 'accountability',
      entityId: id,
      data: input,
    });
  });
  return (await getAccountabilityRecord(db(ctx), id))!;
}

export async function reviseAccountability(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: Partial<AccountabilityInput>,
): Promise<AccountabilityRecord> {
  const record = await accountabilityFor(ctx, actor, id);
  demand(accountabilityPolicy.can(actor, 'edit', { regionId: record.region_id, unitId: record.unit_id }));
  await checkReferences(ctx, record.region_id, input);
  const patch = definedFields({
    unit_id: input.unitId,
    person_name: input.personName === undefined ? undefined : input.personName || null,
    person_post: input.personPost === undefined ? undefined : input.personPost || null,
    kind: input.kind,
    facts: input.facts,
    decision: input.decision,
    decided_by: input.decidedBy,
    decided_on: input.decidedOn,
    measures: input.measures && JSON.stringify(input.measures),
    task_id: input.taskId,
    notice_id: input.noticeId,
    assessment_item_id: input.assessmentItemId,
  });
  return updateAudited(ctx, actor, {
    table: 'accountability_records',
    id,
    expectedVersion,
    patch,
    read: getAccountabilityRecord,
    audit: {
      regionId: record.region_id,
      action: 'accountability.revise',
      entity: 'accountability',
      entityId: id,
      data: input,
    },
  });
}
