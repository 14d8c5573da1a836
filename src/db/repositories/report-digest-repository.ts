import { sql, type AliasableExpression, type Kysely } from 'kysely';
import { addDays } from '../../domain/calendar.js';
import { compiledQuery } from '../compiled-query.js';
import type { Database, TaskReportDigestTable } from '../schema.js';
import type { ReportDigest } from '../../domain/task-evaluation.js';
import type { ReportFact } from './report-repository.js';
import { acceptedCompletion, receivedReport, reportIn } from './report-received.js';

// One task's report digest: the shape the status rule reads (domain/task-evaluation), read here.
export type { ReportDigest };

const RECEIVED = ['submitted', 'accepted'] as const;

/**
 * What the status rule reads of each task's reports, one row per task of the plan, whatever the history:
 * every column is one index seek (reports_task_received_updated, reports_task_completion_claims, reports_task), so a
 * cold ledger reads O(tasks) rows, not O(reports). `duePeriod` is the period whose report is owed now.
 *
 * With `through` (a day), the digest is the one that day ended with: only reports last changed on or before
 * it count, as the battle map reads the first month end of its trend. The latest period then walks the
 * task's (task, period) index back past the reports changed since, a few per month looked back, not its
 * history.
 */
export function reportDigestsOf(
  db: Kysely<Database>,
  regionId: string,
  planId: string,
  duePeriod: string | null,
  through?: string,
  /** Only these tasks of the plan (a view kept in memory re-reads the few a write changed). */
  taskIds?: readonly string[],
): Promise<ReportDigest[]> {
  // updated_at is an ISO timestamp: its day is on or before `through` exactly when it sorts before the next day.
  const before = through === undefined ? null : addDays(through, 1);
  return digestsOf(db, [regionId], [planId], duePeriod, before, taskIds);
}

/**
 * The report digests of every task of the given plans of the regions, all owing `duePeriod` now: what a
 * roll-up over many regions reads in one query.
 */
export function reportDigestsOfPlans(
  db: Kysely<Database>,
  regionIds: readonly string[],
  planIds: readonly string[],
  duePeriod: string | null,
): Promise<ReportDigest[]> {
  return digestsOf(db, regionIds, planIds, duePeriod, null, undefined);
}

async function digestsOf(
  db: Kysely<Database>,
  regionIds: readonly string[],
  planIds: readonly string[],
  duePeriod: string | null,
  before: string | null,
  taskIds: readonly string[] | undefined,
): Promise<ReportDigest[]> {
  if (regionIds.length === 0 || planIds.length === 0) return [];
  // One task (what a kept region re-reads after a write): built and compiled once.
  const rows =
    regionIds.length === 1 && planIds.length === 1 && taskIds?.length === 1
      ? before === null
        ? await digestOfTask(db, regionIds[0]!, planIds[0]!, duePeriod ?? '', taskIds[0]!)
        : await digestOfTaskBefore(db, regionIds[0]!, planIds[0]!, duePeriod ?? '', taskIds[0]!, before)
      : await digestQuery(db, regionIds, planIds, duePeriod ?? '', before, taskIds).execute();
  return rows.map((r) => ({
    task_id: r.task_id,
    last_period: r.last_period ?? null,
    accepted_progress: r.accepted_progress ?? null,
    submitted_progress: r.submitted_progress ?? null,
    completed: r.completed === 1,
    due_reported: r.due_reported === 1,
  }));
}

const digestOfTask = compiledQuery(
  4,
  (db, regionId: string, planId: string, duePeriod: string, taskId: string) =>
    digestQuery(db, [regionId], [planId], duePeriod, null, [taskId]),
);
const digestOfTaskBefore = compiledQuery(
  5,
  (db, regionId: string, planId: string, duePeriod: string, taskId: string, before: string) =>
    digestQuery(db, [regionId], [planId], duePeriod, before, [taskId]),
);

