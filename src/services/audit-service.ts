import { verifyAuditChain, type AuditVerification } from '../db/repositories/audit-repository.js';
import { demand } from './access.js';
import type { Actor } from './actor.js';
import { db, type ServiceContext } from './context.js';
import * as auditPolicy from './policies/audit.js';

export type { AuditVerification };

/** Walks the whole hash chain of the audit log and names the first event that breaks it. */
export function verifyAudit(ctx: ServiceContext, actor: Actor): Promise<AuditVerification> {
  demand(auditPolicy.can(actor, 'verify'));
  return verifyAuditChain(db(ctx));
}
