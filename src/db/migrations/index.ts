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
// Directives and meetings (issue 11 §3–4).
import * as directivesMeetings from './20261205_0900_directives_meetings.js';
// Indicators and key projects (issue 11)
import * as indicatorsAndProjects from './20261204_0900_indicators_and_projects.js';
// Accountability, fault tolerance and the experience library (issue 10 §2–3).
import * as accountability from './20261203_0900_accountability.js';
import * as experiences from './20261203_0910_experiences.js';

// Assessment (考核)
import * as assessmentSchemes from './20261202_0900_assessment_schemes.js';
import * as assessmentLedgerIndexes from './20261202_0910_assessment_ledger_indexes.js';
// Bulletins (通报)
import * as bulletins from './20261207_0900_bulletins.js';
import * as bulletinReceipts from './20261209_0900_bulletin_receipts.js';
import * as auditRegionChains from './20261208_0900_audit_region_chains.js';
import * as reportDigestIndexes from './20261208_0910_report_digest_indexes.js';
import * as regionParent from './20261208_0920_region_parent.js';
// Excel 台账: ongoing tasks, the office's notes (issue 12)
import * as taskOngoingNotes from './20261211_0900_task_ongoing_notes.js';
import * as reportNextSteps from './20261211_0910_report_next_steps.js';
import * as taskReportDigests from './20261212_0900_task_report_digests.js';
import * as milestoneStandingIndex from './20261212_0910_milestone_standing_index.js';
import * as reportReceivedIndexes from './20261213_0900_report_received_indexes.js';
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
  // Directives and meetings (issue 11 §3–4).
  '20261205_0900_directives_meetings': directivesMeetings,
  // Indicators and key projects (issue 11)
  '20261204_0900_indicators_and_projects': indicatorsAndProjects,
  // Accountability, fault tolerance and the experience library (issue 10 §2–3).
  '20261203_0900_accountability': accountability,
  '20261203_0910_experiences': experiences,
  // Assessment (考核)
  '20261202_0900_assessment_schemes': assessmentSchemes,
  '20261202_0910_assessment_ledger_indexes': assessmentLedgerIndexes,
  // Bulletins (通报)
  '20261207_0900_bulletins': bulletins,
  '20261208_0900_audit_region_chains': auditRegionChains,
  '20261208_0910_report_digest_indexes': reportDigestIndexes,
  '20261208_0920_region_parent': regionParent,
  // Bulletin receipts: the units a published bulletin names, and their 已阅
  '20261209_0900_bulletin_receipts': bulletinReceipts,
  '20261211_0900_task_ongoing_notes': taskOngoingNotes,
  '20261211_0910_report_next_steps': reportNextSteps,
  // What the status rule reads of a task's reports, one row per task, kept by triggers
  '20261212_0900_task_report_digests': taskReportDigests,
  '20261212_0910_milestone_standing_index': milestoneStandingIndex,
  // The digest's indexes hold only what the office received: a unit's drafts and head's queue skip them
  '20261213_0900_report_received_indexes': reportReceivedIndexes,
};
