import { z } from 'zod';
import type { ConfirmValueInput, IndicatorValueInput } from '../../../services/indicator-service.js';
import {
  IdParams,
  Line,
  OptionalLongText,
  OptionalText,
  PlanParams,
  RegionParams,
  TaskStatusSchema,
} from '../../schemas.js';
import { TargetSchema } from '../targets/schema.js';

export { IdParams, PlanParams, RegionParams };

/** A month key: '2026-06'. */
export const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-03');

export const IndicatorResultSchema = z.object({
  status: z.enum(['met', 'on_pace', 'behind', 'missed', 'no_data']),
  period: z.string().nullable(),
  actual: z.number().nullable(),
  completion: z.number().nullable(),
  elapsed: z.number(),
  gap: z.number(),
  inverted: z.boolean(),
  /** How to word the result (the web app says it in the reader's language, with `gap`). */
  wording: z.enum([
    'met',
    'on_pace',
    'no_data',
    'over_target',
    'short_of_target',
    'above_target',
    'below_target',
    'ahead_of_pace',
    'behind_pace',
  ]),
  /** "低于序时进度 N 个百分点", in the bulletin's words. */
  text: z.string(),
});
export type IndicatorResultOut = z.infer<typeof IndicatorResultSchema>;

export const IndicatorSchema = TargetSchema.extend({
  result: IndicatorResultSchema,
  can: z.object({ reportValue: z.boolean(), confirmValue: z.boolean() }),
});
export type IndicatorOut = z.infer<typeof IndicatorSchema>;

export const IndicatorPageSchema = z.object({ asOf: z.string(), indicators: z.array(IndicatorSchema) });
export const AsOfQuery = z.strictObject({ asOf: MonthKey.optional() });
export const MonthQuery = z.strictObject({ month: MonthKey.optional() });

export const ValueBody = z.strictObject({
  period: Line(10),
  value: z.number(),
  unit: OptionalText(20).optional(),
  note: OptionalLongText(500).optional(),
}) satisfies z.ZodType<IndicatorValueInput>;

export const ConfirmBody = z.strictObject({
  period: Line(10),
  value: z.number().optional(),
  unit: OptionalText(20).optional(),
  note: OptionalLongText(500).optional(),
}) satisfies z.ZodType<ConfirmValueInput>;

/** An indicator behind 序时 or missed, as a progress panel or a roll-up names it. */
export const IndicatorLaggardSchema = z.object({
  targetId: z.string(),
  planId: z.string(),
  indicator: z.string(),
  value: z.number(),
  unit: z.string(),
  comparator: TargetSchema.shape.comparator,
  result: IndicatorResultSchema,
});

export type IndicatorLaggardOut = z.infer<typeof IndicatorLaggardSchema>;

export const IndicatorCountsSchema = z.object({
  total: z.number().int(),
  met: z.number().int(),
  onPace: z.number().int(),
  behind: z.number().int(),
  missed: z.number().int(),
  noData: z.number().int(),
});

export const ConversionSchema = z.object({
  newReserve: z.number().int(),
  newSigned: z.number().int(),
  newStarted: z.number().int(),
  newOperating: z.number().int(),
  signedToStarted: z.number().nullable(),
  startedToOperating: z.number().nullable(),
});

const StageCounts = z.object({
  planning: z.number().int(),
  reserve: z.number().int(),
  signed: z.number().int(),
  started: z.number().int(),
  operating: z.number().int(),
});

export const ProgressSummarySchema = z.object({
  month: z.string(),
  elapsed: z.number(),
  indicators: z.object({
    counts: IndicatorCountsSchema,
    laggards: z.array(IndicatorLaggardSchema),
  }),
  projects: z.object({
    count: z.number().int(),
    byStage: StageCounts,
    stageLabels: z.object({
      planning: z.string(),
      reserve: z.string(),
      signed: z.string(),
      started: z.string(),
      operating: z.string(),
    }),
    byStatus: z.object({
      done: z.number().int(),
      on_track: z.number().int(),
      at_risk: z.number().int(),
      delayed: z.number().int(),
      not_started: z.number().int(),
    }),
    yearPlan: z.number(),
    yearToDate: z.number(),
    completion: z.number().nullable(),
    conversion: ConversionSchema,
    laggards: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        stage: StageCounts.keyof(),
        status: TaskStatusSchema,
        lag: z.number(),
        completion: z.number().nullable(),
      }),
    ),
  }),
});
export type ProgressSummaryOut = z.infer<typeof ProgressSummarySchema>;
