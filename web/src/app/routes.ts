/*
 * Route modules, loaded on demand. The same loader serves React.lazy and the early preload in
 * main.tsx, so the page opened first downloads alongside the app instead of after it.
 */
export const loadLayout = () => import('../features/shell/AppLayout');
export const loadBattleMap = () => import('../features/battle-map/BattleMapPage');
export const loadLedger = () => import('../features/ledger/LedgerPage');
export const loadTask = () => import('../features/task/TaskPage');
export const loadWork = () => import('../features/task/WorkPage');
export const loadNotices = () => import('../features/notices/NoticesPage');
export const loadImport = () => import('../features/import/ImportPage');
export const loadAdmin = () => import('../features/admin/AdminPage');
// Accountability, fault tolerance and the experience library (issue 10 §2–3).
export const loadAccountability = () => import('../features/accountability/AccountabilityPage');
export const loadAccountabilityRecord = () => import('../features/accountability/AccountabilityRecordPage');
export const loadExperiences = () => import('../features/experiences/ExperiencesPage');
export const loadExperience = () => import('../features/experiences/ExperiencePage');
export const loadExcel = () => import('../features/excel/ExcelImportPage');
export const loadLogin = () => import('../features/auth/LoginPage');
export const loadAssessment = () => import('../features/assessment/AssessmentPage');
// Bulletins (通报)
export const loadBulletins = () => import('../features/bulletins/BulletinsPage');
export const loadBulletin = () => import('../features/bulletins/BulletinPage');
export const loadNotFound = () => import('../features/shell/NotFound');
// Directives and meetings (issue 11 §3–4).
export const loadDirectives = () => import('../features/directives/DirectivesPage');
export const loadDirective = () => import('../features/directives/DirectivePage');
export const loadMeetings = () => import('../features/directives/MeetingsPage');
export const loadMeeting = () => import('../features/directives/MeetingPage');
// Indicators and key projects (issue 11)
export const loadIndicators = () => import('../features/indicators/IndicatorsPage');
export const loadProjects = () => import('../features/projects/ProjectsPage');
export const loadProject = () => import('../features/projects/ProjectPage');
// The roll-up of the regions below, a city's or a province's home (issue 15).
export const loadRollup = () => import('../features/rollup/RollupPage');

const BY_SEGMENT: Readonly<Record<string, () => Promise<unknown>>> = {
  '': loadBattleMap,
  ledger: loadLedger,
  tasks: loadTask,
  work: loadWork,
  notices: loadNotices,
  import: loadImport,
  admin: loadAdmin,
  directives: loadDirectives,
  meetings: loadMeetings,
  indicators: loadIndicators,
  projects: loadProjects,
  accountability: loadAccountability,
  experiences: loadExperiences,
  assessment: loadAssessment,
  excel: loadExcel,
  bulletins: loadBulletins,
};

/** Which route module a path opens, for /r/:regionId/… paths. */
export function routeLoaderFor(pathname: string): (() => Promise<unknown>) | undefined {
  const match = /^\/r\/[^/]+\/?([^/]*)/.exec(pathname);
  return match ? BY_SEGMENT[match[1] ?? ''] : undefined;
}
