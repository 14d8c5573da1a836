import { z } from 'zod';

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  brokenAt: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});
export type AuditVerificationBody = z.infer<typeof AuditVerificationSchema>;
