import type { Migration } from 'kysely';
import * as initial from './20261121_0800_initial.js';
import * as proposedLeadUnit from './20261121_0900_task_proposed_lead_unit.js';
import * as auditHeadRow from './20261121_1100_audit_head_row.js';
import * as auditAppendOnly from './20261122_0900_audit_append_only.js';
import * as periodDecisions from './20261123_1430_period_decisions.js';

/** Every migration by its timestamped name; the list is static so the build needs no directory scan. */
export const migrations: Record<string, Migration> = {
  '20261121_0800_initial': initial,
  '20261121_0900_task_proposed_lead_unit': proposedLeadUnit,
  '20261121_1100_audit_head_row': auditHeadRow,
  '20261122_0900_audit_append_only': auditAppendOnly,
  '20261123_1430_period_decisions': periodDecisions,
};
