import { z } from 'zod';
import { AUTO_KINDS } from '../../../domain/assessment-auto.js';
import { SCORING_METHODS } from '../../../domain/assessment-methods.js';
import { GRADES, INDICATOR_CATEGORIES } from '../../../domain/assessment-sheet.js';
import { ASSESSMENT_STAGES } from '../../../domain/assessment-workflow.js';
import {
  CanSchema,
  Id,
  IdParams,
  Line,
  OptionalLongText,
  OptionalText,
  RegionParams,
  Text,
} from '../../schemas.js';

export { IdParams, RegionParams };

const Points = z.number().min(0).max(10_000);
const Code = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, '编号只能包含字母、数字、下划线、点和连字符');

export const GroupSchema = z.strictObject({
  code: Code,
  name: Text(40),
  unitKind: z.enum(['department', 'town', 'other']).nullable(),
  unitIds: z.array(Id).max(500),
});

export const GradeBandSchema = z.strictObject({
  grade: z.enum(GRADES),
  min: Points,
  topN: z.number().int().min(1).max(1000).nullable().optional(),
});

export const VetoSchema = z.strictObject({ code: Code, text: Text(200), proposedBy: Text(60) });

const unique = <T>(list: T[], key: (t: T) => string) => new Set(list.map(key)).size === list.length;

export const MethodParamsSchema = z.strictObject({
  reachPercent: z.number().min(0).max(200).optional(),
  stepPerPoint: z.number().min(0).max(100).optional(),
  rankScores: z.array(Points).max(200).optional(),
  firstScore: Points.optional(),
  lastScore: Points.optional(),
  perOccurrence: Points.optional(),
  ratingMax: z.number().positive().max(1000).optional(),
});

export const IndicatorSchema = z.object({
  id: z.string(),
  schemeId: z.string(),
  code: z.string(),
  category: z.enum(INDICATOR_CATEGORIES),
  name: z.string(),
  content: z.string(),
  points: z.number(),
  standard: z.string(),
  method: z.enum(SCORING_METHODS),
  params: MethodParamsSchema,
  autoKind: z.enum(AUTO_KINDS).nullable(),
  groupCodes: z.array(z.string()),
  unitPoints: z.record(z.string(), z.number()),
  unitTargets: z.record(z.string(), z.number().nullable()),
  measureUnit: z.string(),
  difficulty: z.number(),
  cap: z.number().nullable(),
  scoringUnitId: z.string().nullable(),
  dataSource: z.string(),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const RoundSummarySchema = z.object({
  id: z.string(),
  period: z.string(),
  stage: z.enum(ASSESSMENT_STAGES),
  publicityUntil: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  version: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

export const SchemeSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  year: z.number().int(),
  title: z.string(),
  docNo: z.string(),
  baseScore: z.number(),
  groups: z.array(GroupSchema),
  gradeBands: z.array(GradeBandSchema),
  vetoes: z.array(VetoSchema),
  version: z.number().int(),
  can: CanSchema(['manage']),
});
export type Scheme = z.infer<typeof SchemeSchema>;

export const SchemeDetailSchema = SchemeSchema.extend({
  /** A scheme with a finalised round is locked. */
  locked: z.boolean(),
  indicators: z.array(IndicatorSchema),
  rounds: z.array(RoundSummarySchema),
});
export type SchemeDetail = z.infer<typeof SchemeDetailSchema>;

const Groups = z
  .array(GroupSchema)
  .min(1)
  .max(20)
  .refine((g) => unique(g, (x) => x.code), '分组编号不能重复');
const Bands = z.array(GradeBandSchema).min(1).max(6);
const Vetoes = z
  .array(VetoSchema)
  .max(50)
  .refine((v) => unique(v, (x) => x.code), '否决事项编号不能重复');

export const SchemeBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: Text(200),
  docNo: OptionalText(60),
  baseScore: z.number().min(1).max(10_000).optional(),
  groups: Groups.optional(),
  gradeBands: Bands.optional(),
  vetoes: Vetoes.optional(),
  withDefaultIndicators: z.boolean().optional(),
});
export type SchemeBody = z.infer<typeof SchemeBody>;

export const SchemePatchBody = z.strictObject({
  title: Text(200).optional(),
  docNo: OptionalText(60).optional(),
  baseScore: z.number().min(1).max(10_000).optional(),
  groups: Groups.optional(),
  gradeBands: Bands.optional(),
  vetoes: Vetoes.optional(),
});
export type SchemePatchBody = z.infer<typeof SchemePatchBody>;

const IndicatorFields = {
  code: Code,
  category: z.enum(INDICATOR_CATEGORIES),
  name: Text(100),
  content: OptionalLongText(2000),
  points: Points,
  standard: OptionalLongText(2000),
  method: z.enum(SCORING_METHODS),
  params: MethodParamsSchema,
  autoKind: z.enum(AUTO_KINDS).nullable(),
  groupCodes: z.array(Code).max(20),
  unitPoints: z.record(Id, Points),
  unitTargets: z.record(Id, z.number().nullable()),
  measureUnit: OptionalText(20),
  difficulty: z.number().min(0.1).max(10),
  cap: Points.nullable(),
  scoringUnitId: Id.nullable(),
  dataSource: OptionalText(100),
};

export const IndicatorBody = z.strictObject({
  ...IndicatorFields,
  content: IndicatorFields.content.optional(),
  standard: IndicatorFields.standard.optional(),
  params: IndicatorFields.params.optional(),
  autoKind: IndicatorFields.autoKind.optional(),
  groupCodes: IndicatorFields.groupCodes.optional(),
  unitPoints: IndicatorFields.unitPoints.optional(),
  unitTargets: IndicatorFields.unitTargets.optional(),
  measureUnit: IndicatorFields.measureUnit.optional(),
  difficulty: IndicatorFields.difficulty.optional(),
  cap: IndicatorFields.cap.optional(),
  scoringUnitId: IndicatorFields.scoringUnitId.optional(),
  dataSource: IndicatorFields.dataSource.optional(),
});
export type IndicatorBody = z.infer<typeof IndicatorBody>;

export const IndicatorPatchBody = z.strictObject(IndicatorFields).partial();
export type IndicatorPatchBody = z.infer<typeof IndicatorPatchBody>;

export const RoundBody = z.strictObject({ period: Line(10) });
export type RoundBody = z.infer<typeof RoundBody>;
