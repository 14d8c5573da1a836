import { z } from 'zod';
import type { TaskStatus } from '../../../domain/task-status.js';
import type { NewTaskInput, TaskInput } from '../../../services/task-service.js';
import {
  CanSchema,
  DateString,
  Id,
  Line,
  OptionalLongText,
  OptionalText,
  PlanParams,
  SpanSchema,
  TaskParams,
  Text,
} from '../../schemas.js';
import { AreaSchema } from '../areas/schema.js';
import { InstructionSchema } from '../instructions/schema.js';
import { MilestoneSchema } from '../milestones/schema.js';
import { NoticeSchema } from '../notices/schema.js';
import { PlanSchema } from '../plans/schema.js';
import { ReportSchema } from '../reports/schema.js';
import { TargetSchema } from '../targets/schema.js';

export { PlanParams, TaskParams };

export const TaskStatusSchema = z.enum([
  'done',
  'not_started',
  'on_track',
  'at_risk',
  'delayed',
]) satisfies z.ZodType<TaskStatus>;

/** `active: false`: the unit was deactivated; its tasks stay, marked. */
const UnitRefSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() });

export const TaskSummarySchema = z.object({
  id: z.string(),
  planId: z.string(),
  areaId: z.string().nullable(),
  parentTaskId: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  status: TaskStatusSchema,
  reasons: z.array(z.string()),
  progress: z.number(),
  timeElapsed: z.number(),
  daysOverdue: z.number().int(),
  leadUnit: UnitRefSchema.nullable(),
  coUnits: z.array(UnitRefSchema),
  leaderName: z.string().nullable(),
  // As stored: a date written before dates were checked is shown (and marked in `reasons`), not refused.
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** 长期坚持: no due date on purpose, never overdue. */
  ongoing: z.boolean(),
  tags: z.array(z.string()),
  lastReportedPeriod: z.string().nullable(),
  version: z.number().int(),
  // Where the programme document says it, and the lead unit it named when no unit of the region matched.
  source: SpanSchema,
  proposedLeadUnit: z.string().nullable(),
  can: CanSchema(['edit', 'editRoadmap', 'report', 'instruct', 'notify']),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export const HistorySchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  accountId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  data: z.unknown(),
});
export type History = z.infer<typeof HistorySchema>;

/** A task the page links to: the task it was split from, or one split from it (a district task's town task). */
export const TaskRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  leadUnit: UnitRefSchema.nullable(),
  dueDate: z.string().nullable(),
  status: TaskStatusSchema,
  progress: z.number(),
});
export type TaskRef = z.infer<typeof TaskRefSchema>;

export const TaskDetailSchema = TaskSummarySchema.extend({
  // Only those the caller may read: a town's staff see their sub-task, not the district task above it.
  parent: TaskRefSchema.nullable(),
  subTasks: z.array(TaskRefSchema),
  implementationPlan: z.string(),
  workStandard: z.string(),
  weight: z.number(),
  /** The office's 备注 on the task. */
  officeNote: z.string(),
  plan: PlanSchema,
  area: AreaSchema.nullable(),
  source: z.object({ paragraph: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
  milestones: z.array(MilestoneSchema),
  targets: z.array(TargetSchema),
  reports: z.array(ReportSchema),
  // The office's 台账进展备注 per period: beside the unit's report of that period, never one.
  ledgerNotes: z.array(
    z.object({ period: z.string(), note: z.string(), updatedBy: z.string(), updatedAt: z.string() }),
  ),
  notices: z.array(NoticeSchema),
  instructions: z.array(InstructionSchema),
  history: z.array(HistorySchema),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

const TaskFields = {
  code: OptionalText(20).optional(),
  title: Text(500),
  areaId: Id.nullable().optional(),
  parentTaskId: Id.nullable().optional(),
  leadUnitId: Id.nullable().optional(),
  coUnitIds: z.array(Id).max(50).optional(),
  leaderName: OptionalText(60).nullable().optional(),
  implementationPlan: OptionalLongText(20_000).optional(),
  workStandard: OptionalLongText(5_000).optional(),
  tags: z.array(Text(20)).max(10).optional(),
  startDate: DateString.nullable().optional(),
  dueDate: DateString.nullable().optional(),
  ongoing: z.boolean().optional(),
  officeNote: OptionalLongText(2_000).optional(),
  weight: z.number().min(0).max(100).optional(),
};

export const TaskBody = z.strictObject(TaskFields) satisfies z.ZodType<NewTaskInput>;
export type TaskBody = z.infer<typeof TaskBody>;

export const TaskPatch = z.strictObject(TaskFields).partial() satisfies z.ZodType<TaskInput>;
export type TaskPatch = z.infer<typeof TaskPatch>;

export const LedgerQuery = z.strictObject({
  status: z.union([TaskStatusSchema, z.string().regex(/^[a-z_,]+$/)]).optional(),
  leadUnitId: Id.optional(),
  areaId: Id.optional(),
  tag: Line(20).optional(),
  q: Line(100).optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

/** `status=delayed,at_risk`: several statuses, comma-separated. */
export function statusesOf(value: string | undefined): TaskStatus[] | undefined {
  if (!value) return undefined;
  return value.split(',').map((s) => TaskStatusSchema.parse(s));
}
