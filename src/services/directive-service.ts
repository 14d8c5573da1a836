import { newId } from '../db/ids.js';
import {
  directiveCoUnits,
  directiveIdOfInstruction,
  directivesOfDecisions,
  extensionsOf,
  filesOfDirective,
  getDirective,
  getExtension,
  insertAnswer,
  insertDirective,
  insertDirectiveCoUnits,
  insertDirectiveFile,
  insertExtension,
  listDirectives,
  noticesOfDirective,
  pendingExtensionIds,
  setExtendedTo,
  unansweredUrgesOf,
  type DirectiveRecord,
  type DirectiveUrgeRecord,
} from '../db/repositories/directive-repository.js';
import type {
  DirectiveCheckpointKind,
  DirectiveExtensionRow,
  DirectiveFileRow,
  DirectiveNoticeRow,
} from '../db/schema.js';
import { extensionProblem, type CheckpointState, type DirectiveCheckpoint } from '../domain/directives.js';
import {
  decisionFor,
  demand,
  demandRegion,
  directiveFileFor,
  directiveFor,
  extensionFor,
  instructionFor,
  type LoadedDirective,
} from './access.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { progressOfMany, type DirectiveProgress } from './directive-progress.js';
import { checkAssignedUnits } from './directive-units.js';
import { fail, StaleVersionError } from './errors.js';
import { acceptUpload, storedPath } from './file-store.js';
import * as directivePolicy from './policies/directive.js';
import * as meetingPolicy from './policies/meeting.js';
import { seesWholeRegion } from './policies/scope.js';
import { updateRow } from './versioned-write.js';

export type { DirectiveExtensionRow, DirectiveFileRow, DirectiveNoticeRow, DirectiveRecord };

/** A directive with where it stands, as a list row shows it. */
export interface DirectiveView extends DirectiveProgress {
  directive: DirectiveRecord;
  coUnits: { id: string; name: string }[];
  pendingExtension: boolean;
  facts: directivePolicy.DirectiveFacts;
}

export interface DirectiveDetail extends DirectiveView {
  files: DirectiveFileRow[];
  extensions: DirectiveExtensionRow[];
  notices: DirectiveNoticeRow[];
}

export interface DirectiveFilter {
  unitId?: string | undefined;
  meetingId?: string | undefined;
  state?: CheckpointState | undefined;
}

/** A region's directives as the caller may see them: every one for region-wide readers, their unit's otherwise. */
export async function directivesOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  filter: DirectiveFilter,
): Promise<DirectiveView[]> {
  demandRegion(actor, regionId);
  demand(directivePolicy.can(actor, 'list', { regionId, leadUnitId: null, coUnitIds: [] }));
  const own = seesWholeRegion(actor) ? undefined : (actor.unitId ?? undefined);
  if (own && filter.unitId && filter.unitId !== own) return [];
  const unitId = own ?? filter.unitId;
  const rows = await listDirectives(db(ctx), {
    regionId,
    ...(unitId && { unitId }),
    ...(filter.meetingId && { meetingId: filter.meetingId }),
  });
  const ids = rows.map((r) => r.id);
  const [coUnits, pending, progress] = await Promise.all([
    directiveCoUnits(db(ctx), ids),
    pendingExtensionIds(db(ctx), ids),
    progressOfMany(ctx, regionId, rows),
  ]);
  const views = rows.map((directive) => {
    const co = coUnits.get(directive.id) ?? [];
    return {
      directive,
      coUnits: co,
      pendingExtension: pending.has(directive.id),
      facts: { regionId, leadUnitId: directive.lead_unit_id, coUnitIds: co.map((u) => u.id) },
      ...progress.get(directive.id)!,
    };
  });
  return filter.state ? views.filter((v) => v.state === filter.state) : views;
}

/** An urge still waiting for its checkpoint's answer, with the checkpoint as it stands today. */
export interface OpenDirectiveUrge {
  urge: DirectiveUrgeRecord;
  checkpoint: DirectiveCheckpoint;
}

/**
 * The urges (催办) still open in a region: their checkpoint shows nothing yet, neither its own answer nor a
 * later stage's. Unit staff see those addressed to their unit, region-wide readers every one, so a unit's
 * 督办 inbox holds them beside its notices until the lead unit answers on the directive's page.
 */
