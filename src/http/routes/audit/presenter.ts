import type { AuditVerification } from '../../../services/audit-service.js';
import type { AuditVerificationBody } from './schema.js';

export function presentVerification(v: AuditVerification): AuditVerificationBody {
  return {
    ok: v.ok,
    events: v.events,
    ...(v.brokenAt && {
      brokenAt: {
        seq: v.brokenAt.seq,
        reason: v.brokenAt.reason,
        ...(v.brokenAt.regionId !== undefined && { regionId: v.brokenAt.regionId }),
        ...(v.brokenAt.chainSeq !== undefined && { chainSeq: v.brokenAt.chainSeq }),
      },
    }),
  };
}
