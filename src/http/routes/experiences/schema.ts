import { z } from 'zod';
import {
  CanSchema,
  Id,
  IdParams,
  Line,
  LongText,
  OptionalLongText,
  RegionParams,
  TaskParams,
  Text,
} from '../../schemas.js';
import { AttachmentSchema } from '../attachments/schema.js';

export { IdParams, RegionParams, TaskParams };

export const ExperienceStatusSchema = z.enum(['proposed', 'accepted', 'returned']);

export const ExperienceSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  title: z.string(),
  /** 实施改革的缘由 */
  reason: z.string(),
  /** 重要举措 */
  measures: z.string(),
  /** 主要成效 */
  effects: z.string(),
  abstract: z.string(),
  areaTitle: z.string().nullable(),
  year: z.number().int(),
  status: ExperienceStatusSchema,
  returnReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  adoptionCount: z.number().int(),
  version: z.number().int(),
  can: CanSchema(['edit', 'decide', 'adopt']),
});
export type Experience = z.infer<typeof ExperienceSchema>;

export const AdoptionSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  note: z.string(),
  adoptedBy: z.string(),
  adoptedAt: z.string(),
});
export type Adoption = z.infer<typeof AdoptionSchema>;

export const ExperienceDetailSchema = ExperienceSchema.extend({
  files: z.array(AttachmentSchema),
  adoptions: z.array(AdoptionSchema),
});
export type ExperienceDetail = z.infer<typeof ExperienceDetailSchema>;

export const LibrarySchema = z.object({
  /** The words searched for, as the search understood them. */
  terms: z.array(z.string()),
  total: z.number().int(),
  items: z.array(ExperienceSchema),
  facets: z.object({
    regions: z.array(z.object({ id: z.string(), name: z.string() })),
    areaTitles: z.array(z.string()),
    years: z.array(z.number().int()),
  }),
});
export type Library = z.infer<typeof LibrarySchema>;

export const RegionExperienceQuery = z.strictObject({ status: ExperienceStatusSchema.optional() });

export const LibraryQuery = z.strictObject({
  q: Line(100).optional(),
  regionId: Id.optional(),
  area: Line(200).optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, '年份应为四位数字')
    .transform(Number)
    .optional(),
});

/** About 300 characters, as the programmes ask; a little room over, none for a second essay. */
export const ABSTRACT_MAX = 400;

const fields = {
  title: Text(100),
  reason: LongText(3000),
  measures: LongText(5000),
  effects: LongText(3000),
  abstract: LongText(ABSTRACT_MAX),
};
export const ExperienceBody = z.strictObject(fields);
export type ExperienceBody = z.infer<typeof ExperienceBody>;
export const ExperiencePatchBody = z.strictObject(fields).partial();

export const ReturnBody = z.strictObject({ reason: LongText(2000) });
export const AdoptionBody = z.strictObject({ taskId: Id, note: OptionalLongText(2000).default('') });
