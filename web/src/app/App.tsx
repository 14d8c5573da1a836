import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from '../features/auth/AuthProvider';
import { RequireAuth } from '../features/auth/RequireAuth';
import { HomeRedirect } from '../features/shell/HomeRedirect';
import { I18nProvider } from '../i18n/I18nProvider';
import { RegionHome } from './RegionHome';
import {
  loadAccountability,
  loadBattleMap,
  loadAccountabilityRecord,
  loadAdmin,
  loadExperience,
  loadExperiences,
  loadAssessment,
  loadExcel,
  loadImport,
  loadLayout,
  loadLedger,
  loadLogin,
  loadNotFound,
  loadNotices,
  loadBulletins,
  loadBulletin,
  loadTask,
  loadWork,
  loadDirectives,
  loadDirective,
  loadMeetings,
  loadMeeting,
  loadIndicators,
  loadProject,
  loadProjects,
} from './routes';

/*
 * Every page is its own chunk, and so is the signed-in layout: a phone on the login page downloads no
 * menus or tables. index.html preloads the chunks the visitor's first screen needs (web/preload-plugin.ts):
 * the layout and the battle map when signed in, the login form otherwise.
 */
const AppLayout = lazy(() => loadLayout().then((m) => ({ default: m.AppLayout })));
const LedgerPage = lazy(() => loadLedger().then((m) => ({ default: m.LedgerPage })));
const TaskPage = lazy(() => loadTask().then((m) => ({ default: m.TaskPage })));
const WorkPage = lazy(() => loadWork().then((m) => ({ default: m.WorkPage })));
const NoticesPage = lazy(() => loadNotices().then((m) => ({ default: m.NoticesPage })));
const BulletinsPage = lazy(() => loadBulletins().then((m) => ({ default: m.BulletinsPage })));
const BulletinPage = lazy(() => loadBulletin().then((m) => ({ default: m.BulletinPage })));
const ImportPage = lazy(() => loadImport().then((m) => ({ default: m.ImportPage })));
const AdminPage = lazy(() => loadAdmin().then((m) => ({ default: m.AdminPage })));
// Directives and meetings (issue 11 §3–4).
const DirectivesPage = lazy(() => loadDirectives().then((m) => ({ default: m.DirectivesPage })));
const DirectivePage = lazy(() => loadDirective().then((m) => ({ default: m.DirectivePage })));
const MeetingsPage = lazy(() => loadMeetings().then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => loadMeeting().then((m) => ({ default: m.MeetingPage })));
// Accountability, fault tolerance and the experience library (issue 10 §2–3).
const AccountabilityPage = lazy(() => loadAccountability().then((m) => ({ default: m.AccountabilityPage })));
const AccountabilityRecordPage = lazy(() =>
  loadAccountabilityRecord().then((m) => ({ default: m.AccountabilityRecordPage })),
);
const ExperiencesPage = lazy(() => loadExperiences().then((m) => ({ default: m.ExperiencesPage })));
const ExperiencePage = lazy(() => loadExperience().then((m) => ({ default: m.ExperiencePage })));
const AssessmentPage = lazy(() => loadAssessment().then((m) => ({ default: m.AssessmentPage })));
const ExcelImportPage = lazy(() => loadExcel().then((m) => ({ default: m.ExcelImportPage })));
// The login form (antd Form) and the 404 page are not needed by a signed-in user's first screen.
const LoginPage = lazy(() => loadLogin().then((m) => ({ default: m.LoginPage })));
// Indicators and key projects (issue 11)
const IndicatorsPage = lazy(() => loadIndicators().then((m) => ({ default: m.IndicatorsPage })));
const ProjectsPage = lazy(() => loadProjects().then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => loadProject().then((m) => ({ default: m.ProjectPage })));
const NotFound = lazy(() => loadNotFound().then((m) => ({ default: m.NotFound })));

/** What signing in shows first: fetched while the visitor types. */
function prefetchSignedIn(): void {
  void loadLayout();
  void loadBattleMap();
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Suspense>
            <Routes>
              <Route path="/login" element={<LoginPage prefetch={prefetchSignedIn} />} />
              <Route
                path="/"
                element={
                  <RequireAuth>
                    <HomeRedirect />
                  </RequireAuth>
                }
              />
              <Route
                path="/r/:regionId"
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<RegionHome />} />
                <Route path="ledger" element={<LedgerPage />} />
                <Route path="tasks/:taskId" element={<TaskPage />} />
                <Route path="work" element={<WorkPage />} />
                <Route path="notices" element={<NoticesPage />} />
                <Route path="bulletins" element={<BulletinsPage />} />
                <Route path="bulletins/:bulletinId" element={<BulletinPage />} />
                <Route path="import" element={<ImportPage />} />
                <Route path="import/:planId" element={<ImportPage />} />
                <Route path="admin" element={<AdminPage />} />
                <Route path="directives" element={<DirectivesPage />} />
                <Route path="directives/:directiveId" element={<DirectivePage />} />
                <Route path="meetings" element={<MeetingsPage />} />
                <Route path="meetings/:meetingId" element={<MeetingPage />} />
                <Route path="indicators" element={<IndicatorsPage />} />
                <Route path="projects" element={<ProjectsPage />} />
                <Route path="projects/:projectId" element={<ProjectPage />} />
                <Route path="accountability" element={<AccountabilityPage />} />
                <Route path="accountability/:recordId" element={<AccountabilityRecordPage />} />
                <Route path="experiences" element={<ExperiencesPage />} />
                <Route path="experiences/:experienceId" element={<ExperiencePage />} />
                <Route path="assessment" element={<AssessmentPage />} />
                <Route path="excel" element={<ExcelImportPage />} />
                <Route path="*" element={<NotFound />} />
              </Route>
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