export async function openDirectiveUrges(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<OpenDirectiveUrge[]> {
  demandRegion(actor, regionId);
  demand(directivePolicy.can(actor, 'list', { regionId, leadUnitId: null, coUnitIds: [] }));
  const own = seesWholeRegion(actor) ? undefined : (actor.unitId ?? undefined);
  const urges = await unansweredUrgesOf(db(ctx), regionId, own);
  const directives = new Map(urges.map((u) => [u.directive_id, { ...u, id: u.directive_id }]));
  const progress = await progressOfMany(ctx, regionId, [...directives.values()]);
  const open: OpenDirectiveUrge[] = [];
  for (const urge of urges) {
    const checkpoint = progress.get(urge.directive_id)!.checkpoints.find((c) => c.kind === urge.checkpoint);
    if (checkpoint && checkpoint.doneOn === null) open.push({ urge, checkpoint });
  }
  return open;
}

async function detailOf(ctx: ServiceContext, loaded: LoadedDirective): Promise<DirectiveDetail> {
  const { directive, coUnits, facts } = loaded;
  const [files, extensions, notices, progress] = await Promise.all([
    filesOfDirective(db(ctx), directive.id),
    extensionsOf(db(ctx), directive.id),
    noticesOfDirective(db(ctx), directive.id),
    progressOfMany(ctx, directive.region_id, [directive]),
  ]);
  return {
    directive,
    coUnits,
    facts,
    pendingExtension: extensions.some((e) => e.status === 'pending'),
    files,
    extensions,
    notices,
    ...progress.get(directive.id)!,
  };
}

export async function directiveDetail(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<DirectiveDetail> {
  return detailOf(ctx, await directiveFor(ctx, actor, id));
}

export interface DirectiveInput {
  /** The directive's wording; the decision's or the instruction's own when left out. */
  content?: string | undefined;
  leadUnitId: string;
  coUnitIds?: string[] | undefined;
  deadline: string;
}

async function create(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  source: { meetingDecisionId: string } | { instructionId: string },
  content: string,
  input: DirectiveInput,
): Promise<DirectiveDetail> {
  const coUnitIds = [...new Set(input.coUnitIds ?? [])];
  await checkAssignedUnits(ctx, regionId, input.leadUnitId, coUnitIds);
  const assignedOn = today(ctx);
  if (input.deadline < assignedOn)
    throw fail('directive.deadline_before_assigned', {}, { field: 'deadline' });
  const id = newId('dir');
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertDirective(trx, {
      id,
      region_id: regionId,
      source: 'meetingDecisionId' in source ? 'meeting' : 'instruction',
      meeting_decision_id: 'meetingDecisionId' in source ? source.meetingDecisionId : null,
      instruction_id: 'instructionId' in source ? source.instructionId : null,
      content,
      lead_unit_id: input.leadUnitId,
      assigned_on: assignedOn,
      deadline: input.deadline,
      extended_to: null,
      created_by: actor.accountId,
      created_at: nowIso(ctx),
    });
    await insertDirectiveCoUnits(trx, regionId, id, coUnitIds);
    await audit({
      regionId,
      action: 'directive.create',
      entity: 'directive',
      entityId: id,
      data: { ...source, content, leadUnitId: input.leadUnitId, coUnitIds, deadline: input.deadline },
    });
  });
  return directiveDetail(ctx, actor, id);
}

/** A meeting's decision handed to units as a directive, in one step. */
export async function directiveFromDecision(
  ctx: ServiceContext,
  actor: Actor,
  decisionId: string,
  input: DirectiveInput,
): Promise<DirectiveDetail> {
  const { decision, meeting } = await decisionFor(ctx, actor, decisionId);
  demand(meetingPolicy.can(actor, 'assign_decision', { regionId: meeting.region_id }));
  demand(
    directivePolicy.can(actor, 'create', { regionId: meeting.region_id, leadUnitId: null, coUnitIds: [] }),
  );
  const taken = await directivesOfDecisions(db(ctx), [decisionId]);
  if (decision.task_id !== null || taken.has(decisionId)) throw fail('decision.assigned');
  return create(
    ctx,
    actor,
    meeting.region_id,
    { meetingDecisionId: decisionId },
    input.content ?? decision.content,
    input,
  );
}

/** A leader's instruction (批示) tracked as a directive: handed to its addressed unit unless the office names another. */
export async function directiveFromInstruction(
  ctx: ServiceContext,
  actor: Actor,
  instructionId: string,
  input: Partial<Pick<DirectiveInput, 'leadUnitId'>> & Omit<DirectiveInput, 'leadUnitId'>,
): Promise<DirectiveDetail> {
  const instruction = await instructionFor(ctx, actor, instructionId);
  const regionId = instruction.region_id;
  demand(directivePolicy.can(actor, 'create', { regionId, leadUnitId: null, coUnitIds: [] }));
  if (await directiveIdOfInstruction(db(ctx), instructionId)) throw fail('directive.instruction_taken');
  const leadUnitId = input.leadUnitId ?? instruction.unit_id;
  if (!leadUnitId) throw fail('instruction.no_addressee');
  return create(ctx, actor, regionId, { instructionId }, input.content ?? instruction.body, {
    ...input,
    leadUnitId,
  });
}

/** The lead unit's answer to a checkpoint: what was done, dated the day it answers (no backdating). */
export async function answerCheckpoint(
  ctx: ServiceContext,
  actor: Actor,
  directiveId: string,
  checkpoint: DirectiveCheckpointKind,
  body: string,
): Promise<DirectiveDetail> {
  const loaded = await directiveFor(ctx, actor, directiveId);
  demand(directivePolicy.can(actor, 'answer', loaded.facts));
  const { directive } = loaded;
  await write(ctx, actor, async ({ trx, audit }) => {
    const inserted = await insertAnswer(trx, {
      id: newId('dan'),
      region_id: directive.region_id,
      directive_id: directiveId,
      checkpoint,
      done_on: today(ctx),
      body,
      answered_by: actor.accountId,
      answered_at: nowIso(ctx),
    });
    if (!inserted) throw fail('directive.answered');
    await audit({
      regionId: directive.region_id,
      action: 'directive.answer',
      entity: 'directive',
      entityId: directiveId,
      data: { checkpoint, body },
    });
  });
  return detailOf(ctx, { ...loaded, directive: (await getDirective(db(ctx), directiveId))! });
}