function digestQuery(
  db: Kysely<Database>,
  regionIds: readonly string[],
  planIds: readonly string[],
  duePeriod: string,
  before: string | null,
  taskIds: readonly string[] | undefined,
) {
  const one = regionIds.length === 1 && planIds.length === 1;
  return (
    db
      .selectFrom('tasks as t')
      // Today's digest is the row the reports' triggers keep per task (migration 20261212_0900); a task never
      // reported on has none. A day gone by (the trend's month ends) is read from the reports changed before it,
      // and joins nothing.
      .$if(before === null, (q) =>
        q.leftJoin('task_report_digests as d', (j) =>
          j.onRef('d.task_id', '=', 't.id').onRef('d.region_id', '=', 't.region_id'),
        ),
      )
      .select((eb) => {
        // The kept row's columns: named as SQL, since the join is there only for today's digest.
        const kept = <T>(column: keyof TaskReportDigestTable) => sql.ref<T>(`d.${column}`);
        // Every subquery names the task's region, but as an expression no index serves: on the bare column
        // SQLite seeks by (region, period) or (region, status) and walks the region's reports once per task.
        const ofTask = () =>
          eb
            .selectFrom('reports as r')
            .whereRef('r.task_id', '=', 't.id')
            .where(sql<string>`r.region_id || ''`, '=', eb.ref('t.region_id'));
        const asOf = <T>(
          today: AliasableExpression<T>,
          then: () => AliasableExpression<T>,
        ): AliasableExpression<T> => (before === null ? today : then());
        const latestProgress = (status: 'accepted' | 'submitted') =>
          ofTask()
            .select('r.progress')
            .where('r.updated_at', '<', before!)
            .where(reportIn('r', status))
            .orderBy('r.updated_at', 'desc')
            .limit(1);
        const dueReported = () =>
          ofTask()
            .select((s) =>
              s.fn.max(s.case().when('r.status', 'in', RECEIVED).then(1).else(0).end()).as('reported'),
            )
            .$if(before !== null, (q) => q.where('r.updated_at', '<', before!))
            .where('r.period', '=', duePeriod)
            .$asScalar();
        return [
          't.id as task_id',
          // The latest by period rather than max(period): PostgreSQL then walks (task, period) backwards to the
          // first report received instead of reading every report of the task. SQLite reads both alike.
          asOf(kept<string | null>('last_period'), () =>
            ofTask()
              .select('r.period')
              .where('r.updated_at', '<', before!)
              .where('r.status', 'in', RECEIVED)
              .orderBy('r.period', 'desc')
              .limit(1)
              .$asScalar(),
          ).as('last_period'),
          asOf(kept<number | null>('accepted_progress'), () => latestProgress('accepted').$asScalar()).as(
            'accepted_progress',
          ),
          asOf(kept<number | null>('submitted_progress'), () => latestProgress('submitted').$asScalar()).as(
            'submitted_progress',
          ),
          asOf<number | null>(kept<number | null>('completed'), () =>
            eb
              .case()
              .when(
                eb.exists(
                  ofTask()
                    .select('r.id')
                    // As an expression: on the bare column SQLite seeks by (task, status, updated_at) and walks
                    // every accepted report of the task instead of its completion claims.
                    .where(sql<string>`r.updated_at || ''`, '<', before!)
                    .where(acceptedCompletion('r')),
                ),
              )
              .then(1)
              .else(0)
              .end(),
          ).as('completed'),
          // The period owed moves with the calendar, so it is not kept: today it follows from the latest period
          // received (the owed one, or one before it) but for a report received ahead of it, which is sought.
          // The status is read, not filtered on, so the seek is by (task, period): filtering on it lets SQLite
          // pick the (task, status) index and walk the task's whole history.
          asOf<number | null>(
            eb
              .case()
              .when(kept('last_period'), '=', duePeriod)
              .then(1)
              .when(eb.or([eb(kept('last_period'), 'is', null), eb(kept('last_period'), '<', duePeriod)]))
              .then(0)
              .else(dueReported())
              .end(),
            dueReported,
          ).as('due_reported'),
        ];
      })
      // One region and plan by equality (a ledger's, routed to its shard as such), many by list.
      .$if(one, (q) => q.where('t.region_id', '=', regionIds[0]!).where('t.plan_id', '=', planIds[0]!))
      .$if(!one, (q) => q.where('t.region_id', 'in', regionIds).where('t.plan_id', 'in', planIds))
      .$if(taskIds?.length === 1, (q) => q.where('t.id', '=', taskIds![0]!))
      .$if(taskIds !== undefined && taskIds.length !== 1, (q) =>
        q.where('t.id', 'in', taskIds!.length > 0 ? taskIds! : ['']),
      )
  );
}

