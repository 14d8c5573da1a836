import { newId } from '../db/ids.js';
import { getArea } from '../db/repositories/area-repository.js';
import { directivesOfDecisions, listDirectives } from '../db/repositories/directive-repository.js';
import {
  completedTaskIds,
  decisionsOf,
  filesOfMeetings,
  insertDecisions,
  insertMeetingFile,
  insertMeeting,
  listMeetings,
  nextDecisionSeq,
  setDecisionTask,
} from '../db/repositories/meeting-repository.js';
import { insertTask, nextTaskSeq, replaceCoUnits } from '../db/repositories/task-repository.js';
import { unitsById } from '../db/repositories/unit-repository.js';
import type { MeetingDecisionRow, MeetingFileRow, MeetingKind, MeetingRow } from '../db/schema.js';
import { decisionState, decisionTally, type DecisionState, type DecisionTally } from '../domain/meetings.js';
import { parseJson } from '../db/json.js';
import { decisionFor, demand, demandRegion, meetingFileFor, meetingFor, planFor } from './access.js';
import { acceptUpload, storedPath } from './file-store.js';
import type { Actor } from './actor.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { progressOfMany } from './directive-progress.js';
import { checkAssignedUnits } from './directive-units.js';
import { fail } from './errors.js';
import * as meetingPolicy from './policies/meeting.js';
import * as planPolicy from './policies/plan.js';

export type { DecisionTally, MeetingFileRow, MeetingRow };

export interface DecisionView {
  decision: MeetingDecisionRow;
  state: DecisionState;
  directiveId: string | null;
}

export interface MeetingView {
  meeting: MeetingRow;
  units: { id: string; name: string }[];
  leaders: string[];
  decisions: DecisionView[];
  files: MeetingFileRow[];
  tally: DecisionTally;
}

/** Each meeting's decisions with where they stand: what they became and whether that is carried out. */
async function viewsOf(
  ctx: ServiceContext,
  regionId: string,
  meetings: readonly MeetingRow[],
): Promise<MeetingView[]> {
  const decisions = await decisionsOf(
    db(ctx),
    meetings.map((m) => m.id),
  );
  const [directiveOf, units, files] = await Promise.all([
    directivesOfDecisions(
      db(ctx),
      decisions.map((d) => d.id),
    ),
    unitsById(db(ctx), regionId),
    filesOfMeetings(
      db(ctx),
      meetings.map((m) => m.id),
    ),
  ]);
  const directiveIds = new Set(directiveOf.values());
  const directives = (await listDirectives(db(ctx), { regionId })).filter((d) => directiveIds.has(d.id));
  const [progress, doneTasks] = await Promise.all([
    progressOfMany(ctx, regionId, directives),
    completedTaskIds(
      db(ctx),
      decisions.flatMap((d) => (d.task_id ? [d.task_id] : [])),
    ),
  ]);
  const viewOf = (decision: MeetingDecisionRow): DecisionView => {
    const directiveId = directiveOf.get(decision.id) ?? null;
    const state = decisionState({
      directiveDone: directiveId ? (progress.get(directiveId)?.done ?? false) : null,
      taskDone: decision.task_id ? doneTasks.has(decision.task_id) : null,
    });
    return { decision, state, directiveId };
  };
  return meetings.map((meeting) => {
    const own = decisions.filter((d) => d.meeting_id === meeting.id).map(viewOf);
    const unitIds = parseJson<string[]>(meeting.participant_unit_ids, []);
    return {
      meeting,
      units: unitIds.flatMap((id) => {
        const u = units.get(id);
        return u ? [{ id, name: u.name }] : [];
      }),
      leaders: parseJson<string[]>(meeting.participant_leaders, []),
      decisions: own,
      files: files.filter((f) => f.meeting_id === meeting.id),
      tally: decisionTally(
        own.map((d) => ({
          state: d.state,
          becameDirective: d.directiveId !== null,
          becameTask: d.decision.task_id !== null,
        })),
      ),
    };
  });
}

export async function meetingsOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
): Promise<MeetingView[]> {
  demandRegion(actor, regionId);
  demand(meetingPolicy.can(actor, 'read', { regionId }));
  return viewsOf(ctx, regionId, await listMeetings(db(ctx), regionId));
}

export async function meetingDetail(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
): Promise<MeetingView> {
  const meeting = await meetingFor(ctx, actor, meetingId);
  return (await viewsOf(ctx, meeting.region_id, [meeting]))[0]!;
}

/**
 * A meeting's decisions counted — "确定事项43件，已完成16件" — as the 督查室's 落实情况通报 reports them.
 * The bulletin reads it from here; `domain/meetings.ts` `decisionTally` is the rule.
 */
export async function meetingTally(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
): Promise<DecisionTally> {
  return (await meetingDetail(ctx, actor, meetingId)).tally;
}

export interface MeetingInput {
  kind: MeetingKind;
  heldOn: string;
  topic: string;
  unitIds?: string[] | undefined;
  leaders?: string[] | undefined;
  minutes?: string | undefined;
  decisions?: string[] | undefined;
}