/** Evidence for a checkpoint's answer, stored as reports' evidence is. */
export async function addCheckpointEvidence(
  ctx: ServiceContext,
  actor: Actor,
  directiveId: string,
  checkpoint: DirectiveCheckpointKind,
  filename: string,
  bytes: Buffer,
): Promise<DirectiveFileRow> {
  const { directive, facts } = await directiveFor(ctx, actor, directiveId);
  demand(directivePolicy.can(actor, 'answer', facts));
  const id = newId('dfile');
  const row = {
    id,
    region_id: directive.region_id,
    directive_id: directiveId,
    checkpoint,
    ...(await acceptUpload(ctx, actor, filename, bytes)),
  };
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertDirectiveFile(trx, row);
    await audit({
      regionId: directive.region_id,
      action: 'directive.evidence',
      entity: 'directive',
      entityId: directiveId,
      data: { checkpoint, fileId: id, filename, sha256: row.sha256 },
    });
  });
  return row;
}

export async function directiveEvidenceFor(
  ctx: ServiceContext,
  actor: Actor,
  fileId: string,
): Promise<{ file: DirectiveFileRow; path: string }> {
  const file = await directiveFileFor(ctx, actor, fileId);
  return { file, path: storedPath(ctx, file.sha256) };
}

export interface ExtensionInput {
  reason: string;
  progress: string;
  newDate: string;
}

/** The lead unit asks for more time: a new date for the 见效 checkpoint, why, and how far it has got. */
export async function requestExtension(
  ctx: ServiceContext,
  actor: Actor,
  directiveId: string,
  input: ExtensionInput,
): Promise<DirectiveDetail> {
  const loaded = await directiveFor(ctx, actor, directiveId);
  demand(directivePolicy.can(actor, 'request_extension', loaded.facts));
  const detail = await detailOf(ctx, loaded);
  if (detail.done) throw fail('directive.done');
  if (detail.pendingExtension) throw fail('extension.pending');
  const effectDue = detail.checkpoints.find((c) => c.kind === 'effect')!.dueDate;
  const problem = extensionProblem(effectDue, input.newDate, today(ctx));
  if (problem) throw fail(`extension.${problem}`, { due: effectDue }, { field: 'newDate' });
  const { directive } = loaded;
  await write(ctx, actor, async ({ trx, audit }) => {
    const id = newId('dext');
    await insertExtension(trx, {
      id,
      region_id: directive.region_id,
      directive_id: directiveId,
      reason: input.reason,
      progress: input.progress,
      new_date: input.newDate,
      status: 'pending',
      requested_by: actor.accountId,
      requested_at: nowIso(ctx),
      decided_by: null,
      decided_at: null,
      decision_note: null,
    });
    await audit({
      regionId: directive.region_id,
      action: 'directive.extension_request',
      entity: 'directive',
      entityId: directiveId,
      data: { extensionId: id, ...input },
    });
  });
  return detailOf(ctx, loaded);
}

/** The office approves (the 见效 checkpoint and the deadline move to the new date) or turns the request down. */
export async function decideExtension(
  ctx: ServiceContext,
  actor: Actor,
  extensionId: string,
  expectedVersion: number | undefined,
  decision: { approve: boolean; note?: string | undefined },
): Promise<DirectiveDetail> {
  const { extension, ...loaded } = await extensionFor(ctx, actor, extensionId);
  demand(directivePolicy.can(actor, 'decide_extension', loaded.facts));
  if (extension.status !== 'pending') throw fail('extension.decided');
  const { directive } = loaded;
  const stale = (e: unknown) => e instanceof StaleVersionError;
  await write(ctx, actor, async (scope) => {
    await updateRow(scope, {
      table: 'directive_extensions',
      id: extensionId,
      expectedVersion: expectedVersion ?? extension.version,
      patch: {
        status: decision.approve ? 'approved' : 'rejected',
        decided_by: actor.accountId,
        decided_at: nowIso(ctx),
        decision_note: decision.note ?? null,
      },
      read: getExtension,
      audit: {
        regionId: directive.region_id,
        action: decision.approve ? 'directive.extension_approve' : 'directive.extension_reject',
        entity: 'directive',
        entityId: directive.id,
        data: { extensionId, newDate: extension.new_date, note: decision.note ?? null },
      },
    });
    if (decision.approve) await setExtendedTo(scope.trx, directive.id, extension.new_date);
  }).catch(async (e: unknown) => {
    // The caller reads extensions on the directive's page: a 412 answers with that page as it now is.
    throw stale(e) ? new StaleVersionError(await directiveDetail(ctx, actor, directive.id)) : e;
  });
  return directiveDetail(ctx, actor, directive.id);
}
