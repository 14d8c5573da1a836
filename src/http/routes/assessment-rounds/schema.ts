import { z } from 'zod';
import { AUTO_KINDS } from '../../../domain/assessment-auto.js';
import { SCORING_METHODS } from '../../../domain/assessment-methods.js';
import { GRADES, INDICATOR_CATEGORIES } from '../../../domain/assessment-sheet.js';
import { ASSESSMENT_STAGES, SCORE_STAGES } from '../../../domain/assessment-workflow.js';
import { CanSchema, Id, IdParams, LongText, OptionalLongText, Text } from '../../schemas.js';
import { AttachmentSchema } from '../attachments/schema.js';
import { GradeBandSchema, GroupSchema, VetoSchema } from '../assessment-schemes/schema.js';

export { IdParams };
export const UnitParams = z.strictObject({ id: Id, unitId: Id });
export const CellParams = z.strictObject({ id: Id, unitId: Id, indicatorId: Id });
export { AttachmentSchema };

const CellSource = z.enum(['auto', 'computed', 'self', 'first', 'final', 'none']);

export const BasisLinkSchema = z.object({
  sourceKind: z.string(),
  sourceId: z.string(),
  date: z.string(),
  kind: z.string(),
  effect: z.number(),
  exempted: z.boolean().optional(),
  note: z.string().optional(),
});

export const AdjustmentSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: z.enum(['bonus', 'deduction', 'veto']),
  points: z.number(),
  reason: z.string(),
  evidence: z.string(),
  /** Evidence files, read at /api/attachments/{id}. */
  files: z.array(AttachmentSchema),
  vetoCode: z.string().nullable(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  can: CanSchema(['decide', 'attach']),
});
export type Adjustment = z.infer<typeof AdjustmentSchema>;

export const ObjectionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  indicatorId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  version: z.number().int(),
  can: CanSchema(['reply']),
});
export type Objection = z.infer<typeof ObjectionSchema>;

export const CorrectionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  indicatorId: z.string(),
  fromScore: z.number().nullable(),
  toScore: z.number(),
  reason: z.string(),
  /** Who recorded it (display name); the audit log keeps the account. */
  correctedBy: z.string(),
  correctedAt: z.string(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const ResultRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  groupCode: z.string(),
  cells: z.array(z.object({ indicatorId: z.string(), score: z.number().nullable(), source: CellSource })),
  itemsTotal: z.number(),
  scale: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  total: z.number(),
  rank: z.number().int(),
  groupSize: z.number().int(),
  grade: z.enum(GRADES),
  vetoed: z.boolean(),
  vetoes: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;

export const RoundIndicatorSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.enum(INDICATOR_CATEGORIES),
  points: z.number(),
  autoKind: z.enum(AUTO_KINDS).nullable(),
  groupCodes: z.array(z.string()),
  scoringUnitId: z.string().nullable(),
});

export const RoundSchema = z.object({
  id: z.string(),
  schemeId: z.string(),
  period: z.string(),
  stage: z.enum(ASSESSMENT_STAGES),
  publicityUntil: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  version: z.number().int(),
  scheme: z.object({
    id: z.string(),
    title: z.string(),
    docNo: z.string(),
    year: z.number().int(),
    baseScore: z.number(),
    groups: z.array(GroupSchema),
    gradeBands: z.array(GradeBandSchema),
    vetoes: z.array(VetoSchema),
  }),
  indicators: z.array(RoundIndicatorSchema),
  units: z.array(z.object({ id: z.string(), name: z.string(), groupCode: z.string() })),
  /** Null while the caller may not see results (a unit before 公示). */
  rows: z.array(ResultRowSchema).nullable(),
  adjustments: z.array(AdjustmentSchema),
  objections: z.array(ObjectionSchema),
  corrections: z.array(CorrectionSchema),
  can: CanSchema(['manage', 'advance', 'object', 'proposeAdjustment']),
});
export type Round = z.infer<typeof RoundSchema>;

const StageScore = z.object({ score: z.number().nullable(), basis: z.string().nullable() });

export const SheetCellSchema = z.object({
  indicatorId: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.enum(INDICATOR_CATEGORIES),
  standard: z.string(),
  method: z.enum(SCORING_METHODS),
  points: z.number(),
  cap: z.number(),
  measureUnit: z.string(),
  target: z.number().nullable(),
  autoKind: z.enum(AUTO_KINDS).nullable(),
  scoringUnitId: z.string().nullable(),
  actual: z.number().nullable(),
  self: StageScore,
  first: StageScore,
  final: StageScore,
  /** The score that counts now (the latest stage's, computed, or automatic); null: not assessed. */
  score: z.number().nullable(),
  source: CellSource,
  /** The ledger events (or exemptions) behind an automatic score. */
  links: z.array(BasisLinkSchema),
  /** The unit's evidence files for this cell, read at /api/attachments/{id}. */
  files: z.array(AttachmentSchema),
  writable: z.boolean(),
});

export const SheetSchema = z.object({
  roundId: z.string(),
  period: z.string(),
  stage: z.enum(ASSESSMENT_STAGES),
  unitId: z.string(),
  unitName: z.string(),
  groupCode: z.string(),
  version: z.number().int(),
  cells: z.array(SheetCellSchema),
  itemsTotal: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  total: z.number(),
  /** Rank and grade once the caller may see results. */
  rank: z.number().int().nullable(),
  groupSize: z.number().int().nullable(),
  grade: z.enum(GRADES).nullable(),
  vetoed: z.boolean(),
  adjustmentLinks: z.array(BasisLinkSchema),
  adjustments: z.array(AdjustmentSchema),
  objections: z.array(ObjectionSchema),
  corrections: z.array(CorrectionSchema),
  can: CanSchema(['selfAssess', 'firstScore', 'finalScore', 'object', 'proposeAdjustment']),
});
export type Sheet = z.infer<typeof SheetSchema>;

const Score = z.number();

export const ScoresBody = z.strictObject({
  stage: z.enum(SCORE_STAGES),
  items: z
    .array(
      z.strictObject({
        indicatorId: Id,
        score: Score.nullable().optional(),
        actual: Score.nullable().optional(),
        basis: OptionalLongText(2000).optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type ScoresBody = z.infer<typeof ScoresBody>;

export const AdjustmentBody = z.strictObject({
  unitId: Id,
  kind: z.enum(['bonus', 'deduction', 'veto']),
  points: z.number().min(0).max(1000),
  reason: Text(200),
  evidence: LongText(2000),
  vetoCode: z.string().max(20).optional(),
});
export type AdjustmentBody = z.infer<typeof AdjustmentBody>;

export const DecideBody = z.strictObject({ approve: z.boolean() });
export const ObjectionBody = z.strictObject({ unitId: Id, indicatorId: Id.optional(), body: LongText(2000) });
export const ReplyBody = z.strictObject({ reply: LongText(2000) });
export const CorrectionBody = z.strictObject({
  unitId: Id,
  indicatorId: Id,
  score: Score,
  reason: LongText(1000),
});
