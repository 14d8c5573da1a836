import type { Insertable, Kysely } from 'kysely';
import { compiledQuery } from '../compiled-query.js';
import type { TaskScope } from './task-repository.js';
import type { Database, ReportRow, ReportStatus, ReportTable } from '../schema.js';
import { insertsInBatches } from './batches.js';

const REPORT_COLUMNS = [
  'id',
  'region_id',
  'task_id',
  'unit_id',
  'period',
  'progress',
  'narrative',
  'problems',
  'coordination',
  'next_steps',
  'claims_completion',
  'status',
  'return_reason',
  'rating',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_at',
  'approved_at',
  'reviewed_at',
] as const satisfies readonly (keyof ReportTable)[];

const reportInsert = compiledQuery(REPORT_COLUMNS.length, (db, ...values: unknown[]) =>
  db
    .insertInto('reports')
    .values(
      Object.fromEntries(REPORT_COLUMNS.map((column, i) => [column, values[i]])) as Insertable<ReportTable>,
    ),
);

/**
 * A new report starts at version 1 whatever the row says. Runs on every submission, so compiled once; in a
 * PostgreSQL transaction it is sent ahead: nothing reads its answer, and a failure fails the transaction.
 */
export async function insertReport(db: Kysely<Database>, row: Insertable<ReportTable>): Promise<void> {
  // The one column with a default a writer may leave out.
  await reportInsert.ahead(
    db,
    ...REPORT_COLUMNS.map((column) =>
      column === 'next_steps' ? (row.next_steps ?? '') : (row[column] ?? null),
    ),
  );
}

/** Reports written in bulk (the demo's simulated year), many rows per statement. */
export const insertReports = insertsInBatches('reports');

export function getReport(db: Kysely<Database>, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listReportsOfTask(
  db: Kysely<Database>,
  regionId: string,
  taskId: string,
): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('task_id', '=', taskId)
    .orderBy('period', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** A report not yet accepted: while one is open, its period takes no other. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = [
  'draft',
  'awaiting_head',
  'submitted',
  'returned',
];

const openReport = compiledQuery(2, (db, taskId: string, period: string) =>
  db
    .selectFrom('reports')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('period', '=', period)
    .where('status', 'in', OPEN_REPORT_STATUSES),
);

/** The open report of a task's period, whole. */
export async function findOpenReport(
  db: Kysely<Database>,
  taskId: string,
  period: string,
): Promise<ReportRow | undefined> {
  const [row] = await openReport(db, taskId, period);
  return row;
}

export interface ReportQueueFilter {
  regionId: string;
  statuses: readonly ReportStatus[];
  unitId?: string;
  limit: number;
}

export function listReportQueue(db: Kysely<Database>, filter: ReportQueueFilter) {
  let q = db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .selectAll('reports')
    .select(['tasks.code as task_code', 'tasks.title as task_title'])
    .where('reports.region_id', '=', filter.regionId)
    .where('reports.status', 'in', filter.statuses);
  if (filter.unitId) q = q.where('reports.unit_id', '=', filter.unitId);
  return q.orderBy('reports.updated_at', 'desc').limit(filter.limit).execute();
}

export type ReportFact = Pick<
  ReportRow,
  'task_id' | 'period' | 'status' | 'progress' | 'claims_completion' | 'updated_at'
>;

/** The facts the status rule reads: every report that reached the office, for a plan or a region. */
export function reportFactsOf(db: Kysely<Database>, scope: TaskScope): Promise<ReportFact[]> {
  let q = db
    .selectFrom('reports')
    .select([
      'reports.task_id',
      'reports.period',
      'reports.status',
      'reports.progress',
      'reports.claims_completion',
      'reports.updated_at',
    ])
    .where('reports.status', 'in', ['submitted', 'accepted']);
  if (scope.taskId) q = q.where('reports.task_id', '=', scope.taskId);
  if (scope.planId)
    q = q.innerJoin('tasks', 'tasks.id', 'reports.task_id').where('tasks.plan_id', '=', scope.planId);
  if (scope.regionId) q = q.where('reports.region_id', '=', scope.regionId);
  return q.execute();
}
