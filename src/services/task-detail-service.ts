import { listAuditEvents } from '../db/repositories/audit-repository.js';
import { coUnitsOf } from '../db/repositories/task-repository.js';
import { listNotices } from '../db/repositories/notice-repository.js';
import { getPlan, getPlanSourceText } from '../db/repositories/plan-repository.js';
import { getArea } from '../db/repositories/area-repository.js';
import { listMeasurements, listTargets } from '../db/repositories/target-repository.js';
import { parseJson } from '../db/json.js';
import { SYSTEM_ACTOR, type Actor } from './actor.js';
import { db, type ServiceContext } from './context.js';
import { instructionsOf } from './notice-service.js';
import { reportsOfTask } from './report-service.js';
import { evaluateOne, loadTaskFor, milestonesOf, unitMap } from './task-service.js';

/** The paragraph of the programme document that holds a task's source span, and where the span sits in it. */
export interface SourceExcerpt {
  paragraph: string;
  start: number;
  end: number;
}

export function excerptAround(text: string, start: number, end: number): SourceExcerpt | null {
  if (start < 0 || end > text.length || start >= end) return null;
  const before = text.lastIndexOf('\n', start - 1);
  const after = text.indexOf('\n', end);
  const from = before === -1 ? 0 : before + 1;
  const to = after === -1 ? text.length : after;
  return { paragraph: text.slice(from, to), start: start - from, end: end - from };
}

/** Everything the task page shows, gathered after one access check. */
export async function taskDetail(ctx: ServiceContext, actor: Actor, taskId: string) {
  const task = await loadTaskFor(ctx, actor, taskId);
  const [
    coUnits,
    evaluation,
    milestones,
    { reports, files },
    notices,
    instructions,
    targets,
    history,
    units,
    plan,
    area,
  ] = await Promise.all([
    coUnitsOf(db(ctx), [taskId]),
    evaluateOne(ctx, task),
    milestonesOf(ctx, taskId),
    reportsOfTask(ctx, taskId),
    listNotices(db(ctx), { regionId: task.region_id, taskId }),
    instructionsOf(ctx, taskId),
    listTargets(db(ctx), { taskId }),
    listAuditEvents(db(ctx), 'task', taskId),
    unitMap(ctx, task.region_id),
    getPlan(db(ctx), task.plan_id),
    task.area_id ? getArea(db(ctx), task.area_id) : Promise.resolve(undefined),
  ]);
  const coUnitIds = coUnits.get(taskId) ?? [];
  const measurements = await listMeasurements(
    db(ctx),
    targets.map((t) => t.id),
  );
  let source: SourceExcerpt | null = null;
  if (task.source_start !== null && task.source_end !== null) {
    const text = await getPlanSourceText(db(ctx), task.plan_id);
    if (text) source = excerptAround(text, task.source_start, task.source_end);
  }
  return {
    task,
    coUnitIds,
    evaluation,
    milestones,
    reports,
    files,
    notices,
    instructions,
    units,
    plan: plan!,
    area: area ?? null,
    source,
    targets: targets.map((target) => ({
      target,
      measurements: measurements.filter((m) => m.target_id === target.id),
    })),
    history: history.map((h) => ({
      seq: h.seq,
      action: h.action,
      accountId: h.account_id,
      actorName: h.actor_name ?? (h.account_id === SYSTEM_ACTOR.accountId ? SYSTEM_ACTOR.displayName : null),
      at: h.at,
      data: parseJson<unknown>(h.data, null),
    })),
  };
}
