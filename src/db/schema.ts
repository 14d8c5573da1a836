import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Portable column conventions, so one set of migrations and repositories serves SQLite and PostgreSQL:
 * ids are text, instants are ISO-8601 text (UTC), calendar dates are 'YYYY-MM-DD' text,
 * booleans are 0/1 integers and structured values are JSON text.
 */
type Bool = number;
type Version = ColumnType<number, number | undefined, number>;

export type Role = 'admin' | 'office' | 'leader' | 'unit_head' | 'reporter' | 'viewer';
export type UnitKind = 'office' | 'department' | 'town' | 'other';
export type PlanKind =
  'work_points' | 'topic_projects' | 'action_plan' | 'congress_report' | 'government_report' | 'speech';
export type PlanStatus = 'draft' | 'published';
export type ReportStatus = 'draft' | 'awaiting_head' | 'submitted' | 'accepted' | 'returned';
export type NoticeKind = 'reminder' | 'urge' | 'supervise' | 'listed';
export type NoticeStatus = 'issued' | 'responded' | 'closed';

export interface RegionTable {
  id: string;
  name: string;
  kind: string;
  parent_city: string | null;
  /** The region above this one (a city above its districts, a province above its cities); null at the top. */
  parent_id: ColumnType<string | null, string | null | undefined, string | null>;
  settings: string;
  version: Version;
  created_at: string;
}

export interface UnitTable {
  id: string;
  region_id: string;
  name: string;
  kind: UnitKind;
  active: Bool;
  version: Version;
  created_at: string;
}

export interface AccountTable {
  id: string;
  region_id: string | null;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  unit_id: string | null;
  active: Bool;
  version: Version;
  created_at: string;
}

export interface SessionTable {
  id: string;
  region_id: string | null;
  account_id: string;
  created_at: string;
  expires_at: string;
  /** When a request last used it (at most a minute stale); null until then, meaning created_at. */
  last_seen_at: string | null;
}

export interface PlanTable {
  id: string;
  region_id: string;
  title: string;
  kind: PlanKind;
  year: number;
  period_start: string;
  period_end: string;
  cadence: 'monthly' | 'quarterly';
  status: PlanStatus;
  source_name: string | null;
  source_text: string | null;
  warnings: string;
  version: Version;
  created_at: string;
  published_at: string | null;
}

export interface AreaTable {
  id: string;
  region_id: string;
  plan_id: string;
  seq: number;
  code: string;
  title: string;
  /** The office's short name for tight places; null: derived from the title (domain/area-names.ts). */
  short_name: string | null;
  source_start: number | null;
  source_end: number | null;
  version: Version;
}

export interface TaskTable {
  id: string;
  region_id: string;
  plan_id: string;
  area_id: string | null;
  parent_task_id: string | null;
  seq: number;
  code: string;
  title: string;
  implementation_plan: string;
  work_standard: string;
  lead_unit_id: string | null;
  proposed_lead_unit: ColumnType<string | null, string | null | undefined, string | null>;
  leader_name: string | null;
  tags: string;
  start_date: string | null;
  due_date: string | null;
  /** 长期坚持: no due date on purpose; such a task is never overdue. */
  ongoing: ColumnType<Bool, Bool | undefined, Bool>;
  /** The office's 备注 on the task. */
  office_note: ColumnType<string, string | undefined, string>;
  weight: number;
  source_start: number | null;
  source_end: number | null;
  version: Version;
  created_at: string;
  updated_at: string;
}

/** The office's 台账进展备注 for a task and period: shown beside the unit's report, never one. */
export interface LedgerNoteTable {
  id: string;
  region_id: string;
  task_id: string;
  period: string;
  note: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
  version: Version;
}

export interface TaskCoUnitTable {
  region_id: string;
  task_id: string;
  unit_id: string;
}

export interface MilestoneTable {
  id: string;
  region_id: string;
  task_id: string;
  seq: number;
  title: string;
  due_date: string;
  done_date: string | null;
  version: Version;
}

export interface TargetTable {
  id: string;
  region_id: string;
  plan_id: string;
  area_id: string | null;
  task_id: string | null;
  indicator: string;
  measure: 'level' | 'growth' | 'share' | 'count';
  comparator: '=' | '~' | '>' | '>=' | '<' | '<=';
  value: number;
  unit: string;
  stretch: Bool;
  period: string | null;
  source_text: string | null;
  source_start: number | null;
  source_end: number | null;
  version: Version;
  /** The responsible unit, whose reporter enters the values. */
  unit_id: ColumnType<string | null, string | null | undefined, string | null>;
  cadence: ColumnType<IndicatorCadence, IndicatorCadence | undefined, IndicatorCadence>;
  /** 1: values are year-to-date (累计); 0: each period's own (当期). */
  cumulative: ColumnType<Bool, Bool | undefined, Bool>;
}

