import { z } from 'zod';

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  brokenAt: z
    .object({
      seq: z.number().int(),
      reason: z.string(),
      /** The region whose chain breaks (null: the installation's chain); absent for the legacy chain. */
      regionId: z.string().nullable().optional(),
      chainSeq: z.number().int().optional(),
    })
    .optional(),
});
export type AuditVerificationBody = z.infer<typeof AuditVerificationSchema>;