export async function recordMeeting(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: MeetingInput,
): Promise<MeetingView> {
  demandRegion(actor, regionId);
  demand(meetingPolicy.can(actor, 'record', { regionId }));
  if (input.heldOn > today(ctx)) throw fail('meeting.in_future', {}, { field: 'heldOn' });
  const unitIds = [...new Set(input.unitIds ?? [])];
  const units = await unitsById(db(ctx), regionId);
  for (const unitId of unitIds)
    if (!units.has(unitId)) throw fail('unit.unknown', {}, { field: 'unitIds', unitId });
  const id = newId('mtg');
  const at = nowIso(ctx);
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertMeeting(trx, {
      id,
      region_id: regionId,
      kind: input.kind,
      held_on: input.heldOn,
      topic: input.topic,
      participant_unit_ids: JSON.stringify(unitIds),
      participant_leaders: JSON.stringify(input.leaders ?? []),
      minutes: input.minutes ?? '',
      created_by: actor.accountId,
      created_at: at,
    });
    await insertDecisions(
      trx,
      (input.decisions ?? []).map((content, i) => ({
        id: newId('dec'),
        region_id: regionId,
        meeting_id: id,
        seq: i + 1,
        content,
        task_id: null,
        created_at: at,
      })),
    );
    await audit({ regionId, action: 'meeting.record', entity: 'meeting', entityId: id, data: input });
  });
  return meetingDetail(ctx, actor, id);
}

/** More decisions for a meeting already recorded (minutes are often finalised days later). */
export async function addDecisions(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  contents: readonly string[],
): Promise<MeetingView> {
  const meeting = await meetingFor(ctx, actor, meetingId);
  demand(meetingPolicy.can(actor, 'record', { regionId: meeting.region_id }));
  await write(ctx, actor, async ({ trx, audit }) => {
    const first = await nextDecisionSeq(trx, meetingId);
    const at = nowIso(ctx);
    await insertDecisions(
      trx,
      contents.map((content, i) => ({
        id: newId('dec'),
        region_id: meeting.region_id,
        meeting_id: meetingId,
        seq: first + i,
        content,
        task_id: null,
        created_at: at,
      })),
    );
    await audit({
      regionId: meeting.region_id,
      action: 'meeting.decisions',
      entity: 'meeting',
      entityId: meetingId,
      data: { contents },
    });
  });
  return meetingDetail(ctx, actor, meetingId);
}

export interface DecisionTaskInput {
  planId: string;
  areaId?: string | undefined;
  title?: string | undefined;
  leadUnitId: string;
  coUnitIds?: string[] | undefined;
  dueDate: string;
}

/** A decision put on the ledger as a task of a plan, in one step; the task is tracked as every task is. */
export async function taskFromDecision(
  ctx: ServiceContext,
  actor: Actor,
  decisionId: string,
  input: DecisionTaskInput,
): Promise<MeetingView> {
  const { decision, meeting } = await decisionFor(ctx, actor, decisionId);
  demand(meetingPolicy.can(actor, 'assign_decision', { regionId: meeting.region_id }));
  const plan = await planFor(ctx, actor, input.planId);
  demand(planPolicy.can(actor, 'edit', { regionId: plan.region_id, status: plan.status }));
  if (plan.region_id !== meeting.region_id) throw fail('access.other_region');
  if (decision.task_id !== null || (await directivesOfDecisions(db(ctx), [decisionId])).has(decisionId))
    throw fail('decision.assigned');
  const coUnitIds = [...new Set(input.coUnitIds ?? [])];
  await checkAssignedUnits(ctx, meeting.region_id, input.leadUnitId, coUnitIds);
  if (input.areaId && (await getArea(db(ctx), input.areaId))?.plan_id !== plan.id)
    throw fail('area.unknown', {}, { field: 'areaId' });
  if (input.dueDate < today(ctx)) throw fail('directive.deadline_before_assigned', {}, { field: 'dueDate' });
  const taskId = newId('task');
  await write(ctx, actor, async ({ trx, audit }) => {
    const seq = await nextTaskSeq(trx, plan.id);
    const at = nowIso(ctx);
    const title = input.title ?? decision.content;
    await insertTask(trx, {
      id: taskId,
      region_id: plan.region_id,
      plan_id: plan.id,
      area_id: input.areaId ?? null,
      parent_task_id: null,
      seq,
      code: String(seq),
      title,
      implementation_plan: '',
      work_standard: '',
      lead_unit_id: input.leadUnitId,
      leader_name: null,
      tags: '[]',
      start_date: today(ctx),
      due_date: input.dueDate,
      weight: 1,
      source_start: null,
      source_end: null,
      created_at: at,
      updated_at: at,
    });
    await replaceCoUnits(trx, plan.region_id, taskId, coUnitIds);
    if (!(await setDecisionTask(trx, decisionId, taskId))) throw fail('decision.assigned');
    await audit({
      regionId: plan.region_id,
      action: 'task.create',
      entity: 'task',
      entityId: taskId,
      data: { ...input, title, meetingDecisionId: decisionId },
    });
  });
  return meetingDetail(ctx, actor, meeting.id);
}

/** An attachment of a meeting (minutes, a scan), checked and stored as evidence files are. */
export async function addMeetingFile(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  filename: string,
  bytes: Buffer,
): Promise<MeetingFileRow> {
  const meeting = await meetingFor(ctx, actor, meetingId);
  demand(meetingPolicy.can(actor, 'record', { regionId: meeting.region_id }));
  const row = {
    id: newId('mfile'),
    region_id: meeting.region_id,
    meeting_id: meetingId,
    ...(await acceptUpload(ctx, actor, filename, bytes)),
  };
  await write(ctx, actor, async ({ trx, audit }) => {
    await insertMeetingFile(trx, row);
    await audit({
      regionId: meeting.region_id,
      action: 'meeting.file',
      entity: 'meeting',
      entityId: meetingId,
      data: { fileId: row.id, filename, sha256: row.sha256 },
    });
  });
  return row;
}

export async function meetingFileOf(
  ctx: ServiceContext,
  actor: Actor,
  fileId: string,
): Promise<{ file: MeetingFileRow; path: string }> {
  const file = await meetingFileFor(ctx, actor, fileId);
  return { file, path: storedPath(ctx, file.sha256) };
}
