import type { Kysely } from 'kysely';
import type {
  Database,
  ProjectLevel,
  ProjectMilestoneRow,
  ProjectProblemRow,
  ProjectReportRow,
  ProjectReportTable,
  ProjectRow,
  ProjectStage,
  ProjectStageMoveRow,
} from '../schema.js';
import { insertsInBatches } from './batches.js';

export interface ProjectFilter {
  level?: ProjectLevel | undefined;
  category?: string | undefined;
  town?: string | undefined;
  stage?: ProjectStage | undefined;
}

/** A region's projects as its list shows them: filtered, by name. */
export function listProjects(
  db: Kysely<Database>,
  regionId: string,
  f: ProjectFilter,
): Promise<ProjectRow[]> {
  let q = db.selectFrom('projects').selectAll().where('region_id', '=', regionId);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.town) q = q.where('town', '=', f.town);
  if (f.stage) q = q.where('stage', '=', f.stage);
  return q.orderBy('name').orderBy('id').execute();
}

export function getProject(db: Kysely<Database>, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export const insertProjects = insertsInBatches('projects');

/** Investment per project of a region over months [from, to] ('YYYY-MM'), 万元. */
export async function investmentByProject(
  db: Kysely<Database>,
  regionId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('project_reports')
    .select(['project_id', (eb) => eb.fn.sum<number | string>('investment').as('total')])
    .where('region_id', '=', regionId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.total)]));
}

/** Investment of the given projects over every month up to `to`, 万元: a page's totals since start. */
export async function investmentOfProjects(
  db: Kysely<Database>,
  projectIds: readonly string[],
  to: string,
): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_reports')
    .select(['project_id', (eb) => eb.fn.sum<number | string>('investment').as('total')])
    .where('project_id', 'in', projectIds)
    .where('month', '<=', to)
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.total)]));
}

export function listStageMoves(
  db: Kysely<Database>,
  scope: { regionId: string } | { projectId: string },
): Promise<ProjectStageMoveRow[]> {
  const q = db.selectFrom('project_stage_moves').selectAll();
  return (
    'projectId' in scope
      ? q.where('project_id', '=', scope.projectId)
      : q.where('region_id', '=', scope.regionId)
  )
    .orderBy('moved_on')
    .orderBy('created_at')
    .execute();
}

export const insertStageMoves = insertsInBatches('project_stage_moves');

export function listProjectMilestones(
  db: Kysely<Database>,
  projectIds: readonly string[],
): Promise<ProjectMilestoneRow[]> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_milestones')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('seq')
    .execute();
}

export function getProjectMilestone(
  db: Kysely<Database>,
  id: string,
): Promise<ProjectMilestoneRow | undefined> {
  return db.selectFrom('project_milestones').selectAll().where('id', '=', id).executeTakeFirst();
}

export const insertProjectMilestones = insertsInBatches('project_milestones');

export function listProjectReports(db: Kysely<Database>, projectId: string): Promise<ProjectReportRow[]> {
  return db
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('month')
    .execute();
}

/** A region's monthly reports the office has not yet confirmed, in project order. */
export function listOpenProjectReports(
  db: Kysely<Database>,
  regionId: string,
  limit: number,
): Promise<ProjectReportRow[]> {
  return db
    .selectFrom('project_reports')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('status', '=', 'submitted')
    .orderBy('project_id')
    .orderBy('month')
    .limit(limit)
    .execute();
}

export function getProjectReport(db: Kysely<Database>, id: string): Promise<ProjectReportRow | undefined> {
  return db.selectFrom('project_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getProjectReportForMonth(
  db: Kysely<Database>,
  projectId: string,
  month: string,
): Promise<ProjectReportRow | undefined> {
  return db
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export const insertProjectReports = insertsInBatches('project_reports');

/** A submitted month the lead unit sends again replaces its figures (a confirmed one is not touched). */
export async function replaceProjectReport(
  db: Kysely<Database>,
  id: string,
  patch: Pick<
    ProjectReportTable,
    'investment' | 'progress' | 'next_plan' | 'coordination' | 'created_by' | 'created_at'
  >,
): Promise<void> {
  await db
    .updateTable('project_reports')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .execute();
}

export async function confirmProjectReport(
  db: Kysely<Database>,
  id: string,
  by: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('project_reports')
    .set({ status: 'confirmed', confirmed_by: by, confirmed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listProjectProblems(db: Kysely<Database>, projectId: string): Promise<ProjectProblemRow[]> {
  return db
    .selectFrom('project_problems')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export function getProjectProblem(db: Kysely<Database>, id: string): Promise<ProjectProblemRow | undefined> {
  return db.selectFrom('project_problems').selectAll().where('id', '=', id).executeTakeFirst();
}

export const insertProjectProblems = insertsInBatches('project_problems');

/** The roadmap steps of every project of a region, for its colours. */
export function listRegionProjectMilestones(
  db: Kysely<Database>,
  regionId: string,
): Promise<ProjectMilestoneRow[]> {
  return db
    .selectFrom('project_milestones')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('project_id')
    .orderBy('seq')
    .execute();
}

export interface ProjectMonthRow {
  project_id: string;
  month: string;
  investment: number;
  progress: string;
}

/** Every project report of the region for months `from`…`to`, oldest first: the investment table's months. */
export async function projectMonthsOf(
  db: Kysely<Database>,
  regionId: string,
  from: string,
  to: string,
): Promise<ProjectMonthRow[]> {
  const rows = await db
    .selectFrom('project_reports')
    .select(['project_id', 'month', 'investment', 'progress', 'created_at'])
    .where('region_id', '=', regionId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('month')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    project_id: r.project_id,
    month: r.month,
    investment: r.investment,
    progress: r.progress,
  }));
}

/** A region's month reports between two months, whole rows: the sheet import compares and keeps them. */
export function projectReportsBetween(
  db: Kysely<Database>,
  regionId: string,
  from: string,
  to: string,
): Promise<ProjectReportRow[]> {
  return db
    .selectFrom('project_reports')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('month')
    .orderBy('created_at')
    .execute();
}
