import type { paths } from './schema';

/* Names for the response shapes the screens use, read off the generated schema so they never drift. */

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;

export type Me = Get<'/api/auth/me'>;
export type Role = Me['role'];
export type Region = Get<'/api/regions'>[number];
export type Unit = Get<'/api/regions/{regionId}/units'>[number];
export type UnitKind = Unit['kind'];
export type Account = Get<'/api/regions/{regionId}/accounts'>[number];
export type Plan = Get<'/api/regions/{regionId}/plans'>[number];
export type PlanOverview = Get<'/api/plans/{planId}'>;
export type Dashboard = Get<'/api/regions/{regionId}/dashboard'>;
export type TaskSummary = Get<'/api/plans/{planId}/tasks'>[number];
export type TaskStatus = TaskSummary['status'];
export type TaskDetail = Get<'/api/tasks/{taskId}'>;
export type Milestone = TaskDetail['milestones'][number];
export type Report = TaskDetail['reports'][number];
export type LedgerNote = TaskDetail['ledgerNotes'][number];
export type ReportStatus = Report['status'];
export type EvidenceFile = Report['files'][number];
export type Notice = TaskDetail['notices'][number];
export type NoticeKind = Notice['kind'];
export type Instruction = TaskDetail['instructions'][number];
export type HistoryEntry = TaskDetail['history'][number];
export type Target = Get<'/api/plans/{planId}/targets'>[number];
// Indicators and key projects (issue 11)
export type IndicatorPage = Get<'/api/plans/{planId}/indicators'>;
export type Indicator = IndicatorPage['indicators'][number];
export type ProgressSummary = Get<'/api/regions/{regionId}/progress-summary'>;
export type ProjectList = Get<'/api/regions/{regionId}/projects'>;
export type ProjectSummary = ProjectList['items'][number];
export type ProjectDetail = Get<'/api/projects/{id}'>;
export type ProjectStage = ProjectDetail['stage'];
export type ProjectConversion = Get<'/api/regions/{regionId}/project-conversion'>;

// Accountability, fault tolerance and the experience library (issue 10 §2–3).
export type AccountabilityRecord = Get<'/api/accountability/{id}'>;
export type AccountabilityKind = AccountabilityRecord['kind'];
export type AccountabilityMeasure = AccountabilityRecord['measures'][number];
export type ToleranceRequest = Get<'/api/regions/{regionId}/tolerance-requests'>[number];
export type ToleranceDetail = Get<'/api/tolerance-requests/{id}'>;
export type Experience = Get<'/api/regions/{regionId}/experiences'>[number];
export type ExperienceDetail = Get<'/api/experiences/{id}'>;
export type ExperienceLibrary = Get<'/api/experiences'>;
export type ExperienceStatus = Experience['status'];

// Bulletins (通报)
export type BulletinSummary = Get<'/api/regions/{regionId}/bulletins'>[number];
export type Bulletin = Get<'/api/bulletins/{id}'>;
export type UnitBulletinReceipt = Get<'/api/units/{id}/bulletin-receipts'>[number];
export type BulletinReading = Get<'/api/bulletins/{id}/readings'>[number];
