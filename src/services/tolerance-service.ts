import { newId } from '../db/ids.js';
import {
  getToleranceRequest,
  insertToleranceRequest,
  listToleranceRequests,
  liveToleranceRequestOn,
  type ToleranceRequest,
} from '../db/repositories/accountability-repository.js';
import { listAttachments } from '../db/repositories/attachment-repository.js';
import { getNotice } from '../db/repositories/notice-repository.js';
import { coUnitsOf, getTask } from '../db/repositories/task-repository.js';
import type { AttachmentRow, ToleranceStatus } from '../db/schema.js';
import { isToleranceOpen, type ToleranceSourceKind } from '../domain/accountability.js';
import { demand, demandRegion, toleranceFor } from './access.js';
import type { Actor } from './actor.js';
import { attachFile } from './attachments.js';
import { db, nowIso, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import { seesWholeRegion } from './policies/scope.js';
import * as tolerancePolicy from './policies/tolerance.js';
import { updateAudited } from './versioned-write.js';

export type { AttachmentRow, ToleranceRequest };

export interface ToleranceInput {
  /** The applying unit; a unit's staff may leave it out (their own unit). */
  unitId?: string | undefined;
  sourceKind: ToleranceSourceKind;
  sourceId: string;
  situation: string;
  pilotReason: string;
  experimentReason: string;
  mistakeReason: string;
}

const factsOf = (r: ToleranceRequest): tolerancePolicy.ToleranceFacts => ({
  regionId: r.region_id,
  unitId: r.unit_id,
  status: r.status,
});

/**
 * The matter must be the unit's own: a notice addressed to it, a task it leads or co-operates on. An
 * assessment item belongs to the assessment (issue 10 §1), which checks the id when it applies the exemption.
 */
async function checkSource(
  ctx: ServiceContext,
  regionId: string,
  unitId: string,
  kind: ToleranceSourceKind,
  sourceId: string,
): Promise<void> {
  const refuse = () => fail('tolerance.source_unknown', {}, { field: 'sourceId' });
  if (kind === 'notice') {
    const notice = await getNotice(db(ctx), sourceId);
    if (notice?.region_id !== regionId || notice.unit_id !== unitId) throw refuse();
  } else if (kind === 'task') {
    const task = await getTask(db(ctx), sourceId);
    if (task?.region_id !== regionId) throw refuse();
    const coUnits = (await coUnitsOf(db(ctx), [sourceId])).get(sourceId) ?? [];
    if (task.lead_unit_id !== unitId && !coUnits.includes(unitId)) throw refuse();
  }
}

export async function toleranceRequestsOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: { unitId?: string | undefined; status?: ToleranceStatus | undefined },
): Promise<ToleranceRequest[]> {
  demandRegion(actor, regionId);
  demand(tolerancePolicy.can(actor, 'list', { regionId, unitId: null, status: 'submitted' }));
  const own = seesWholeRegion(actor) ? undefined : (actor.unitId ?? undefined);
  if (own && filter.unitId && filter.unitId !== own) return [];
  const unitId = own ?? filter.unitId;
  return listToleranceRequests(db(ctx), {
    regionId,
    ...(unitId && { unitId }),
    ...(filter.status && { status: filter.status }),
  });
}

export async function toleranceRequest(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ request: ToleranceRequest; files: AttachmentRow[] }> {
  const request = await toleranceFor(ctx, actor, id);
  return { request, files: await listAttachments(db(ctx), 'tolerance', id) };
}

export async function applyForTolerance(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: ToleranceInput,
): Promise<ToleranceRequest> {
  demandRegion(actor, regionId);
  const unitId = input.unitId ?? actor.unitId;
  if (!unitId) throw fail('unit.unknown', {}, { field: 'unitId' });
  demand(tolerancePolicy.can(actor, 'apply', { regionId, unitId, status: 'submitted' }));
  await checkSource(ctx, regionId, unitId, input.sourceKind, input.sourceId);
  if (await liveToleranceRequestOn(db(ctx), input.sourceKind, input.sourceId))
    throw fail('tolerance.duplicate');
  const id = newId('tol');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertToleranceRequest(trx, {
      id,
      region_id: regionId,
      unit_id: unitId,
      source_kind: input.sourceKind,
      source_id: input.sourceId,
      situation: input.situation,
      pilot_reason: input.pilotReason,
      experiment_reason: input.experimentReason,
      mistake_reason: input.mistakeReason,
      status: 'submitted',
      decision_note: null,
      decided_by: null,
      decided_at: null,
      created_by: actor.accountId,
      created_at: nowIso(ctx),
    });
    await audit({ regionId, action: 'tolerance.apply', entity: 'tolerance', entityId: id, data: input });
  });
  return (await getToleranceRequest(db(ctx), id))!;
}

/** Evidence for a request, while the office has not decided it. */
export async function attachToTolerance(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  filename: string,
  bytes: Buffer,
): Promise<AttachmentRow> {
  const request = await toleranceFor(ctx, actor, id);
  demand(tolerancePolicy.can(actor, 'apply', { ...factsOf(request), status: 'submitted' }));
  if (!isToleranceOpen(request.status)) throw fail('attachment.closed');
  return attachFile(ctx, actor, {
    regionId: request.region_id,
    ownerKind: 'tolerance',
    ownerId: id,
    filename,
    bytes,
    audit: { action: 'tolerance.attach', entity: 'tolerance', entityId: id },
  });
}

/** The office's decision on one case (一事一议): granted, the related deductions leave the assessment. */
export async function decideTolerance(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  decision: { grant: boolean; note: string },
): Promise<ToleranceRequest> {
  const request = await toleranceFor(ctx, actor, id);
  demand(tolerancePolicy.can(actor, 'decide', { ...factsOf(request), status: 'submitted' }));
  if (!isToleranceOpen(request.status)) throw fail('tolerance.decided');
  return updateAudited(ctx, actor, {
    table: 'tolerance_requests',
    id,
    expectedVersion: expectedVersion ?? request.version,
    patch: {
      status: decision.grant ? 'granted' : 'refused',
      decision_note: decision.note,
      decided_by: actor.accountId,
      decided_at: nowIso(ctx),
    },
    read: getToleranceRequest,
    audit: {
      regionId: request.region_id,
      action: decision.grant ? 'tolerance.grant' : 'tolerance.refuse',
      entity: 'tolerance',
      entityId: id,
      data: decision,
    },
  });
}