/**
 * The office-received reports of a plan's tasks that changed after the day `after`, and those of period
 * `fromPeriod` or later whenever they changed: with the digests read as `after` ended, all that the status
 * of any later day reads (see domain/report-digest-history). Rows follow the months since, not the history:
 * each task's are index seeks, by (task, status, updated_at) and by (task, period).
 */
export async function reportFactsChangedSince(
  db: Kysely<Database>,
  regionId: string,
  planId: string,
  after: string,
  fromPeriod: string | null,
  /** Only these tasks of the plan. */
  taskIds?: readonly string[],
): Promise<ReportFact[]> {
  const since = addDays(after, 1);
  const taskId = taskIds?.length === 1 ? taskIds[0]! : undefined;
  const [changed, owed] = await Promise.all([
    taskId !== undefined
      ? factsOfTaskChangedSince(db, regionId, planId, taskId, since)
      : changedSince(factsQuery(db, regionId, planId, taskIds), since).execute(),
    fromPeriod === null
      ? []
      : taskId !== undefined
        ? factsOfTaskFrom(db, regionId, planId, taskId, fromPeriod)
        : factsQuery(db, regionId, planId, taskIds).where('r.period', '>=', fromPeriod).execute(),
  ]);
  // A report both changed since and of a period owed since comes back twice: once is enough.
  const byId = new Map<string, ReportFact>();
  for (const { id, ...fact } of [...changed, ...owed]) byId.set(id, fact);
  return [...byId.values()];
}

function factsQuery(db: Kysely<Database>, regionId: string, planId: string, taskIds?: readonly string[]) {
  return (
    db
      .selectFrom('tasks as t')
      .innerJoin('reports as r', 'r.task_id', 't.id')
      .select([
        'r.id',
        'r.task_id',
        'r.period',
        'r.status',
        'r.progress',
        'r.claims_completion',
        'r.updated_at',
      ])
      .where('t.region_id', '=', regionId)
      .where('t.plan_id', '=', planId)
      // As an expression, so no region-wide index drives the join: each task's reports are sought by task.
      .where(sql<string>`r.region_id || ''`, '=', regionId)
      .where('r.status', 'in', RECEIVED)
      .$if(taskIds?.length === 1, (q) => q.where('t.id', '=', taskIds![0]!))
      .$if(taskIds !== undefined && taskIds.length !== 1, (q) =>
        q.where('t.id', 'in', taskIds!.length > 0 ? taskIds! : ['']),
      )
  );
}

/**
 * Received reports changed since a day: by (task, status, updated_at) among received reports. The owed periods'
 * query keeps the IN list alone, which that partial index cannot serve, so it seeks by (task, period) instead of
 * walking the task's received history.
 */
function changedSince(query: ReturnType<typeof factsQuery>, since: string) {
  return query.where(receivedReport('r')).where('r.updated_at', '>=', since);
}

// One task's (what a kept region re-reads after a write): built and compiled once.
const factsOfTaskChangedSince = compiledQuery(
  4,
  (db, regionId: string, planId: string, taskId: string, since: string) =>
    changedSince(factsQuery(db, regionId, planId, [taskId]), since),
);
const factsOfTaskFrom = compiledQuery(
  4,
  (db, regionId: string, planId: string, taskId: string, fromPeriod: string) =>
    factsQuery(db, regionId, planId, [taskId]).where('r.period', '>=', fromPeriod),
);
