import { z } from 'zod';

export const RegionParams = z.strictObject({ regionId: z.string().min(1) });
export const PlanParams = z.strictObject({ planId: z.string().min(1) });
export const TaskParams = z.strictObject({ taskId: z.string().min(1) });
export const IdParams = z.strictObject({ id: z.string().min(1) });

export const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const Text = (max: number) => z.string().trim().min(1).max(max);
export const OkSchema = z.object({ ok: z.boolean() });