export interface MeasurementTable {
  id: string;
  region_id: string;
  target_id: string;
  period: string;
  value: number;
  note: string;
  created_by: string;
  created_at: string;
  /** 'reported' by the responsible unit, or 'confirmed' by the office. */
  status: ColumnType<MeasurementStatus, MeasurementStatus | undefined, MeasurementStatus>;
  /** The unit's figure when the office's (the statistics bureau's) replaced it. */
  estimate: ColumnType<number | null, number | null | undefined, number | null>;
  reported_by: ColumnType<string | null, string | null | undefined, string | null>;
  reported_at: ColumnType<string | null, string | null | undefined, string | null>;
  confirmed_by: ColumnType<string | null, string | null | undefined, string | null>;
  confirmed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * What the status rule reads of one task's reports, kept by the database's triggers on every write to reports
 * (migration 20261212_0900): never written by the application.
 */
export interface TaskReportDigestTable {
  task_id: string;
  region_id: string;
  /** The latest period the office has received a report for. */
  last_period: string | null;
  /** The progress of the latest accepted report, and of the latest submitted one. */
  accepted_progress: number | null;
  submitted_progress: number | null;
  /** 1 when an accepted report claims completion. */
  completed: Generated<number>;
}

export interface ReportTable {
  id: string;
  region_id: string;
  task_id: string;
  unit_id: string;
  period: string;
  progress: number;
  narrative: string;
  problems: string;
  coordination: string;
  /** 下步打算: what the unit will do next. */
  next_steps: ColumnType<string, string | undefined, string>;
  claims_completion: Bool;
  status: ReportStatus;
  return_reason: string | null;
  rating: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  reviewed_at: string | null;
  version: Version;
}

export interface EvidenceFileTable {
  id: string;
  region_id: string;
  report_id: string;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  created_by: string;
  created_at: string;
}

export interface NoticeTable {
  id: string;
  region_id: string;
  task_id: string;
  unit_id: string;
  kind: NoticeKind;
  body: string;
  reason: string | null;
  period: string | null;
  issued_by: string | null;
  issued_at: string;
  response_due: string;
  response: string | null;
  responded_by: string | null;
  responded_at: string | null;
  status: NoticeStatus;
  version: Version;
}

export interface InstructionTable {
  id: string;
  region_id: string;
  task_id: string;
  author_id: string;
  body: string;
  created_at: string;
  /** The unit asked to act on it; null on instructions written before they had an addressee. */
  unit_id: string | null;
  response_due: string | null;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  status: ColumnType<InstructionStatus, InstructionStatus | undefined, InstructionStatus>;
  version: Version;
}

export type InstructionStatus = 'issued' | 'replied';

/** A year's holiday arrangement as the administrator stored it (holidays and workdays are JSON). */
export interface HolidayYearTable {
  year: number;
  status: 'published' | 'unknown';
  source: string | null;
  holidays: string;
  workdays: string;
  updated_by: string;
  updated_at: string;
}

/** An office decision on a reporting period: closed early or reopened, for one task or (task_id null) all. */
export interface PeriodDecisionTable {
  id: string;
  region_id: string;
  period: string;
  task_id: string | null;
  state: 'open' | 'closed';
  reason: string;
  decided_by: string;
  decided_at: string;
}

export interface AuditEventTable {
  /** The event's id across chains: given by the database (SQLite's rowid, a PostgreSQL sequence). */
  seq: Generated<number>;
  region_id: string | null;
  account_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
  /** The chain the event belongs to: its region, or '' for events of no region; null in the legacy chain. */
  chain: string | null;
  /** The event's place in its chain, from 1; null in the legacy chain (whose place is `seq`). */
  chain_seq: number | null;
}

/** The head of one region's chain ('' for events of no region): locked by each append to that chain. */
export interface AuditChainHeadTable {
  chain: string;
  seq: number;
  hash: string;
  key_fingerprint: string | null;
}

/**
 * The end of the legacy chain: the one chain of the whole installation before per-region chains. It no longer
 * moves; every region's chain starts from its hash and key.
 */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The key signing the chain from the head on (see audit-key.ts); null while the chain is unkeyed. */
  key_fingerprint: string | null;
}

