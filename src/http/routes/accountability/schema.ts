import { z } from 'zod';
import { ACCOUNTABILITY_KINDS, ACCOUNTABILITY_MEASURES } from '../../../domain/accountability.js';
import {
  CanSchema,
  DateString,
  Id,
  IdParams,
  LongText,
  OptionalText,
  RegionParams,
  Text,
} from '../../schemas.js';

export { IdParams, RegionParams };

export const AccountabilityKindSchema = z.enum(ACCOUNTABILITY_KINDS);
export const AccountabilityMeasureSchema = z.enum(ACCOUNTABILITY_MEASURES);

export const AccountabilitySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The person held to account; null when the record is on the unit itself. */
  personName: z.string().nullable(),
  personPost: z.string().nullable(),
  kind: AccountabilityKindSchema,
  facts: z.string(),
  decision: z.string(),
  decidedBy: z.string(),
  decidedOn: z.string(),
  measures: z.array(AccountabilityMeasureSchema),
  taskId: z.string().nullable(),
  taskCode: z.string().nullable(),
  taskTitle: z.string().nullable(),
  noticeId: z.string().nullable(),
  assessmentItemId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  can: CanSchema(['edit']),
});
export type Accountability = z.infer<typeof AccountabilitySchema>;

export const AccountabilityQuery = z.strictObject({ unitId: Id.optional() });

const fields = {
  unitId: Id,
  personName: OptionalText(50).optional(),
  personPost: OptionalText(100).optional(),
  kind: AccountabilityKindSchema,
  facts: LongText(5000),
  decision: LongText(2000),
  decidedBy: Text(100),
  decidedOn: DateString,
  measures: z.array(AccountabilityMeasureSchema).min(1).max(ACCOUNTABILITY_MEASURES.length),
  taskId: Id.nullable().optional(),
  noticeId: Id.nullable().optional(),
  assessmentItemId: Id.nullable().optional(),
};

export const AccountabilityBody = z.strictObject(fields);
export type AccountabilityBody = z.infer<typeof AccountabilityBody>;

export const AccountabilityPatchBody = z.strictObject(fields).partial();
export type AccountabilityPatchBody = z.infer<typeof AccountabilityPatchBody>;
