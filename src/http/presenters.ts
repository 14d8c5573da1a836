import { z } from 'zod';
import type { AccountRow, AreaRow, NoticeRow, RegionRow, TargetRow, UnitRow } from '../db/schema.js';
import type { PlanSummaryRow } from '../db/repositories/plan-repository.js';
import { parseJson } from '../db/json.js';
import type { RollUp } from '../domain/rollup.js';
import type { Actor } from '../services/actor.js';

/* Presenters choose every field a client sees: rows never leave the server as they are. */

export const TaskStatusSchema = z.enum(['done', 'not_started', 'on_track', 'at_risk', 'delayed']);
export const RoleSchema = z.enum(['admin', 'office', 'leader', 'unit_head', 'reporter', 'viewer']);
export const UnitKindSchema = z.enum(['office', 'department', 'town', 'other']);
export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).nullable();

export const RegionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  parentCity: z.string().nullable(),
  version: z.number().int(),
});
export const presentRegion = (r: RegionRow): z.infer<typeof RegionSchema> => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  parentCity: r.parent_city,
  version: r.version,
});

export const UnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  active: z.boolean(),
  version: z.number().int(),
});
export const presentUnit = (u: UnitRow): z.infer<typeof UnitSchema> => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  active: u.active === 1,
  version: u.version,
});

export const AccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  regionId: z.string().nullable(),
  unitId: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export const presentAccount = (a: AccountRow): z.infer<typeof AccountSchema> => ({
  id: a.id,
  username: a.username,
  displayName: a.display_name,
  role: a.role,
  regionId: a.region_id,
  unitId: a.unit_id,
  active: a.active === 1,
  version: a.version,
});

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  regionId: z.string().nullable(),
  unitId: z.string().nullable(),
});
export const presentMe = (a: Actor): z.infer<typeof MeSchema> => ({
  id: a.accountId,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  regionId: a.regionId,
  unitId: a.unitId,
});

export const PlanSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  title: z.string(),
  kind: z.enum([
    'work_points',
    'topic_projects',
    'action_plan',
    'congress_report',
    'government_report',
    'speech',
  ]),
  year: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  cadence: z.enum(['monthly', 'quarterly']),
  status: z.enum(['draft', 'published']),
  sourceName: z.string().nullable(),
  warnings: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export const presentPlan = (p: PlanSummaryRow): z.infer<typeof PlanSchema> => ({
  id: p.id,
  regionId: p.region_id,
  title: p.title,
  kind: p.kind,
  year: p.year,
  periodStart: p.period_start,
  periodEnd: p.period_end,
  cadence: p.cadence,
  status: p.status,
  sourceName: p.source_name,
  warnings: parseJson<string[]>(p.warnings, []),
  version: p.version,
  createdAt: p.created_at,
  publishedAt: p.published_at,
});

const span = (start: number | null, end: number | null) =>
  start === null || end === null ? null : { start, end };

export const RollUpSchema = z.object({
  total: z.number().int(),
  counts: z.record(TaskStatusSchema, z.number().int()),
  progress: z.number(),
});
export const presentRollUp = (r: RollUp): z.infer<typeof RollUpSchema> => ({
  total: r.total,
  counts: r.counts,
  progress: r.progress,
});

export const AreaSchema = z.object({
  id: z.string(),
  planId: z.string(),
  seq: z.number().int(),
  code: z.string(),
  title: z.string(),
  source: SpanSchema,
  version: z.number().int(),
});
export const presentArea = (a: AreaRow): z.infer<typeof AreaSchema> => ({
  id: a.id,
  planId: a.plan_id,
  seq: a.seq,
  code: a.code,
  title: a.title,
  source: span(a.source_start, a.source_end),
  version: a.version,
});

export const MeasurementSchema = z.object({ period: z.string(), value: z.number(), note: z.string() });
export const TargetSchema = z.object({
  id: z.string(),
  planId: z.string(),
  areaId: z.string().nullable(),
  taskId: z.string().nullable(),
  indicator: z.string(),
  measure: z.enum(['level', 'growth', 'share', 'count']),
  comparator: z.enum(['=', '~', '>', '>=', '<', '<=']),
  value: z.number(),
  unit: z.string(),
  stretch: z.boolean(),
  period: z.string().nullable(),
  sourceText: z.string().nullable(),
  source: SpanSchema,
  version: z.number().int(),
  measurements: z.array(MeasurementSchema),
});
export const presentTarget = (
  t: TargetRow,
  measurements: readonly { period: string; value: number; note: string }[] = [],
): z.infer<typeof TargetSchema> => ({
  id: t.id,
  planId: t.plan_id,
  areaId: t.area_id,
  taskId: t.task_id,
  indicator: t.indicator,
  measure: t.measure,
  comparator: t.comparator,
  value: t.value,
  unit: t.unit,
  stretch: t.stretch === 1,
  period: t.period,
  sourceText: t.source_text,
  source: span(t.source_start, t.source_end),
  version: t.version,
  measurements: measurements.map((m) => ({ period: m.period, value: m.value, note: m.note })),
});

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