export interface IdempotencyKeyTable {
  region_id: string;
  account_id: string;
  key: string;
  route: string;
  status_code: number;
  body: string;
  created_at: string;
  /** sha256 of the request's canonical JSON; null for keys stored before requests were hashed. */
  request_hash: string | null;
}

// ---- Directives and meetings (issue 11 §3–4) ----

export type MeetingKind = 'discussion' | 'retreat' | 'executive' | 'topic' | 'forum';
export type DirectiveSource = 'meeting' | 'instruction';
export type DirectiveCheckpointKind = 'deployed' | 'acting' | 'effect';
export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

/** A meeting record; participants are JSON arrays (unit ids, leaders' names). */
export interface MeetingTable {
  id: string;
  region_id: string;
  kind: MeetingKind;
  held_on: string;
  topic: string;
  participant_unit_ids: string;
  participant_leaders: string;
  minutes: string;
  created_by: string;
  created_at: string;
  version: Version;
}

/** A decision (确定事项) of a meeting; task_id once it became a ledger task (a directive points back instead). */
export interface MeetingDecisionTable {
  id: string;
  region_id: string;
  meeting_id: string;
  seq: number;
  content: string;
  task_id: string | null;
  created_at: string;
  version: Version;
}

export interface MeetingFileTable {
  id: string;
  region_id: string;
  meeting_id: string;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  created_by: string;
  created_at: string;
}

export interface DirectiveTable {
  id: string;
  region_id: string;
  source: DirectiveSource;
  meeting_decision_id: string | null;
  instruction_id: string | null;
  content: string;
  lead_unit_id: string;
  assigned_on: string;
  deadline: string;
  /** The date an approved extension moved the deadline (and the 见效 checkpoint) to. */
  extended_to: string | null;
  created_by: string;
  created_at: string;
  version: Version;
}

export interface DirectiveCoUnitTable {
  region_id: string;
  directive_id: string;
  unit_id: string;
}

/** The lead unit's answer to one checkpoint: what was done, on the day it answered. */
export interface DirectiveAnswerTable {
  id: string;
  region_id: string;
  directive_id: string;
  checkpoint: DirectiveCheckpointKind;
  done_on: string;
  body: string;
  answered_by: string;
  answered_at: string;
}

export interface DirectiveFileTable {
  id: string;
  region_id: string;
  directive_id: string;
  checkpoint: DirectiveCheckpointKind;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  created_by: string;
  created_at: string;
}

export interface DirectiveExtensionTable {
  id: string;
  region_id: string;
  directive_id: string;
  reason: string;
  progress: string;
  new_date: string;
  status: ExtensionStatus;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  version: Version;
}

/** A 催办 the escalation job raised on a missed checkpoint, once per checkpoint. */
export interface DirectiveNoticeTable {
  id: string;
  region_id: string;
  directive_id: string;
  unit_id: string;
  checkpoint: DirectiveCheckpointKind;
  body: string;
  issued_at: string;
}

// Accountability, fault tolerance and the experience library (issue 10 §2–3).
export type AccountabilityKind = 'matter' | 'person' | 'integrity';
export type ToleranceSourceKind = 'notice' | 'assessment_item' | 'task';
export type ToleranceStatus = 'submitted' | 'granted' | 'refused';
export type ExperienceStatus = 'proposed' | 'accepted' | 'returned';
/** Owners of an attachment: a 容错免责 request, an experience, a self-assessment cell (its score row) or a bonus/deduction item. */
export type AttachmentOwnerKind =
  | 'experience'
  | 'tolerance'
  | 'assessment_score'
  | 'assessment_adjustment'
  /** 形象进度照片 on a key project's monthly report. */
  | 'project_report';

/** 问责: on a unit, or on a person of it (person_name set); measures are JSON, an array of codes. */
export interface AccountabilityRecordTable {
  id: string;
  region_id: string;
  unit_id: string;
  person_name: string | null;
  person_post: string | null;
  kind: AccountabilityKind;
  facts: string;
  decision: string;
  /** The body that decided (区纪委监委, 区委), as written on the decision. */
  decided_by: string;
  decided_on: string;
  measures: string;
  task_id: string | null;
  notice_id: string | null;
  assessment_item_id: string | null;
  created_by: string;
  created_at: string;
  version: Version;
}

