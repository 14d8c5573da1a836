import { z } from 'zod';
import type { RegionInput } from '../../../services/region-service.js';
import type { ProjectSettingsInput } from '../../../services/region-settings-service.js';
import { Id, RegionParams, Text } from '../../schemas.js';

export { RegionParams };

export const RegionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  parentCity: z.string().nullable(),
  /** The region above (a city above its districts); its office, leaders and viewers read this one. */
  parentId: z.string().nullable(),
  version: z.number().int(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionBody = z.strictObject({
  name: Text(50),
  kind: Text(20),
  parentCity: Text(50).optional(),
  parentId: Id.optional(),
}) satisfies z.ZodType<RegionInput>;
export type RegionBody = z.infer<typeof RegionBody>;

const Stages = ['planning', 'reserve', 'signed', 'started', 'operating'] as const;
const Checkpoints = ['deployed', 'acting', 'effect'] as const;

/** What the office sets; the ranges, the names' lengths and their order are the service's to refuse by reason. */
export const RegionSettingsBody = z.strictObject({
  projectReportDueDay: z.number().int(),
  projectStageLabels: z.strictObject(
    Object.fromEntries(Stages.map((s) => [s, z.string().max(50)])) as Record<
      (typeof Stages)[number],
      z.ZodString
    >,
  ),
  directiveDays: z.strictObject(
    Object.fromEntries(Checkpoints.map((c) => [c, z.number().int()])) as Record<
      (typeof Checkpoints)[number],
      z.ZodNumber
    >,
  ),
}) satisfies z.ZodType<ProjectSettingsInput>;

export const RegionSettingsSchema = z.object({
  regionId: z.string(),
  projectReportDueDay: z.number().int(),
  projectStageLabels: RegionSettingsBody.shape.projectStageLabels,
  directiveDays: RegionSettingsBody.shape.directiveDays,
  version: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
