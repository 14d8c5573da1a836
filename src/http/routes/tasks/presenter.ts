import type { Actor } from '../../../services/actor.js';
import * as taskPolicy from '../../../services/policies/task.js';
import * as unitPolicy from '../../../services/policies/unit.js';
import type {
  TaskDetail as TaskDetailRecord,
  TaskRef as TaskRefRecord,
  TaskView,
  UnitRow,
} from '../../../services/task-service.js';
import { presentArea } from '../areas/presenter.js';
import { presentInstruction } from '../instructions/presenter.js';
import { presentMilestone } from '../milestones/presenter.js';
import { presentNotice } from '../notices/presenter.js';
import { presentPlan } from '../plans/presenter.js';
import { presentReport } from '../reports/presenter.js';
import { presentTarget } from '../targets/presenter.js';
import type { TaskDetail, TaskRef, TaskSummary } from './schema.js';

type UnitNames = ReadonlyMap<string, Pick<UnitRow, 'name' | 'active'>>;

/** A unit as a task names it; `active: false` marks a deactivated unit's tasks (policies/unit.ts). */
function unitRef(id: string, units: UnitNames) {
  const unit = units.get(id);
  return { id, name: unit?.name ?? '', active: unit ? unitPolicy.isActive(unit) : false };
}

const span = (start: number | null, end: number | null) =>
  start === null || end === null ? null : { start, end };

export function presentTaskSummary(task: TaskView, units: UnitNames, actor: Actor): TaskSummary {
  const { evaluation } = task;
  return {
    id: task.id,
    planId: task.plan_id,
    areaId: task.area_id,
    parentTaskId: task.parent_task_id,
    code: task.code,
    title: task.title,
    status: evaluation.status,
    reasons: evaluation.reasons,
    progress: evaluation.progress,
    timeElapsed: evaluation.timeElapsed,
    daysOverdue: evaluation.daysOverdue,
    leadUnit: task.lead_unit_id ? unitRef(task.lead_unit_id, units) : null,
    coUnits: task.coUnitIds.map((id) => unitRef(id, units)),
    leaderName: task.leader_name,
    startDate: task.start_date,
    dueDate: task.due_date,
    ongoing: task.ongoing === 1,
    tags: task.tags,
    lastReportedPeriod: evaluation.lastReportedPeriod,
    version: task.version,
    source: span(task.source_start, task.source_end),
    proposedLeadUnit: task.proposed_lead_unit,
    can: taskPolicy.actionsOn(actor, {
      regionId: task.region_id,
      leadUnitId: task.lead_unit_id,
      coUnitIds: task.coUnitIds,
    }),
  };
}

function presentTaskRef(ref: TaskRefRecord, units: UnitNames): TaskRef {
  const { row, evaluation } = ref;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    leadUnit: row.lead_unit_id ? unitRef(row.lead_unit_id, units) : null,
    dueDate: row.due_date,
    status: evaluation.status,
    progress: evaluation.progress,
  };
}

/** `asOf` is today's date in Shanghai, for the overdue marks of the task's notices and instructions. */
export function presentTaskDetail(d: TaskDetailRecord, actor: Actor, asOf: string): TaskDetail {
  return {
    ...presentTaskSummary(d.task, d.task.units, actor),
    parent: d.parent ? presentTaskRef(d.parent, d.task.units) : null,
    subTasks: d.subTasks.map((s) => presentTaskRef(s, d.task.units)),
    implementationPlan: d.task.implementation_plan,
    workStandard: d.task.work_standard,
    weight: d.task.weight,
    officeNote: d.task.office_note,
    plan: presentPlan(d.plan, actor),
    area: d.area ? presentArea(d.area) : null,
    source: d.source,
    milestones: d.milestones.map(presentMilestone),
    targets: d.targets.map((t) => presentTarget(t.target, t.measurements)),
    reports: d.reports.map((r) => presentReport(r, actor, d.files)),
    ledgerNotes: d.ledgerNotes.map((n) => ({
      period: n.period,
      note: n.note,
      updatedBy: n.updated_by,
      updatedAt: n.updated_at,
    })),
    notices: d.notices.map((n) => presentNotice(n, actor, asOf)),
    instructions: d.instructions.map((i) => presentInstruction(i, actor, asOf)),
    history: d.history.map((h) => ({
      seq: h.seq,
      action: h.action,
      accountId: h.accountId,
      actorName: h.actorName,
      at: h.at,
      data: h.data,
    })),
  };
}
