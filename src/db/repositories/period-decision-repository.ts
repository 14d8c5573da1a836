import type { Kysely } from 'kysely';
import { compiledQuery } from '../compiled-query.js';
import { OPEN_REPORT_STATUSES } from './report-repository.js';
import type { Database, PeriodDecisionRow, PlanStatus, ReportStatus } from '../schema.js';

export async function insertPeriodDecision(db: Kysely<Database>, row: PeriodDecisionRow): Promise<void> {
  await db.insertInto('period_decisions').values(row).execute();
}

/**
 * The office's decisions on a region's periods that bear on the given tasks: their own and the region-wide
 * ones; all of the region's when `taskIds` is omitted. Oldest first, so the latest wins when read in order.
 */
export function periodDecisionsOf(
  db: Kysely<Database>,
  regionId: string,
  filter: { taskIds?: readonly string[]; period?: string } = {},
): Promise<PeriodDecisionRow[]> {
  let q = db.selectFrom('period_decisions').selectAll().where('region_id', '=', regionId);
  if (filter.period !== undefined) q = q.where('period', '=', filter.period);
  const { taskIds } = filter;
  if (taskIds !== undefined)
    q = q.where((eb) =>
      taskIds.length === 0
        ? eb('task_id', 'is', null)
        : eb.or([eb('task_id', 'is', null), eb('task_id', 'in', taskIds)]),
    );
  return q.orderBy('decided_at').orderBy('id').execute();
}

/** What decides which periods a task is reported for: its plan's calendar, its region's rules, its creation. */
export interface TaskReportingFacts {
  task_id: string;
  region_id: string;
  task_created_at: string;
  cadence: 'monthly' | 'quarterly';
  period_start: string;
  period_end: string;
  published_at: string | null;
  settings: string;
}

/** Tasks with their plan and region, the columns of `TaskReportingFacts` selected. */
function tasksWithReportingFacts(db: Kysely<Database>) {
  return db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('regions', 'regions.id', 'tasks.region_id')
    .select([
      'tasks.id as task_id',
      'tasks.region_id',
      'tasks.created_at as task_created_at',
      'plans.cadence',
      'plans.period_start',
      'plans.period_end',
      'plans.published_at',
      'regions.settings',
    ]);
}

const reportingFacts = compiledQuery(1, (db, taskId: string) =>
  tasksWithReportingFacts(db).where('tasks.id', '=', taskId),
);

/** The decisions on one period that bear on a task, oldest first: checked on every report submission. */
export const decisionsOnTaskPeriod = compiledQuery(
  3,
  (db, regionId: string, period: string, taskId: string) =>
    db
      .selectFrom('period_decisions')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('period', '=', period)
      .where((eb) => eb.or([eb('task_id', 'is', null), eb('task_id', '=', taskId)]))
      .orderBy('decided_at')
      .orderBy('id'),
);

/**
 * A task as a new report for a period needs it: who may report on it, whether its plan is out, its reporting
 * calendar, the report of that period still open, if any, and whether the office decided anything on the period.
 */
export interface ReportingTask extends TaskReportingFacts {
  lead_unit_id: string | null;
  plan_status: PlanStatus;
  open_report_id: string | null;
  period_decided: boolean;
}

const reportingTask = compiledQuery(2, (db, taskId: string, period: string) =>
  tasksWithReportingFacts(db)
    .select(['tasks.lead_unit_id', 'plans.status as plan_status'])
    .select((eb) =>
      eb
        .selectFrom('reports')
        .select('reports.id')
        .whereRef('reports.task_id', '=', 'tasks.id')
        .where('reports.period', '=', period)
        .where('reports.status', 'in', OPEN_REPORT_STATUSES)
        .limit(1)
        .as('open_report_id'),
    )
    // The same filter as decisionsOnTaskPeriod: most periods have no decision, and then it is not read at all.
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('period_decisions')
            .select('period_decisions.id')
            .whereRef('period_decisions.region_id', '=', 'tasks.region_id')
            .where('period_decisions.period', '=', period)
            .where((w) =>
              w.or([
                w('period_decisions.task_id', 'is', null),
                w('period_decisions.task_id', '=', w.ref('tasks.id')),
              ]),
            ),
        )
        .as('period_decided'),
    )
    .where('tasks.id', '=', taskId),
);

/**
 * Read on every report submission, in one query (on PostgreSQL, one round trip while the region's chain is
 * locked): the task's access facts, its reporting facts, the period's open report and whether the period has
 * decisions, and none of its long texts (the plan and the standard), which cost as much to read as the rest
 * together.
 */
export async function getReportingTask(
  db: Kysely<Database>,
  taskId: string,
  period: string,
): Promise<ReportingTask | undefined> {
  const [row] = await reportingTask(db, taskId, period);
  // SQLite answers EXISTS with 0 or 1.
  return row && { ...row, period_decided: Boolean(row.period_decided) };
}

/** The task's reporting facts and the decisions on one period, compiled once. */
export async function reportingFactsOf(
  db: Kysely<Database>,
  regionId: string,
  taskId: string,
  period: string,
): Promise<{ facts: TaskReportingFacts | undefined; decisions: PeriodDecisionRow[] }> {
  const [[facts], decisions] = await Promise.all([
    reportingFacts(db, taskId),
    decisionsOnTaskPeriod(db, regionId, period, taskId),
  ]);
  return { facts, decisions };
}

/** The reporting facts of many tasks at once (a unit's), in two queries however many. */
export function reportingFactsOfTasks(
  db: Kysely<Database>,
  filter: { regionId: string; leadUnitId: string },
): Promise<(TaskReportingFacts & { code: string; title: string; plan_id: string })[]> {
  return tasksWithReportingFacts(db)
    .select(['tasks.code', 'tasks.title', 'tasks.plan_id'])
    .where('tasks.region_id', '=', filter.regionId)
    .where('tasks.lead_unit_id', '=', filter.leadUnitId)
    .where('plans.status', '=', 'published')
    .orderBy('tasks.plan_id')
    .orderBy('tasks.seq')
    .execute();
}

/** Which periods of these tasks have a report past the unit's drafting (or still in it), by status. */
export function reportStatusesOf(
  db: Kysely<Database>,
  taskIds: readonly string[],
): Promise<{ id: string; task_id: string; period: string; status: ReportStatus }[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reports')
    .select(['id', 'task_id', 'period', 'status'])
    .where('task_id', 'in', taskIds)
    .execute();
}

/** One task's reporting facts. */
export async function taskReportingFacts(
  db: Kysely<Database>,
  taskId: string,
): Promise<TaskReportingFacts | undefined> {
  const [row] = await reportingFacts(db, taskId);
  return row;
}
