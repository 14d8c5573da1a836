import { z } from 'zod';
import type {
  EvidenceFileRow,
  MilestoneRow,
  NoticeRow,
  ReportRow,
} from '../db/schema.js';
import { parseJson } from '../db/json.js';
import type { TaskEvaluation } from '../services/ledger.js';
import type { TaskRow } from '../db/schema.js';

/* Presenters choose every field a client sees: rows never leave the server as they are. */

export const TaskStatusSchema = z.enum(['done', 'not_started', 'on_track', 'at_risk', 'delayed']);
// Moved to the units' folder; re-exported until the dashboard's schema imports it from there.
export { UnitKindSchema } from './routes/units/schema.js';
export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).nullable();

});

const span = (start: number | null, end: number | null) =>
  start === null || end === null ? null : { start, end };

export const UnitRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();
type UnitNames = ReadonlyMap<string, { name: string }>;
const unitRef = (units: UnitNames, id: string | null) =>
  id ? { id, name: units.get(id)?.name ?? '' } : null;

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
  leadUnit: UnitRefSchema,
  coUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  leaderName: z.string().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  tags: z.array(z.string()),
  lastReportedPeriod: z.string().nullable(),
  version: z.number().int(),
  // Where the programme document says it, and the lead unit it named when no unit of the region matched.
  source: SpanSchema,
  proposedLeadUnit: z.string().nullable(),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export function presentTaskSummary(
  row: TaskRow,
  evaluation: TaskEvaluation,
  coUnitIds: readonly string[],
  units: UnitNames,
): TaskSummary {
  return {
    id: row.id,
    planId: row.plan_id,
    areaId: row.area_id,
    parentTaskId: row.parent_task_id,
    code: row.code,
    title: row.title,
    status: evaluation.status,
    reasons: evaluation.reasons,
    progress: evaluation.progress,
    timeElapsed: evaluation.timeElapsed,
    daysOverdue: evaluation.daysOverdue,
    leadUnit: unitRef(units, row.lead_unit_id),
    coUnits: coUnitIds.map((id) => ({ id, name: units.get(id)?.name ?? '' })),
    leaderName: row.leader_name,
    startDate: row.start_date,
    dueDate: row.due_date,
    tags: parseJson<string[]>(row.tags, []),
    lastReportedPeriod: evaluation.lastReportedPeriod,
    version: row.version,
    source: span(row.source_start, row.source_end),
    proposedLeadUnit: row.proposed_lead_unit,
  };
}

export const MilestoneSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  seq: z.number().int(),
  title: z.string(),
  dueDate: z.string(),
  doneDate: z.string().nullable(),
  version: z.number().int(),
});
export const presentMilestone = (m: MilestoneRow): z.infer<typeof MilestoneSchema> => ({
  id: m.id,
  taskId: m.task_id,
  seq: m.seq,
  title: m.title,
  dueDate: m.due_date,
  doneDate: m.done_date,
  version: m.version,
});

export const FileSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const presentFile = (f: EvidenceFileRow): z.infer<typeof FileSchema> => ({
  id: f.id,
  filename: f.filename,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.created_at,
});

export const ReportStatusSchema = z.enum(['draft', 'awaiting_head', 'submitted', 'accepted', 'returned']);
export const ReportSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  period: z.string(),
  progress: z.number().int(),
  narrative: z.string(),
  problems: z.string(),
  coordination: z.string(),
  claimsCompletion: z.boolean(),
  status: ReportStatusSchema,
  returnReason: z.string().nullable(),
  rating: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  files: z.array(FileSchema),
  taskCode: z.string().optional(),
  taskTitle: z.string().optional(),
});
export function presentReport(
  r: ReportRow & { task_code?: string; task_title?: string },
  files: readonly EvidenceFileRow[] = [],
): z.infer<typeof ReportSchema> {
  return {
    id: r.id,
    taskId: r.task_id,
    unitId: r.unit_id,
    period: r.period,
    progress: r.progress,
    narrative: r.narrative,
    problems: r.problems,
    coordination: r.coordination,
    claimsCompletion: r.claims_completion === 1,
    status: r.status,
    returnReason: r.return_reason,
    rating: r.rating,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    reviewedAt: r.reviewed_at,
    version: r.version,
    files: files.filter((f) => f.report_id === r.id).map(presentFile),
    ...(r.task_code !== undefined && { taskCode: r.task_code }),
    ...(r.task_title !== undefined && { taskTitle: r.task_title }),
  };
}

export const NoticeSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  kind: z.enum(['reminder', 'urge', 'supervise', 'listed']),
  body: z.string(),
  reason: z.string().nullable(),
  issuedAt: z.string(),
  responseDue: z.string(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  status: z.enum(['issued', 'responded', 'closed']),
  version: z.number().int(),
  taskCode: z.string().optional(),
  taskTitle: z.string().optional(),
});
export const presentNotice = (
  n: NoticeRow & { task_code?: string; task_title?: string },
): z.infer<typeof NoticeSchema> => ({
  id: n.id,
  taskId: n.task_id,
  unitId: n.unit_id,
  kind: n.kind,
  body: n.body,
  reason: n.reason,
  issuedAt: n.issued_at,
  responseDue: n.response_due,
  response: n.response,
  respondedAt: n.responded_at,
  status: n.status,
  version: n.version,
  ...(n.task_code !== undefined && { taskCode: n.task_code }),
  ...(n.task_title !== undefined && { taskTitle: n.task_title }),
});

export const InstructionSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const presentInstruction = (i: {
  id: string;
  task_id: string;
  author_name: string;
  body: string;
  created_at: string;
}): z.infer<typeof InstructionSchema> => ({
  id: i.id,
  taskId: i.task_id,
  authorName: i.author_name,
  body: i.body,
  createdAt: i.created_at,
});

export const HistorySchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  accountId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  data: z.unknown(),
});
