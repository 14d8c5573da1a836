import type { Migration } from 'kysely';
import * as initial from './20261121_0800_initial.js';
import * as proposedLeadUnit from './20261121_0900_task_proposed_lead_unit.js';
import * as auditHeadRow from './20261121_1100_audit_head_row.js';
import * as auditAppendOnly from './20261122_0900_audit_append_only.js';
import * as auditEventsRegionSeq from './20261123_1500_audit_events_region_seq.js';
import * as taskParentIndex from './20261201_0900_task_parent_index.js';
import * as idempotencyRequestHash from './20261124_0900_idempotency_request_hash.js';
import * as sessionLastSeen from './20261124_0910_session_last_seen.js';
import * as areaShortName from './20261129_2140_area_short_name.js';
import * as holidayYears from './20261129_1000_holiday_years.js';
import * as instructionFollowThrough from './20261129_1100_instruction_follow_through.js';
import * as periodDecisions from './20261123_1430_period_decisions.js';
import * as auditRegionChains from './20261208_0900_audit_region_chains.js';
import * as reportDigestIndexes from './20261208_0910_report_digest_indexes.js';
import * as regionParent from './20261208_0920_region_parent.js';

/** Every migration by its timestamped name; the list is static so the build needs no directory scan. */
export const migrations: Record<string, Migration> = {
  '20261121_0800_initial': initial,
  '20261121_0900_task_proposed_lead_unit': proposedLeadUnit,
  '20261121_1100_audit_head_row': auditHeadRow,
  '20261122_0900_audit_append_only': auditAppendOnly,
  '20261123_1500_audit_events_region_seq': auditEventsRegionSeq,
  '20261201_0900_task_parent_index': taskParentIndex,
  '20261124_0900_idempotency_request_hash': idempotencyRequestHash,
  '20261124_0910_session_last_seen': sessionLastSeen,
  '20261129_2140_area_short_name': areaShortName,
  '20261129_1000_holiday_years': holidayYears,
  '20261129_1100_instruction_follow_through': instructionFollowThrough,
  '20261123_1430_period_decisions': periodDecisions,
  '20261208_0900_audit_region_chains': auditRegionChains,
  '20261208_0910_report_digest_indexes': reportDigestIndexes,
  '20261208_0920_region_parent': regionParent,
};