/** 容错申请: a unit's case under the 三个区分开来, one reason per test, decided by the office (一事一议). */
export interface ToleranceRequestTable {
  id: string;
  region_id: string;
  unit_id: string;
  source_kind: ToleranceSourceKind;
  source_id: string;
  situation: string;
  pilot_reason: string;
  experiment_reason: string;
  mistake_reason: string;
  status: ToleranceStatus;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
  version: Version;
}

/** A file attached to a tolerance request or an experience, its bytes stored by sha256 as evidence is. */
export interface AttachmentTable {
  id: string;
  region_id: string;
  owner_kind: AttachmentOwnerKind;
  owner_id: string;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  created_by: string;
  created_at: string;
}

export interface ExperienceTable {
  id: string;
  region_id: string;
  unit_id: string;
  task_id: string;
  title: string;
  /** 实施改革的缘由 */
  reason: string;
  /** 重要举措 */
  measures: string;
  /** 主要成效 */
  effects: string;
  abstract: string;
  /** The task's area title when proposed, for the library's filter across regions. */
  area_title: string | null;
  year: number;
  status: ExperienceStatus;
  return_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
  version: Version;
}

/** One bigram (or single character) of an accepted experience's text: the search index of both dialects. */
export interface ExperienceGramTable {
  region_id: string;
  experience_id: string;
  gram: string;
}

/** 借鉴推广: kept in the adopting region (region_id), naming the source region so it sees its adoptions. */
export interface ExperienceAdoptionTable {
  id: string;
  region_id: string;
  experience_id: string;
  source_region_id: string;
  task_id: string;
  note: string;
  adopted_by: string;
  adopted_at: string;
}

// ---- Assessment (考核) ----

/** A year's 考核方案; groups, grade bands and the 一票否决 list are JSON (see domain/assessment-scheme.ts). */
export interface AssessmentSchemeTable {
  id: string;
  region_id: string;
  year: number;
  title: string;
  /** 文号, e.g. 金改办〔2026〕3号. */
  doc_no: string;
  base_score: number;
  groups: string;
  grade_bands: string;
  vetoes: string;
  created_at: string;
  version: Version;
}

export interface AssessmentIndicatorTable {
  id: string;
  region_id: string;
  scheme_id: string;
  seq: number;
  code: string;
  category: string;
  name: string;
  content: string;
  points: number;
  /** The scoring standard, shown verbatim. */
  standard: string;
  method: string;
  params: string;
  auto_kind: string | null;
  /** JSON list of the group codes it applies to. */
  group_codes: string;
  /** JSON map unitId → points, where units differ. */
  unit_points: string;
  /** JSON map unitId → target (null: not assessed for that unit). */
  unit_targets: string;
  measure_unit: string;
  difficulty: number;
  cap: number | null;
  scoring_unit_id: string | null;
  data_source: string;
  version: Version;
}

export interface AssessmentRoundTable {
  id: string;
  region_id: string;
  scheme_id: string;
  period: string;
  stage: string;
  publicity_until: string | null;
  finalized_at: string | null;
  created_at: string;
  version: Version;
}

export interface AssessmentSheetTable {
  id: string;
  region_id: string;
  round_id: string;
  unit_id: string;
  group_code: string;
  version: Version;
}

export interface AssessmentScoreTable {
  id: string;
  region_id: string;
  sheet_id: string;
  indicator_id: string;
  actual: number | null;
  self_score: number | null;
  self_basis: string | null;
  first_score: number | null;
  first_basis: string | null;
  final_score: number | null;
  final_basis: string | null;
  updated_by: string;
  updated_at: string;
}

export interface AssessmentAdjustmentTable {
  id: string;
  region_id: string;
  round_id: string;
  unit_id: string;
  kind: 'bonus' | 'deduction' | 'veto';
  points: number;
  reason: string;
  evidence: string;
  veto_code: string | null;
  status: 'proposed' | 'approved' | 'rejected';
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  version: Version;
}

export interface AssessmentObjectionTable {
  id: string;
  region_id: string;
  round_id: string;
  unit_id: string;
  indicator_id: string | null;
  body: string;
  created_by: string;
  created_at: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  version: Version;
}

export interface AssessmentCorrectionTable {
  id: string;
  region_id: string;
  round_id: string;
  unit_id: string;
  indicator_id: string;
  from_score: number | null;
  to_score: number;
  reason: string;
  corrected_by: string;
  corrected_at: string;
}

