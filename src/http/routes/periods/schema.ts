import { z } from 'zod';
import type { DecisionInput } from '../../../services/period-service.js';
import { CanSchema, RegionParams, TaskParams } from '../../schemas.js';
import { ReportStatusSchema } from '../reports/schema.js';

export { RegionParams, TaskParams };

const PeriodKey = z.string().min(1).max(10);

export const PeriodStateSchema = z.enum(['open', 'closed', 'reopened']);

const PeriodFields = {
  period: z.string(),
  /** The last day the report is on time. */
  dueDate: z.string(),
  /** The last day the period takes reports unless the office closed it earlier or reopens it. */
  closesOn: z.string(),
  state: PeriodStateSchema,
  by: z.enum(['calendar', 'office']),
  report: z.object({ id: z.string(), status: ReportStatusSchema }).nullable(),
};

export const TaskPeriodSchema = z.object({
  ...PeriodFields,
  can: CanSchema(['reopen', 'close']),
});
export type TaskPeriod = z.infer<typeof TaskPeriodSchema>;

export const OwedReportSchema = z.object({
  ...PeriodFields,
  overdue: z.boolean(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  planId: z.string(),
});
export type OwedReport = z.infer<typeof OwedReportSchema>;

export const PeriodDecisionSchema = z.object({
  id: z.string(),
  period: z.string(),
  taskId: z.string().nullable(),
  state: z.enum(['open', 'closed']),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type PeriodDecision = z.infer<typeof PeriodDecisionSchema>;

/** The office's two decisions, as the URL names them. */
export const DECISIONS = { reopen: 'open', close: 'closed' } as const satisfies Record<
  string,
  DecisionInput['state']
>;
const DecisionAction = z.enum(['reopen', 'close']);

export const TaskPeriodParams = z.strictObject({
  taskId: z.string().min(1),
  period: PeriodKey,
  action: DecisionAction,
});
export type TaskPeriodParams = z.infer<typeof TaskPeriodParams>;

export const RegionPeriodParams = z.strictObject({
  regionId: z.string().min(1),
  period: PeriodKey,
  action: DecisionAction,
});
export type RegionPeriodParams = z.infer<typeof RegionPeriodParams>;

// A bodyless POST arrives as null.
export const DecisionBody = z.strictObject({ reason: z.string().trim().max(500).optional() }).nullish();
export type DecisionBody = z.infer<typeof DecisionBody>;
