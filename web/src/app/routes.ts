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
export const loadLogin = () => import('../features/auth/LoginPage');
// Bulletins (通报)
export const loadBulletins = () => import('../features/bulletins/BulletinsPage');
export const loadBulletin = () => import('../features/bulletins/BulletinPage');
export const loadNotFound = () => import('../features/shell/NotFound');

const BY_SEGMENT: Readonly<Record<string, () => Promise<unknown>>> = {
  '': loadBattleMap,
  ledger: loadLedger,
  tasks: loadTask,
  work: loadWork,
  notices: loadNotices,
  import: loadImport,
  admin: loadAdmin,
  bulletins: loadBulletins,
};

/** Which route module a path opens, for /r/:regionId/… paths. */
export function routeLoaderFor(pathname: string): (() => Promise<unknown>) | undefined {
  const match = /^\/r\/[^/]+\/?([^/]*)/.exec(pathname);
  return match ? BY_SEGMENT[match[1] ?? ''] : undefined;
}
