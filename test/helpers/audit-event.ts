import type { AuditEventInput } from '../../src/db/repositories/audit-repository.js';

/** A test's own audit event in `regionId`'s chain (null: the installation's), about `entityId`. */
export function testAuditEvent(
  regionId: string | null,
  at: string,
  entityId: string | null = regionId,
): AuditEventInput {
  return { regionId, accountId: null, action: 'test.write', entity: 'region', entityId, data: null, at };
}