// Bulletins (通报)
/** A published bulletin as received by one unit it names; read_at is the unit's 已阅. */
export interface BulletinReceiptTable {
  bulletin_id: string;
  unit_id: string;
  region_id: string;
  received_at: string;
  read_at: string | null;
  read_by: string | null;
}
export type BulletinStatus = 'draft' | 'published';
export interface BulletinTable {
  id: string;
  region_id: string;
  year: number;
  seq: number;
  document_number: string;
  template: 'tracking' | 'supervision';
  period: string;
  title: string;
  status: BulletinStatus;
  /** JSON: section key → the office's template text. */
  edits: string;
  /** JSON of the printed content, written once on publish. */
  frozen: string | null;
  /** JSON: ids of the units named, notified on publish. */
  notified_unit_ids: string | null;
  created_by: string;
  created_at: string;
  published_by: string | null;
  published_at: string | null;
  updated_at: string;
  version: Version;
}

export interface Database {
  regions: RegionTable;
  units: UnitTable;
  accounts: AccountTable;
  sessions: SessionTable;
  plans: PlanTable;
  areas: AreaTable;
  tasks: TaskTable;
  ledger_notes: LedgerNoteTable;
  task_co_units: TaskCoUnitTable;
  milestones: MilestoneTable;
  targets: TargetTable;
  measurements: MeasurementTable;
  reports: ReportTable;
  task_report_digests: TaskReportDigestTable;
  evidence_files: EvidenceFileTable;
  notices: NoticeTable;
  instructions: InstructionTable;
  holiday_years: HolidayYearTable;
  period_decisions: PeriodDecisionTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_chain_heads: AuditChainHeadTable;
  idempotency_keys: IdempotencyKeyTable;
  // Directives and meetings (issue 11 §3–4).
  meetings: MeetingTable;
  meeting_decisions: MeetingDecisionTable;
  meeting_files: MeetingFileTable;
  directives: DirectiveTable;
  directive_co_units: DirectiveCoUnitTable;
  directive_answers: DirectiveAnswerTable;
  directive_files: DirectiveFileTable;
  directive_extensions: DirectiveExtensionTable;
  directive_notices: DirectiveNoticeTable;
  // Key projects (issue 11)
  projects: ProjectTable;
  project_stage_moves: ProjectStageMoveTable;
  project_milestones: ProjectMilestoneTable;
  project_reports: ProjectReportTable;
  project_problems: ProjectProblemTable;
  // Accountability, fault tolerance and the experience library (issue 10 §2–3).
  accountability_records: AccountabilityRecordTable;
  tolerance_requests: ToleranceRequestTable;
  attachments: AttachmentTable;
  experiences: ExperienceTable;
  experience_grams: ExperienceGramTable;
  experience_adoptions: ExperienceAdoptionTable;
  // Assessment (考核)
  assessment_schemes: AssessmentSchemeTable;
  assessment_indicators: AssessmentIndicatorTable;
  assessment_rounds: AssessmentRoundTable;
  assessment_sheets: AssessmentSheetTable;
  assessment_scores: AssessmentScoreTable;
  assessment_adjustments: AssessmentAdjustmentTable;
  assessment_objections: AssessmentObjectionTable;
  assessment_corrections: AssessmentCorrectionTable;
  bulletins: BulletinTable;
  bulletin_receipts: BulletinReceiptTable;
}

