import { z } from 'zod';
import {
  CanSchema,
  DateString,
  FileFields,
  Id,
  IdParams,
  LongText,
  OptionalLongText,
  RegionParams,
  Text,
} from '../../schemas.js';

export { IdParams, RegionParams };

export const MeetingKindSchema = z.enum(['discussion', 'retreat', 'executive', 'topic', 'forum']);

export const DecisionSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  content: z.string(),
  state: z.enum(['unassigned', 'in_progress', 'done']),
  directiveId: z.string().nullable(),
  taskId: z.string().nullable(),
});

/** "确定事项43件，已完成16件" and what is behind it. */
export const TallySchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  unassigned: z.number().int(),
  directives: z.number().int(),
  tasks: z.number().int(),
  sentence: z.string(),
});

export const MeetingSummarySchema = z.object({
  id: z.string(),
  kind: MeetingKindSchema,
  heldOn: z.string(),
  topic: z.string(),
  tally: TallySchema,
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingFileSchema = z.object({
  id: z.string(),
  ...FileFields,
  createdAt: z.string(),
});
export type MeetingFile = z.infer<typeof MeetingFileSchema>;

export const MeetingSchema = MeetingSummarySchema.extend({
  files: z.array(MeetingFileSchema),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  leaders: z.array(z.string()),
  minutes: z.string(),
  decisions: z.array(DecisionSchema),
  can: CanSchema(['record', 'assignDecision']),
});
export type Meeting = z.infer<typeof MeetingSchema>;

const Decisions = z.array(LongText(2000)).max(200);

export const MeetingBody = z.strictObject({
  kind: MeetingKindSchema,
  heldOn: DateString,
  topic: Text(200),
  unitIds: z.array(Id).max(200).optional(),
  leaders: z.array(Text(50)).max(50).optional(),
  minutes: OptionalLongText(20000).optional(),
  decisions: Decisions.optional(),
});

export const DecisionsBody = z.strictObject({ decisions: Decisions.min(1) });

export const DecisionTaskBody = z.strictObject({
  planId: Id,
  areaId: Id.optional(),
  /** The task's title; the decision's wording when left out. */
  title: Text(500).optional(),
  leadUnitId: Id,
  coUnitIds: z.array(Id).max(50).optional(),
  dueDate: DateString,
});
