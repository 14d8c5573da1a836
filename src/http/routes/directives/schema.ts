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
} from '../../schemas.js';

export { IdParams, RegionParams };

export const CheckpointKindSchema = z.enum(['deployed', 'acting', 'effect']);
export const CheckpointStateSchema = z.enum(['met', 'late', 'missed', 'pending']);

export const CheckpointParams = z.strictObject({ id: Id, checkpoint: CheckpointKindSchema });

const UnitRef = z.object({ id: z.string(), name: z.string() });

export const CheckpointSchema = z.object({
  kind: CheckpointKindSchema,
  dueDate: z.string(),
  state: CheckpointStateSchema,
  /** When the stage happened: the unit's answer, or implied by a later stage's (`inferred`). */
  doneOn: z.string().nullable(),
  inferred: z.boolean(),
  daysLate: z.number().int(),
  answer: z.object({ body: z.string(), answeredAt: z.string() }).nullable(),
});

export const DirectiveSchema = z.object({
  id: z.string(),
  source: z.enum(['meeting', 'instruction']),
  content: z.string(),
  leadUnit: UnitRef,
  coUnits: z.array(UnitRef),
  assignedOn: z.string(),
  deadline: z.string(),
  /** The date an approved extension moved the deadline and the 见效 checkpoint to. */
  extendedTo: z.string().nullable(),
  meeting: z
    .object({
      id: z.string(),
      topic: z.string(),
      kind: z.string(),
      heldOn: z.string(),
      decisionId: z.string(),
    })
    .nullable(),
  instruction: z.object({ id: z.string(), taskId: z.string().nullable() }).nullable(),
  /** One word for the row: missed if any checkpoint was, else late, else pending while one is open, else met. */
  state: CheckpointStateSchema,
  done: z.boolean(),
  checkpoints: z.array(CheckpointSchema),
  pendingExtension: z.boolean(),
  version: z.number().int(),
  can: CanSchema(['answer', 'requestExtension', 'decideExtension']),
});
export type Directive = z.infer<typeof DirectiveSchema>;

export const DirectiveFileSchema = z.object({
  id: z.string(),
  checkpoint: CheckpointKindSchema,
  ...FileFields,
  createdAt: z.string(),
});
export type DirectiveFile = z.infer<typeof DirectiveFileSchema>;

export const ExtensionSchema = z.object({
  id: z.string(),
  reason: z.string(),
  progress: z.string(),
  newDate: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
});

export const DirectiveDetailSchema = DirectiveSchema.extend({
  files: z.array(DirectiveFileSchema),
  extensions: z.array(ExtensionSchema),
  /** The 催办 the daily job raised on missed checkpoints. */
  notices: z.array(
    z.object({ id: z.string(), checkpoint: CheckpointKindSchema, body: z.string(), issuedAt: z.string() }),
  ),
});
export type DirectiveDetail = z.infer<typeof DirectiveDetailSchema>;

export const DirectiveQuery = z.strictObject({
  unitId: Id.optional(),
  meetingId: Id.optional(),
  state: CheckpointStateSchema.optional(),
});

const UnitIds = z.array(Id).max(50);

export const DirectiveFromDecisionBody = z.strictObject({
  /** The directive's wording; the decision's own when left out. */
  content: LongText(2000).optional(),
  leadUnitId: Id,
  coUnitIds: UnitIds.optional(),
  deadline: DateString,
});
export type DirectiveFromDecisionBody = z.infer<typeof DirectiveFromDecisionBody>;

export const DirectiveFromInstructionBody = DirectiveFromDecisionBody.extend({
  /** The unit to lead it; the unit the instruction is addressed to when left out. */
  leadUnitId: Id.optional(),
});

export const AnswerBody = z.strictObject({ body: LongText(5000) });

export const ExtensionBody = z.strictObject({
  reason: LongText(2000),
  progress: LongText(2000),
  newDate: DateString,
});

export const DecideExtensionBody = z.strictObject({
  approve: z.boolean(),
  note: OptionalLongText(1000).optional(),
});

/** An urge still open: the missed checkpoint of a directive, addressed to its lead unit's 督办 inbox. */
export const DirectiveUrgeSchema = z.object({
  id: z.string(),
  directiveId: z.string(),
  content: z.string(),
  unit: UnitRef,
  checkpoint: CheckpointKindSchema,
  dueDate: z.string(),
  daysLate: z.number().int(),
  body: z.string(),
  issuedAt: z.string(),
});
export type DirectiveUrge = z.infer<typeof DirectiveUrgeSchema>;
