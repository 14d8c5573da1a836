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
  weight: number;
  source_start: number | null;
  source_end: number | null;
  version: Version;
  created_at: string;
  updated_at: string;
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

export interface Database {
  regions: RegionTable;
  units: UnitTable;
  accounts: AccountTable;
  sessions: SessionTable;
  plans: PlanTable;
  areas: AreaTable;
  tasks: TaskTable;
  task_co_units: TaskCoUnitTable;
  milestones: MilestoneTable;
  targets: TargetTable;
  measurements: MeasurementTable;
  reports: ReportTable;
  evidence_files: EvidenceFileTable;
  notices: NoticeTable;
  instructions: InstructionTable;
  holiday_years: HolidayYearTable;
  period_decisions: PeriodDecisionTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_chain_heads: AuditChainHeadTable;
  idempotency_keys: IdempotencyKeyTable;
}

export type RegionRow = Selectable<RegionTable>;
export type UnitRow = Selectable<UnitTable>;
export type AccountRow = Selectable<AccountTable>;
export type PlanRow = Selectable<PlanTable>;
export type AreaRow = Selectable<AreaTable>;
export type TaskRow = Selectable<TaskTable>;
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
export type NewTask = Insertable<TaskTable>;
export type TaskUpdate = Updateable<TaskTable>;
export type { Generated };