export type RegionRow = Selectable<RegionTable>;
export type UnitRow = Selectable<UnitTable>;
export type AccountRow = Selectable<AccountTable>;
export type PlanRow = Selectable<PlanTable>;
export type AreaRow = Selectable<AreaTable>;
export type TaskRow = Selectable<TaskTable>;
export type LedgerNoteRow = Selectable<LedgerNoteTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
export type TargetRow = Selectable<TargetTable>;
export type MeasurementRow = Selectable<MeasurementTable>;
export type ReportRow = Selectable<ReportTable>;
export type EvidenceFileRow = Selectable<EvidenceFileTable>;
export type NoticeRow = Selectable<NoticeTable>;
export type InstructionRow = Selectable<InstructionTable>;
export type HolidayYearRow = Selectable<HolidayYearTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type PeriodDecisionRow = Selectable<PeriodDecisionTable>;
// Directives and meetings (issue 11 §3–4).
export type MeetingRow = Selectable<MeetingTable>;
export type MeetingDecisionRow = Selectable<MeetingDecisionTable>;
export type MeetingFileRow = Selectable<MeetingFileTable>;
export type DirectiveRow = Selectable<DirectiveTable>;
export type DirectiveAnswerRow = Selectable<DirectiveAnswerTable>;
export type DirectiveFileRow = Selectable<DirectiveFileTable>;
export type DirectiveExtensionRow = Selectable<DirectiveExtensionTable>;
export type DirectiveNoticeRow = Selectable<DirectiveNoticeTable>;
// Accountability, fault tolerance and the experience library (issue 10 §2–3).
export type AccountabilityRecordRow = Selectable<AccountabilityRecordTable>;
export type ToleranceRequestRow = Selectable<ToleranceRequestTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type ExperienceRow = Selectable<ExperienceTable>;
export type ExperienceAdoptionRow = Selectable<ExperienceAdoptionTable>;
// Assessment (考核)
export type AssessmentSchemeRow = Selectable<AssessmentSchemeTable>;
export type AssessmentIndicatorRow = Selectable<AssessmentIndicatorTable>;
export type AssessmentRoundRow = Selectable<AssessmentRoundTable>;
export type AssessmentSheetRow = Selectable<AssessmentSheetTable>;
export type AssessmentScoreRow = Selectable<AssessmentScoreTable>;
export type AssessmentAdjustmentRow = Selectable<AssessmentAdjustmentTable>;
export type AssessmentObjectionRow = Selectable<AssessmentObjectionTable>;
export type AssessmentCorrectionRow = Selectable<AssessmentCorrectionTable>;
export type BulletinRow = Selectable<BulletinTable>;
export type BulletinReceiptRow = Selectable<BulletinReceiptTable>;
export type NewTask = Insertable<TaskTable>;
export type TaskUpdate = Updateable<TaskTable>;
export type { Generated };

// ---- Indicators and key projects (issue 11) ----

export type IndicatorCadence = 'monthly' | 'quarterly' | 'yearly';
export type MeasurementStatus = 'reported' | 'confirmed';
export type ProjectStage = 'planning' | 'reserve' | 'signed' | 'started' | 'operating';
export type ProjectNature = 'new' | 'continued' | 'preparatory';
export type ProjectLevel = 'province' | 'city' | 'district';
export type ProjectReportStatus = 'submitted' | 'confirmed';

export interface ProjectTable {
  id: string;
  region_id: string;
  parent_id: string | null;
  name: string;
  stage: ProjectStage;
  nature: ProjectNature;
  level: ProjectLevel;
  category: string;
  industry: string;
  town: string;
  park: string;
  location: string;
  content: string;
  capacity: string;
  start_year: number | null;
  end_year: number | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_end: string | null;
  actual_end: string | null;
  /** 万元 */
  total_investment: number;
  funding: string;
  /** The year `year_plan` and `year_goal` are for. */
  plan_year: number;
  /** This year's planned investment, 万元; null when there is none. */
  year_plan: number | null;
  /** This year's 形象进度 target. */
  year_goal: string;
  in_statistics: Bool;
  leader: string;
  lead_unit_id: string;
  lead_contact: string;
  owner_company: string;
  owner_contact: string;
  /** Invested before the months reported here, 万元 (a 续建 project's past). */
  invested_before: number;
  created_at: string;
  version: Version;
}

export interface ProjectStageMoveTable {
  id: string;
  region_id: string;
  project_id: string;
  from_stage: ProjectStage | null;
  to_stage: ProjectStage;
  moved_on: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface ProjectMilestoneTable {
  id: string;
  region_id: string;
  project_id: string;
  seq: number;
  name: string;
  due_date: string | null;
  done_date: string | null;
  version: Version;
}

export interface ProjectReportTable {
  id: string;
  region_id: string;
  project_id: string;
  month: string;
  /** This month's investment, 万元. */
  investment: number;
  progress: string;
  next_plan: string;
  coordination: string;
  status: ProjectReportStatus;
  created_by: string;
  created_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

export interface ProjectProblemTable {
  id: string;
  region_id: string;
  project_id: string;
  report_id: string;
  text: string;
  owner: string;
  deadline: string;
  resolution: string | null;
  resolved_on: string | null;
  version: Version;
}

export type ProjectRow = Selectable<ProjectTable>;
export type ProjectStageMoveRow = Selectable<ProjectStageMoveTable>;
export type ProjectMilestoneRow = Selectable<ProjectMilestoneTable>;
export type ProjectReportRow = Selectable<ProjectReportTable>;
export type ProjectProblemRow = Selectable<ProjectProblemTable>;
