import { AttachmentSchema } from '../attachments/schema.js';
import { z } from 'zod';
import type { ProjectMonthInput } from '../../../services/project-report-service.js';
import type { ProjectInput, ProjectPatch, StageMoveInput } from '../../../services/project-service.js';
import {
  DateString,
  Id,
  IdParams,
  LongText,
  OptionalLongText,
  OptionalText,
  RegionParams,
  TaskStatusSchema,
  Text,
} from '../../schemas.js';
import { ConversionSchema, MonthKey } from '../indicators/schema.js';

export { IdParams, RegionParams };

export const StageSchema = z.enum(['planning', 'reserve', 'signed', 'started', 'operating']);
export const NatureSchema = z.enum(['new', 'continued', 'preparatory']);
export const LevelSchema = z.enum(['province', 'city', 'district']);
const Year = z.number().int().min(1990).max(2100);
/** 万元: the schema takes any number, so a negative one meets the service's own, clearer refusal. */
const Amount = z.number();

export const FiguresSchema = z.object({
  yearPlan: z.number().nullable(),
  yearToDate: z.number(),
  sinceStart: z.number(),
  totalShare: z.number().nullable(),
  completion: z.number().nullable(),
  elapsed: z.number(),
  lag: z.number(),
  status: TaskStatusSchema,
  reasons: z.array(
    z.enum([
      'operating',
      'milestone_overdue',
      'investment_far_behind',
      'investment_behind',
      'milestone_due_soon',
    ]),
  ),
});

export const ProjectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  stage: StageSchema,
  nature: NatureSchema,
  level: LevelSchema,
  category: z.string(),
  industry: z.string(),
  town: z.string(),
  leadUnitId: z.string(),
  totalInvestment: z.number(),
  version: z.number().int(),
  figures: FiguresSchema,
});

/** The region's names of the stages (新储备/新动工/新投产 where it names them so). */
export const StageLabelsSchema = z.object({
  planning: z.string(),
  reserve: z.string(),
  signed: z.string(),
  started: z.string(),
  operating: z.string(),
});

export const ProjectListSchema = z.object({
  month: z.string(),
  stageLabels: StageLabelsSchema,
  totals: z.object({
    count: z.number().int(),
    totalInvestment: z.number(),
    yearPlan: z.number(),
    yearToDate: z.number(),
    completion: z.number().nullable(),
    elapsed: z.number(),
  }),
  items: z.array(ProjectSummarySchema),
});

export const ProjectListQuery = z.strictObject({
  level: LevelSchema.optional(),
  category: OptionalText(50).optional(),
  town: OptionalText(50).optional(),
  stage: StageSchema.optional(),
  month: MonthKey.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ProjectSchema = ProjectSummarySchema.extend({
  park: z.string(),
  location: z.string(),
  content: z.string(),
  capacity: z.string(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  plannedStart: z.string().nullable(),
  actualStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualEnd: z.string().nullable(),
  funding: z.string(),
  planYear: z.number().int(),
  yearPlan: z.number().nullable(),
  yearGoal: z.string(),
  inStatistics: z.boolean(),
  leader: z.string(),
  leadContact: z.string(),
  ownerCompany: z.string(),
  ownerContact: z.string(),
  investedBefore: z.number(),
  month: z.string(),
  moves: z.array(
    z.object({ from: StageSchema.nullable(), to: StageSchema, movedOn: z.string(), reason: z.string() }),
  ),
  milestones: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      dueDate: z.string().nullable(),
      doneDate: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.string(),
      month: z.string(),
      investment: z.number(),
      progress: z.string(),
      nextPlan: z.string(),
      coordination: z.string(),
      status: z.enum(['submitted', 'confirmed']),
    }),
  ),
  /** 形象进度照片 of the months in `reports`, read at /api/attachments/{id}. */
  photos: z.array(AttachmentSchema.extend({ reportId: z.string() })),
  problems: z.array(
    z.object({
      id: z.string(),
      reportId: z.string(),
      text: z.string(),
      owner: z.string(),
      deadline: z.string(),
      resolution: z.string().nullable(),
      resolvedOn: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  reporting: z.object({
    dueDay: z.number().int(),
    month: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    late: z.array(z.object({ month: z.string(), daysLate: z.number().int() })),
  }),
  stageLabels: StageLabelsSchema,
  can: z.object({
    read: z.boolean(),
    create: z.boolean(),
    edit: z.boolean(),
    move_stage: z.boolean(),
    report: z.boolean(),
    attach_photo: z.boolean(),
    confirm_report: z.boolean(),
    track: z.boolean(),
  }),
});
export type ProjectOut = z.infer<typeof ProjectSchema>;

const NullableDate = DateString.nullable().optional();

export const ProjectBody = z.strictObject({
  name: Text(200),
  parentId: Id.nullable().optional(),
  stage: StageSchema,
  stageDate: DateString.optional(),
  nature: NatureSchema,
  level: LevelSchema,
  category: OptionalText(50).optional(),
  industry: OptionalText(50).optional(),
  town: OptionalText(50).optional(),
  park: OptionalText(50).optional(),
  location: OptionalText(200).optional(),
  content: OptionalLongText(2000).optional(),
  capacity: OptionalText(200).optional(),
  startYear: Year.nullable().optional(),
  endYear: Year.nullable().optional(),
  plannedStart: NullableDate,
  actualStart: NullableDate,
  plannedEnd: NullableDate,
  actualEnd: NullableDate,
  totalInvestment: Amount.optional(),
  funding: OptionalText(200).optional(),
  planYear: Year.optional(),
  yearPlan: Amount.nullable().optional(),
  yearGoal: OptionalText(200).optional(),
  inStatistics: z.boolean().optional(),
  leader: OptionalText(50).optional(),
  leadUnitId: Id,
  leadContact: OptionalText(100).optional(),
  ownerCompany: OptionalText(100).optional(),
  ownerContact: OptionalText(100).optional(),
  investedBefore: Amount.optional(),
}) satisfies z.ZodType<ProjectInput>;

export const ProjectPatchBody = ProjectBody.omit({
  stage: true,
  stageDate: true,
}).partial() satisfies z.ZodType<ProjectPatch>;

export const StageBody = z.strictObject({
  stage: StageSchema,
  date: DateString,
  reason: OptionalLongText(500).optional(),
}) satisfies z.ZodType<StageMoveInput>;

export const ProjectMonthBody = z.strictObject({
  month: MonthKey,
  investment: Amount,
  progress: OptionalLongText(1000).optional(),
  nextPlan: OptionalLongText(1000).optional(),
  coordination: OptionalLongText(1000).optional(),
  problems: z
    .array(z.strictObject({ text: LongText(500), owner: Text(50), deadline: DateString }))
    .max(20)
    .optional(),
}) satisfies z.ZodType<ProjectMonthInput>;

export const ProjectReportSchema = ProjectSchema.shape.reports.element;

export const MilestonePatchBody = z.strictObject({
  dueDate: DateString.nullable().optional(),
  doneDate: DateString.nullable().optional(),
});
export const MilestoneSchema = ProjectSchema.shape.milestones.element;

export const ProblemBody = z.strictObject({ resolution: LongText(500), resolvedOn: DateString });
export const ProblemSchema = ProjectSchema.shape.problems.element;

export const YearQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export { ConversionSchema };
