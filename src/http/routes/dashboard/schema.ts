import { z } from 'zod';
import { RegionParams, TaskStatusSchema, UnitKindSchema } from '../../schemas.js';
import { IndicatorCountsSchema, IndicatorLaggardSchema } from '../indicators/schema.js';
import { RollUpSchema } from '../plans/schema.js';

export { RegionParams };

export const DashboardSchema = z.object({
  asOf: z.string(),
  total: RollUpSchema,
  timeElapsed: z.number(),
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** The title without the region's name and the year, for tight places. */
      shortName: z.string(),
      year: z.number().int(),
      rollUp: RollUpSchema,
      timeElapsed: z.number(),
    }),
  ),
  areas: z.array(
    z.object({
      id: z.string(),
      planId: z.string(),
      code: z.string(),
      title: z.string(),
      /** The office's short name, or the part of the title the plan's other areas do not share. */
      shortName: z.string(),
      rollUp: RollUpSchema,
      timeElapsed: z.number(),
    }),
  ),
  /** Ranked by domain/battle-map.ts compareUnitStanding: most red, then most yellow, then least progress. */
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: UnitKindSchema,
      red: z.number().int(),
      yellow: z.number().int(),
      rollUp: RollUpSchema,
    }),
  ),
  redList: z.array(
    z.object({
      taskId: z.string(),
      planId: z.string(),
      code: z.string(),
      title: z.string(),
      leadUnitId: z.string().nullable(),
      leadUnitName: z.string().nullable(),
      dueDate: z.string().nullable(),
      daysOverdue: z.number().int(),
      progress: z.number(),
    }),
  ),
  trend: z.array(z.object({ month: z.string(), counts: z.record(TaskStatusSchema, z.number().int()) })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

const RedTaskSchema = DashboardSchema.shape.redList.element;

export const RegionRollUpSchema = z.object({
  asOf: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
  total: RollUpSchema,
  children: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      regions: z.number().int(),
      total: RollUpSchema,
      redList: z.array(RedTaskSchema.extend({ regionId: z.string(), regionName: z.string() })),
      indicators: z.object({
        counts: IndicatorCountsSchema,
        laggards: z.array(IndicatorLaggardSchema.extend({ regionId: z.string(), regionName: z.string() })),
      }),
    }),
  ),
});
export type RegionRollUpBody = z.infer<typeof RegionRollUpSchema>;
